import { mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { IPC, type FileFilter } from '../../../src-shared/bridge';
import { BackupFolder } from '../../../src-main/backup-folder';
import { EncryptedSecretFile, SECRETS_FILE_NAME } from '../../../src-main/encrypted-secret-file';
import { createIpcHandlers, type IpcInvokeEvent, type IpcInvokeHandler } from '../../../src-main/ipc-handlers';
import { FileTooLargeError, readOpenedFiles } from '../../../src-main/open-files';
import { SaveSessions } from '../../../src-main/save-session';

const appEvent = (id = 7): IpcInvokeEvent => ({ sender: { id }, senderFrame: { url: 'app://spanwright/index.html' } });
const filters: FileFilter[] = [{ name: 'JSONL', extensions: ['jsonl'] }];

describe('readOpenedFiles', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-open-'));
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('returns names and exact bytes', async () => {
    writeFileSync(join(dir, 'a.txt'), 'héllo');
    writeFileSync(join(dir, 'b.jsonl'), '');
    const files = await readOpenedFiles([join(dir, 'a.txt'), join(dir, 'b.jsonl')]);
    expect(files.map((file) => file.name)).toEqual(['a.txt', 'b.jsonl']);
    expect(Array.from(files[0]!.bytes)).toEqual([0x68, 0xc3, 0xa9, 0x6c, 0x6c, 0x6f]);
    expect(files[0]!.bytes.buffer.byteLength).toBe(6);
    expect(files[1]!.bytes.byteLength).toBe(0);
  });

  it('refuses a file over the limit with a message naming it', async () => {
    writeFileSync(join(dir, 'small.txt'), 'ok');
    writeFileSync(join(dir, 'big.txt'), Buffer.alloc(3 * 1024 * 1024));
    const read = readOpenedFiles([join(dir, 'small.txt'), join(dir, 'big.txt')], 2 * 1024 * 1024);
    await expect(read).rejects.toThrow(FileTooLargeError);
    await expect(readOpenedFiles([join(dir, 'big.txt')], 2 * 1024 * 1024)).rejects.toThrow(
      '"big.txt" is 3 MB; files larger than 2 MB cannot be opened from the menu. Use Import documents… in the window, which reads large files a piece at a time.',
    );
  });

  it('accepts a file of exactly the limit', async () => {
    writeFileSync(join(dir, 'edge.bin'), Buffer.alloc(1024));
    await expect(readOpenedFiles([join(dir, 'edge.bin')], 1024)).resolves.toHaveLength(1);
  });

  it('refuses directories', async () => {
    await expect(readOpenedFiles([dir])).rejects.toThrow(/is not a regular file/);
  });
});

describe('createIpcHandlers', () => {
  let dir: string;
  let sessions: SaveSessions;
  let openPaths: string[];
  let savePath: string | null;
  let dialogCalls: unknown[][];
  let handlers: Record<string, IpcInvokeHandler>;
  let encryptionAvailable: boolean;

  const call = (channel: string, event: IpcInvokeEvent, ...args: unknown[]) => {
    const handler = handlers[channel];
    if (handler === undefined) throw new Error(`no handler for ${channel}`);
    return handler(event, ...args);
  };

  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'spanwright-ipc-'));
    sessions = new SaveSessions();
    openPaths = [];
    savePath = null;
    dialogCalls = [];
    encryptionAvailable = true;
    handlers = createIpcHandlers({
      appVersion: () => '1.2.3',
      showOpenDialog: async (ownerId, f) => {
        dialogCalls.push(['open', ownerId, f]);
        return openPaths;
      },
      showSaveDialog: async (ownerId, name, f) => {
        dialogCalls.push(['save', ownerId, name, f]);
        return savePath;
      },
      saveSessions: sessions,
      // A reversible stand-in for safeStorage (base64 of the reversed text).
      secrets: new EncryptedSecretFile(join(dir, SECRETS_FILE_NAME), {
        available: () => encryptionAvailable,
        encrypt: (text) => new Uint8Array(Buffer.from([...text].reverse().join(''), 'utf8')),
        decrypt: (bytes) => [...Buffer.from(bytes).toString('utf8')].reverse().join(''),
      }),
      backups: new BackupFolder(join(dir, 'backups'), new SaveSessions()),
      trustedOrigins: ['app://spanwright'],
      maxOpenFileBytes: 1024,
    });
  });
  afterEach(() => {
    rmSync(dir, { recursive: true, force: true });
  });

  it('handles every invoke channel of the bridge and not the push-only menu channel', () => {
    expect(Object.keys(handlers).sort()).toEqual(
      [
        IPC.appVersion,
        IPC.openFiles,
        IPC.saveBegin,
        IPC.saveChunk,
        IPC.saveCommit,
        IPC.saveAbort,
        IPC.secretRead,
        IPC.secretWrite,
        IPC.secretForget,
        IPC.backupLocation,
        IPC.backupBegin,
        IPC.backupChunk,
        IPC.backupCommit,
        IPC.backupAbort,
        IPC.backupList,
        IPC.backupRead,
      ].sort(),
    );
  });

  it('answers the app version', async () => {
    await expect(call(IPC.appVersion, appEvent())).resolves.toBe('1.2.3');
    await expect(call(IPC.appVersion, appEvent(), 'extra')).rejects.toThrow('this call takes no arguments');
  });

  it.each([
    ['no frame', { sender: { id: 1 }, senderFrame: null }],
    ['a web page', { sender: { id: 1 }, senderFrame: { url: 'https://evil.example/' } }],
    ['a file page', { sender: { id: 1 }, senderFrame: { url: 'file:///tmp/x.html' } }],
    ['a look-alike host', { sender: { id: 1 }, senderFrame: { url: 'app://spanwright.evil/' } }],
  ])('refuses calls from %s before looking at arguments or opening dialogs', async (_label, event) => {
    for (const channel of Object.keys(handlers)) {
      await expect(call(channel, event as IpcInvokeEvent, filters)).rejects.toThrow('IPC call refused: the sender is not the Spanwright app.');
    }
    expect(dialogCalls).toEqual([]);
  });

  it('opens files with validated filters and reads them', async () => {
    writeFileSync(join(dir, 'doc.jsonl'), '{"text":"x"}\n');
    openPaths = [join(dir, 'doc.jsonl')];
    const files = (await call(IPC.openFiles, appEvent(7), filters)) as { name: string; bytes: Uint8Array }[];
    expect(dialogCalls).toEqual([['open', 7, filters]]);
    expect(files.map((file) => [file.name, Buffer.from(file.bytes).toString('utf8')])).toEqual([['doc.jsonl', '{"text":"x"}\n']]);
  });

  it('returns [] when the open dialog is cancelled', async () => {
    await expect(call(IPC.openFiles, appEvent(), filters)).resolves.toEqual([]);
  });

  it('refuses oversized files with a clear message', async () => {
    writeFileSync(join(dir, 'huge.jsonl'), Buffer.alloc(2048));
    openPaths = [join(dir, 'huge.jsonl')];
    await expect(call(IPC.openFiles, appEvent(), filters)).rejects.toThrow('"huge.jsonl" is 2 KB; files larger than 1 KB cannot be opened from the menu. Use Import documents… in the window, which reads large files a piece at a time.');
  });

  it('rejects hostile arguments without opening a dialog', async () => {
    await expect(call(IPC.openFiles, appEvent(), [{ name: 'x', extensions: ['../../etc'] }])).rejects.toThrow(/extension/);
    await expect(call(IPC.openFiles, appEvent())).rejects.toThrow('expected 1 argument(s), got 0');
    await expect(call(IPC.saveBegin, appEvent(), '../../.bashrc', filters)).rejects.toThrow('path separators');
    await expect(call(IPC.saveBegin, appEvent(), 'x.jsonl', 'not filters')).rejects.toThrow('filters must be an array');
    await expect(call(IPC.saveChunk, appEvent(), 'not-a-token', 'x')).rejects.toThrow('save token is malformed');
    await expect(call(IPC.saveChunk, appEvent(), '0'.repeat(32), 42)).rejects.toThrow('chunk must be a string or bytes');
    await expect(call(IPC.saveCommit, appEvent(), { token: 1 })).rejects.toThrow('save token is malformed');
    expect(dialogCalls).toEqual([]);
  });

  it('returns null when the save dialog is cancelled', async () => {
    await expect(call(IPC.saveBegin, appEvent(3), 'corpus.jsonl', filters)).resolves.toBeNull();
    expect(dialogCalls).toEqual([['save', 3, 'corpus.jsonl', filters]]);
    expect(sessions.openCount).toBe(0);
  });

  it('streams a save through begin, chunks and commit', async () => {
    savePath = join(dir, 'corpus.jsonl');
    const token = await call(IPC.saveBegin, appEvent(), 'corpus.jsonl', filters);
    expect(token).toMatch(/^[0-9a-f]{32}$/);
    await call(IPC.saveChunk, appEvent(), token, 'line 1\n');
    await call(IPC.saveChunk, appEvent(), token, 'line 2\n');
    expect(readdirSync(dir)).toHaveLength(1);
    expect(readdirSync(dir)[0]).toMatch(/\.partial$/);
    await call(IPC.saveCommit, appEvent(), token);
    expect(readFileSync(savePath, 'utf8')).toBe('line 1\nline 2\n');
  });

  it('writes, reads and forgets a secret', async () => {
    const key = 'team-password:ana@https://couch.example.org/p1';
    await expect(call(IPC.secretRead, appEvent(), key)).resolves.toBeNull();
    await expect(call(IPC.secretWrite, appEvent(), key, 'hunter2')).resolves.toEqual({ ok: true, value: null });
    expect(readFileSync(join(dir, SECRETS_FILE_NAME), 'utf8')).not.toContain('hunter2');
    await expect(call(IPC.secretRead, appEvent(), key)).resolves.toBe('hunter2');
    await call(IPC.secretForget, appEvent(), key);
    await expect(call(IPC.secretRead, appEvent(), key)).resolves.toBeNull();
  });

  it('answers a refusal, not an exception, when the system cannot encrypt', async () => {
    encryptionAvailable = false;
    const answer = (await call(IPC.secretWrite, appEvent(), 'key', 'hunter2')) as { ok: boolean; error?: string };
    expect(answer.ok).toBe(false);
    expect(answer.error).toMatch(/no secure place for passwords/);
    expect(readdirSync(dir)).toEqual([]);
  });

  it('rejects malformed secret keys and values before touching the file', async () => {
    await expect(call(IPC.secretRead, appEvent(), '')).rejects.toThrow("a secret's key must be a string of 1-512 characters");
    await expect(call(IPC.secretWrite, appEvent(), 'a\nb', 'x')).rejects.toThrow("a secret's key must be printable characters only");
    await expect(call(IPC.secretWrite, appEvent(), 'key', 'x'.repeat(8 * 1024 + 1))).rejects.toThrow(
      'a secret must be a string of at most 8192 characters',
    );
    await expect(call(IPC.secretWrite, appEvent(), 'key', { toString: () => 'x' })).rejects.toThrow('a secret must be a string');
    await expect(call(IPC.secretWrite, appEvent(), 'key')).rejects.toThrow('expected 2 argument(s), got 1');
    await expect(call(IPC.secretForget, appEvent(), ['key'])).rejects.toThrow("a secret's key must be a string");
    expect(readdirSync(dir)).toEqual([]);
  });

  it("does not let one window write to another window's save", async () => {
    savePath = join(dir, 'corpus.jsonl');
    const token = await call(IPC.saveBegin, appEvent(1), 'corpus.jsonl', filters);
    await expect(call(IPC.saveChunk, appEvent(2), token, 'intruder')).rejects.toThrow('No save in progress for this token');
    await call(IPC.saveAbort, appEvent(1), token);
    expect(readdirSync(dir)).toEqual([]);
  });

  const request = { projectId: 'p1', projectName: 'News', reason: 'import', documents: 2, spans: 5 };

  it('writes a backup in the backup folder, lists it and reads it back by its id', async () => {
    const token = await call(IPC.backupBegin, appEvent(), request);
    await call(IPC.backupChunk, appEvent(), token, '{"format":"spanwright-project"}\n');
    const info = (await call(IPC.backupCommit, appEvent(), token)) as { id: string };
    expect(info).toMatchObject({ ...request, bytes: 32 });
    expect(await call(IPC.backupList, appEvent())).toEqual([info]);
    expect(Buffer.from((await call(IPC.backupRead, appEvent(), info.id)) as Uint8Array).toString()).toBe('{"format":"spanwright-project"}\n');
    expect(await call(IPC.backupLocation, appEvent())).toBe(join(dir, 'backups'));
  });

  it('refuses backup ids that are paths or not made by main, and malformed requests', async () => {
    for (const id of ['../secrets', '/etc/passwd', '20261202T123456789Z-import-0123456789abcdef/../x', 'x']) {
      await expect(call(IPC.backupRead, appEvent(), id)).rejects.toThrow('backup id is malformed');
    }
    await expect(call(IPC.backupRead, appEvent(), '20261202T123456789Z-import-0123456789abcdef')).rejects.toThrow('There is no backup with this id');
    await expect(call(IPC.backupBegin, appEvent(), { ...request, reason: 'whenever' })).rejects.toThrow('backup reason must be one of');
    await expect(call(IPC.backupBegin, appEvent(), { ...request, spans: -1 })).rejects.toThrow('backup counts must be whole numbers');
    await expect(call(IPC.backupBegin, appEvent(), { ...request, projectId: '' })).rejects.toThrow('backup project id');
  });

  it("does not let one window write to or commit another window's backup", async () => {
    const token = await call(IPC.backupBegin, appEvent(1), request);
    await expect(call(IPC.backupChunk, appEvent(2), token, 'intruder')).rejects.toThrow('No backup in progress for this token');
    await expect(call(IPC.backupCommit, appEvent(2), token)).rejects.toThrow('No backup in progress for this token');
    await call(IPC.backupAbort, appEvent(1), token);
    expect(await call(IPC.backupList, appEvent(1))).toEqual([]);
    expect(readdirSync(join(dir, 'backups'))).toEqual([]);
  });
});
