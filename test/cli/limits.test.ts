// The input limits on the command line: each refusal names the file, the entry or line and the
// limit, and the --max-... flag that raises it does. Run as processes, as a user would.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { zipFiles } from '../../src-shared/formats/zip-archive';

const BIN = resolve(__dirname, '../../bin/spanwright.mjs');
let dir = '';

function run(args: string[], input?: string | Buffer): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [BIN, ...args], { cwd: dir, encoding: 'utf8', input, maxBuffer: 64 * 1024 * 1024 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

const deep = (n: number) => '['.repeat(n) + ']'.repeat(n);
const withSpans = (n: number) => JSON.stringify({ text: 'x'.repeat(n), label: Array.from({ length: n }, (_, i) => [i, i + 1, 'PER']) });

beforeAll(() => {
  dir = mkdtempSync(join(tmpdir(), 'spanwright-limits-'));
  // A brat zip with a 40 MB entry of one letter repeated: about 40 KB packed.
  writeFileSync(
    join(dir, 'bomb.zip'),
    zipFiles([
      { path: 'a.txt', content: 'Ana Ruiz visited Valdeluz.' },
      { path: 'a.ann', content: 'T1\tPER 0 8\tAna Ruiz\n' },
      { path: 'zeros.txt', content: new Uint8Array(40_000_000).fill(0x61) },
    ]),
  );
  writeFileSync(join(dir, 'deep.jsonl'), `{"text": "fine"}\n{"text": "x", "meta": {"a": ${deep(100_000)}}}\n`);
  writeFileSync(join(dir, 'spans.jsonl'), `${withSpans(2)}\n${withSpans(6)}\n`);
  writeFileSync(join(dir, 'big.json'), JSON.stringify([{ text: 'x'.repeat(5_000) }]));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('limits on the command line', { timeout: 60_000 }, () => {
  it('refuses a zip bomb by its ratio, naming the entry; nothing of it is converted', () => {
    const result = run(['validate', 'bomb.zip']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('bomb.zip/zeros.txt: unpacks to more than 100 times its packed size (a zip bomb?)');
    expect(result.stdout).toContain('raise it with --max-zip-ratio');
    const converted = run(['convert', 'bomb.zip', 'out.jsonl', '--to', 'spanwright']);
    expect(converted.status).not.toBe(0);
    expect(converted.stderr).toContain('bomb.zip/zeros.txt');
  });

  it('reads the same zip once the flags raise the limits, and refuses it by entry size when that is lower', () => {
    expect(run(['validate', 'bomb.zip', '--max-zip-ratio', '10000']).status).toBe(0);
    const entry = run(['validate', 'bomb.zip', '--max-zip-ratio', '10000', '--max-zip-entry', '10MB']);
    expect(entry.stdout).toContain('bomb.zip/zeros.txt: unpacks to more than 10 MB, the limit for one file inside a zip');
  });

  it('refuses a line nested deeper than the limit instead of passing it and crashing later', () => {
    const result = run(['validate', 'deep.jsonl']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'deep.jsonl:2: JSON nesting deeper than 100 levels, the limit; to read it anyway, raise it with --max-json-depth',
    );
    const converted = run(['convert', 'deep.jsonl', '-', '--to', 'spanwright']);
    expect(converted.stderr).toContain('deep.jsonl:2: JSON nesting deeper than 100 levels');
    expect(converted.stderr).not.toContain('Maximum call stack');
    // Standard input is held to the same limit.
    expect(run(['validate', '-', '--max-json-depth', '3'], '{"text": "a", "meta": {"b": [[1]]}}\n').stdout).toContain(
      'stdin.jsonl:1: JSON nesting deeper than 3 levels',
    );
  });

  it('refuses a document with more spans than --max-spans, naming its line', () => {
    expect(run(['validate', 'spans.jsonl']).status).toBe(0);
    const result = run(['validate', 'spans.jsonl', '--max-spans', '5']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain('spans.jsonl:2: “spans #2”: the document has 6 spans, more than the limit of 5 per document');
    const stats = run(['stats', 'spans.jsonl', '--max-spans', '5']);
    expect(stats.stderr + stats.stdout).toContain('more than the limit of 5 per document');
  });

  it('refuses a file larger than --max-file-size without reading it, and a streamed line past it', () => {
    const result = run(['validate', 'big.json', '--max-file-size', '2KB']);
    expect(result.status).toBe(1);
    expect(result.stdout).toContain(
      'big.json: the file is 5 KB, larger than the limit of 2 KB per file; to read it anyway, raise it with --max-file-size',
    );
    const line = run(['validate', '-', '--max-file-size', '100'], `{"text": "a"}\n{"text": "${'b'.repeat(200)}"}\n`);
    expect(line.stdout).toContain('stdin.jsonl:2: the line is 212 bytes, larger than the limit of 100 bytes per file');
  });

  it('holds split to the limits too, and its flags raise them', () => {
    const refused = run(['split', 'spans.jsonl', '--out-dir', 'parts', '--max-spans', '5']);
    expect(refused.status).toBe(1);
    expect(refused.stderr).toContain('spans.jsonl:2: “spans #2”: the document has 6 spans, more than the limit of 5 per document');
    expect(refused.stderr).toContain('raise it with --max-spans');
    expect(run(['split', 'spans.jsonl', '--out-dir', 'parts', '--max-spans', '6']).status).toBe(0);
  });

  it('holds push to the limits before the server is touched', () => {
    const result = run(['push', 'big.json', 'http://127.0.0.1:9/nowhere', '--max-file-size', '2KB']);
    expect(result.status).toBe(1);
    expect(result.stderr).toContain(
      'big.json: the file is 5 KB, larger than the limit of 2 KB per file; to read it anyway, raise it with --max-file-size',
    );
  });

  it('says which values a limit flag takes', () => {
    const result = run(['validate', 'spans.jsonl', '--max-file-size', 'huge']);
    expect(result.status).toBe(2);
    expect(result.stderr).toContain('--max-file-size takes a size such as 500MB, 2GB or 1500000 (bytes) (got "huge")');
    expect(run(['validate', '--help']).stdout).toContain('--max-zip-ratio N');
  });
});
