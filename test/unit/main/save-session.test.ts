import { mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SAVE_TOKEN_PATTERN } from '../../../src-main/ipc-validation';
import { SaveSessionError, SaveSessions, partialPathFor } from '../../../src-main/save-session';

const OWNER = 1;
const OTHER_OWNER = 2;

describe('SaveSessions', () => {
  let dir: string;
  let target: string;
  let sessions: SaveSessions;

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-save-'));
    target = join(dir, 'corpus.jsonl');
    sessions = new SaveSessions();
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('names partial files <target>.<random>.partial beside the target', () => {
    expect(partialPathFor(target)).toMatch(/[\\/]corpus\.jsonl\.[0-9a-f]{12}\.partial$/);
    expect(partialPathFor(target)).not.toBe(partialPathFor(target));
  });

  it('writes bytes as they are, between text chunks', async () => {
    const token = await sessions.begin(target, OWNER);
    await sessions.write(token, OWNER, 'PK');
    await sessions.write(token, OWNER, new Uint8Array([0x03, 0x04, 0x00, 0xff]));
    await sessions.commit(token, OWNER);
    expect([...readFileSync(target)]).toEqual([0x50, 0x4b, 0x03, 0x04, 0x00, 0xff]);
  });

  it('writes chunks to a partial file and only shows the target after commit', async () => {
    const token = await sessions.begin(target, OWNER);
    expect(token).toMatch(SAVE_TOKEN_PATTERN);
    await sessions.write(token, OWNER, '{"a":1}\n');
    await sessions.write(token, OWNER, '{"b":"Ünï 🙂"}\n');

    const [partial, ...rest] = readdirSync(dir);
    expect(rest).toEqual([]);
    expect(partial).toMatch(/^corpus\.jsonl\.[0-9a-f]{12}\.partial$/);

    await sessions.commit(token, OWNER);
    expect(readdirSync(dir)).toEqual(['corpus.jsonl']);
    expect(readFileSync(target, 'utf8')).toBe('{"a":1}\n{"b":"Ünï 🙂"}\n');
    expect(sessions.openCount).toBe(0);
  });

  it('keeps the old target intact until commit, then replaces it', async () => {
    writeFileSync(target, 'old contents');
    const token = await sessions.begin(target, OWNER);
    await sessions.write(token, OWNER, 'new');
    expect(readFileSync(target, 'utf8')).toBe('old contents');
    await sessions.commit(token, OWNER);
    expect(readFileSync(target, 'utf8')).toBe('new');
  });

  it('keeps write order even when writes are not awaited one by one', async () => {
    const token = await sessions.begin(target, OWNER);
    await Promise.all(Array.from({ length: 200 }, (_, i) => sessions.write(token, OWNER, `${i}\n`)));
    await sessions.commit(token, OWNER);
    expect(readFileSync(target, 'utf8')).toBe(Array.from({ length: 200 }, (_, i) => `${i}\n`).join(''));
  });

  it('commit waits for writes still queued', async () => {
    const token = await sessions.begin(target, OWNER);
    void sessions.write(token, OWNER, 'a');
    void sessions.write(token, OWNER, 'b');
    await sessions.commit(token, OWNER);
    expect(readFileSync(target, 'utf8')).toBe('ab');
  });

  it('abort deletes the partial file and leaves an existing target alone', async () => {
    writeFileSync(target, 'old contents');
    const token = await sessions.begin(target, OWNER);
    await sessions.write(token, OWNER, 'half');
    await sessions.abort(token, OWNER);
    expect(readdirSync(dir)).toEqual(['corpus.jsonl']);
    expect(readFileSync(target, 'utf8')).toBe('old contents');
    expect(sessions.openCount).toBe(0);
  });

  it('abort is idempotent', async () => {
    const token = await sessions.begin(target, OWNER);
    await sessions.abort(token, OWNER);
    await expect(sessions.abort(token, OWNER)).resolves.toBeUndefined();
  });

  it('refuses to use a token after it is finished', async () => {
    const token = await sessions.begin(target, OWNER);
    await sessions.commit(token, OWNER);
    const message = 'No save in progress for this token (it was committed, aborted or never started).';
    expect(() => sessions.write(token, OWNER, 'late')).toThrow(new SaveSessionError(message));
    expect(() => sessions.commit(token, OWNER)).toThrow(new SaveSessionError(message));
    expect(readFileSync(target, 'utf8')).toBe('');
  });

  it("refuses another owner's token exactly as an unknown one, and its abort does nothing", async () => {
    const token = await sessions.begin(target, OWNER);
    const message = 'No save in progress for this token (it was committed, aborted or never started).';
    expect(() => sessions.write(token, OTHER_OWNER, 'x')).toThrow(new SaveSessionError(message));
    expect(() => sessions.write('0'.repeat(32), OWNER, 'x')).toThrow(new SaveSessionError(message));
    await sessions.abort(token, OTHER_OWNER);
    expect(sessions.openCount).toBe(1);
    await sessions.commit(token, OWNER);
    expect(readdirSync(dir)).toEqual(['corpus.jsonl']);
  });

  it('cleans up the partial file when the final rename fails, and leaves no target', async () => {
    const blockedTarget = join(dir, 'blocked');
    const token = await sessions.begin(blockedTarget, OWNER);
    await sessions.write(token, OWNER, 'data');
    // A non-empty directory where the file should go makes the rename fail.
    mkdirSync(blockedTarget);
    writeFileSync(join(blockedTarget, 'inside'), '');
    await expect(sessions.commit(token, OWNER)).rejects.toThrow();
    expect(readdirSync(dir)).toEqual(['blocked']);
    expect(readdirSync(blockedTarget)).toEqual(['inside']);
    expect(sessions.openCount).toBe(0);
  });

  it('fails to begin in a directory that does not exist, leaving nothing open', async () => {
    await expect(sessions.begin(join(dir, 'missing', 'x.jsonl'), OWNER)).rejects.toThrow(/ENOENT/);
    expect(sessions.openCount).toBe(0);
  });

  it('aborts every save of one owner when its window closes, and only those', async () => {
    const first = await sessions.begin(join(dir, 'a.jsonl'), OWNER);
    const second = await sessions.begin(join(dir, 'b.jsonl'), OWNER);
    const others = await sessions.begin(join(dir, 'c.jsonl'), OTHER_OWNER);
    await sessions.write(first, OWNER, '1');
    await sessions.write(second, OWNER, '2');
    await sessions.abortAllOwnedBy(OWNER);
    expect(sessions.openCount).toBe(1);
    expect(readdirSync(dir).every((name) => name.startsWith('c.jsonl.'))).toBe(true);
    await sessions.commit(others, OTHER_OWNER);
    expect(readdirSync(dir)).toEqual(['c.jsonl']);
  });

  it('limits how many saves one owner may keep open', async () => {
    const limited = new SaveSessions({ maxOpenPerOwner: 2 });
    await limited.begin(join(dir, 'a'), OWNER);
    await limited.begin(join(dir, 'b'), OWNER);
    await expect(limited.begin(join(dir, 'c'), OWNER)).rejects.toThrow(
      new SaveSessionError('Too many saves in progress (2); finish or abort one first.'),
    );
    await expect(limited.begin(join(dir, 'd'), OTHER_OWNER)).resolves.toMatch(SAVE_TOKEN_PATTERN);
    await limited.abortAllOwnedBy(OWNER);
    await limited.abortAllOwnedBy(OTHER_OWNER);
    expect(readdirSync(dir)).toEqual([]);
  });
});
