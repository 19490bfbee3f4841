import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { FileTooLargeError, MAX_OPEN_FILE_BYTES, MAX_OPEN_TOTAL_BYTES, readOpenedFiles } from '../../../src-main/open-files';

describe('readOpenedFiles: the total of one pick', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-open-total-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('refuses a pick whose files are each allowed but too large together, naming the file and the cap', async () => {
    const paths = ['a.jsonl', 'b.jsonl', 'c.jsonl'].map((name) => join(dir, name));
    for (const path of paths) writeFileSync(path, Buffer.alloc(1024 * 1024));
    const read = readOpenedFiles(paths, 2 * 1024 * 1024, 2.5 * 1024 * 1024);
    await expect(read).rejects.toThrow(FileTooLargeError);
    await expect(readOpenedFiles(paths, 2 * 1024 * 1024, 2.5 * 1024 * 1024)).rejects.toThrow(
      'With "c.jsonl" the chosen files come to 3 MB; at most 2.5 MB can be opened at once from the menu. Open fewer files at a time, or use Import documents… in the window.',
    );
  });

  it('accepts a pick of exactly the cap', async () => {
    const paths = ['a.txt', 'b.txt'].map((name) => join(dir, name));
    for (const path of paths) writeFileSync(path, Buffer.alloc(512));
    await expect(readOpenedFiles(paths, 1024, 1024)).resolves.toHaveLength(2);
  });

  it('has a default cap above one file and below what a window can hold', () => {
    expect(MAX_OPEN_TOTAL_BYTES).toBeGreaterThan(MAX_OPEN_FILE_BYTES);
    expect(MAX_OPEN_TOTAL_BYTES).toBeLessThanOrEqual(1024 * 1024 * 1024);
  });
});
