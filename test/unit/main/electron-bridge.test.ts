import { describe, expect, it } from 'vitest';
import { IPC, type MenuCommand } from '../../../src-shared/bridge';
import { BACKUP_CHUNK_LENGTH, chunkEnd, createElectronBridge, type RendererIpc } from '../../../src-main/electron-bridge';

type Listener = (event: unknown, ...args: unknown[]) => void;

function fakeIpc(answers: Record<string, unknown> = {}) {
  const invocations: unknown[][] = [];
  const listeners = new Map<string, Set<Listener>>();
  const ipc: RendererIpc = {
    invoke: async (channel, ...args) => {
      invocations.push([channel, ...args]);
      return answers[channel];
    },
    on: (channel, listener) => {
      const set = listeners.get(channel) ?? new Set();
      set.add(listener);
      listeners.set(channel, set);
    },
    removeListener: (channel, listener) => {
      listeners.get(channel)?.delete(listener);
    },
  };
  const emit = (channel: string, ...args: unknown[]) => {
    for (const listener of listeners.get(channel) ?? []) listener({ sender: 'ipcRenderer' }, ...args);
  };
  return { ipc, invocations, listeners, emit };
}

const filters = [{ name: 'Text', extensions: ['txt'] }];

describe('createElectronBridge', () => {
  it('reports the electron platform and exactly the bridge members', () => {
    const bridge = createElectronBridge(fakeIpc().ipc);
    expect(bridge.platform).toBe('electron');
    expect(Object.keys(bridge).sort()).toEqual(['appVersion', 'backups', 'onMenuCommand', 'openFiles', 'platform', 'saveFile', 'secrets']);
    expect(Object.keys(bridge.secrets).sort()).toEqual(['forget', 'persistent', 'read', 'write']);
    expect(bridge.secrets.persistent).toBe(true);
  });

  it('asks main for the version and opened files', async () => {
    const bytes = new Uint8Array([1, 2]);
    const { ipc, invocations } = fakeIpc({ [IPC.appVersion]: '0.1.0', [IPC.openFiles]: [{ name: 'a.txt', bytes }] });
    const bridge = createElectronBridge(ipc);
    await expect(bridge.appVersion()).resolves.toBe('0.1.0');
    await expect(bridge.openFiles(filters)).resolves.toEqual([{ name: 'a.txt', bytes }]);
    expect(invocations).toEqual([[IPC.appVersion], [IPC.openFiles, filters]]);
  });

  it('resolves saveFile to null when the dialog is cancelled', async () => {
    const { ipc, invocations } = fakeIpc({ [IPC.saveBegin]: null });
    await expect(createElectronBridge(ipc).saveFile('x.jsonl', filters)).resolves.toBeNull();
    expect(invocations).toEqual([[IPC.saveBegin, 'x.jsonl', filters]]);
  });

  it('sends every stream call with the token from saveBegin', async () => {
    const token = 'ab'.repeat(16);
    const { ipc, invocations } = fakeIpc({ [IPC.saveBegin]: token });
    const stream = await createElectronBridge(ipc).saveFile('x.jsonl', filters);
    if (stream === null) throw new Error('expected a stream');
    await expect(stream.write('chunk')).resolves.toBeUndefined();
    await stream.commit();
    await stream.abort();
    expect(invocations).toEqual([
      [IPC.saveBegin, 'x.jsonl', filters],
      [IPC.saveChunk, token, 'chunk'],
      [IPC.saveCommit, token],
      [IPC.saveAbort, token],
    ]);
  });

  it('reads, writes and forgets secrets through main', async () => {
    const { ipc, invocations } = fakeIpc({ [IPC.secretRead]: 'hunter2', [IPC.secretWrite]: { ok: true, value: null } });
    const { secrets } = createElectronBridge(ipc);
    await expect(secrets.read('key')).resolves.toBe('hunter2');
    await expect(secrets.write('key', 'hunter3')).resolves.toBeUndefined();
    await expect(secrets.forget('key')).resolves.toBeUndefined();
    expect(invocations).toEqual([
      [IPC.secretRead, 'key'],
      [IPC.secretWrite, 'key', 'hunter3'],
      [IPC.secretForget, 'key'],
    ]);
  });

  it('reads null when main has no secret (or answers something odd)', async () => {
    await expect(createElectronBridge(fakeIpc({ [IPC.secretRead]: null }).ipc).secrets.read('key')).resolves.toBeNull();
    await expect(createElectronBridge(fakeIpc({ [IPC.secretRead]: 42 }).ipc).secrets.read('key')).resolves.toBeNull();
  });

  it("turns main's refusal to write into a rejection with main's message as it is", async () => {
    const refused = fakeIpc({ [IPC.secretWrite]: { ok: false, error: 'This computer offers no secure place for passwords.' } });
    await expect(createElectronBridge(refused.ipc).secrets.write('key', 'x')).rejects.toThrow(
      /^This computer offers no secure place for passwords\.$/,
    );
    const odd = fakeIpc({ [IPC.secretWrite]: undefined });
    await expect(createElectronBridge(odd.ipc).secrets.write('key', 'x')).rejects.toThrow('The password could not be saved.');
  });

  it('forwards only known menu commands, without the IPC event, until unsubscribed', () => {
    const { ipc, emit, listeners } = fakeIpc();
    const received: unknown[][] = [];
    const unsubscribe = createElectronBridge(ipc).onMenuCommand((...args: unknown[]) => received.push(args));
    emit(IPC.menuCommand, 'import');
    emit(IPC.menuCommand, 'format-disk');
    emit(IPC.menuCommand, { command: 'undo' });
    emit(IPC.menuCommand, 'about');
    expect(received).toEqual([['import'], ['about']]);
    unsubscribe();
    emit(IPC.menuCommand, 'redo');
    expect(received).toEqual([['import'], ['about']]);
    expect(listeners.get(IPC.menuCommand)?.size).toBe(0);
  });

  it('keeps separate subscriptions independent', () => {
    const { ipc, emit } = fakeIpc();
    const bridge = createElectronBridge(ipc);
    const first: MenuCommand[] = [];
    const second: MenuCommand[] = [];
    const unsubscribeFirst = bridge.onMenuCommand((command) => first.push(command));
    bridge.onMenuCommand((command) => second.push(command));
    unsubscribeFirst();
    emit(IPC.menuCommand, 'export');
    expect(first).toEqual([]);
    expect(second).toEqual(['export']);
  });

  const backupInfo = {
    id: '20261202T123456789Z-daily-0123456789abcdef', projectId: 'p', projectName: 'News', reason: 'daily', documents: 1, spans: 2, createdAt: 5, bytes: 9,
  };

  it('streams a backup in chunks main accepts, then answers what main wrote', async () => {
    const fake = fakeIpc({ [IPC.backupBegin]: 'token', [IPC.backupCommit]: backupInfo });
    const bridge = createElectronBridge(fake.ipc);
    const big = 'x'.repeat(BACKUP_CHUNK_LENGTH + 10);
    const request = { projectId: 'p', projectName: 'News', reason: 'daily' as const, documents: 1, spans: 2 };
    await expect(bridge.backups.write(request, ['head\n', big, 'tail\n'])).resolves.toEqual(backupInfo);
    const chunks = fake.invocations.filter(([channel]) => channel === IPC.backupChunk).map(([, , chunk]) => chunk as string);
    expect(chunks.every((chunk) => chunk.length <= BACKUP_CHUNK_LENGTH)).toBe(true);
    expect(chunks.join('')).toBe(`head\n${big}tail\n`);
    expect(fake.invocations[0]).toEqual([IPC.backupBegin, request]);
    expect(fake.invocations.at(-1)).toEqual([IPC.backupCommit, 'token']);
  });

  it('never cuts a chunk between the halves of a surrogate pair', () => {
    const text = `${'x'.repeat(BACKUP_CHUNK_LENGTH - 1)}🙂`;
    expect(chunkEnd(text)).toBe(BACKUP_CHUNK_LENGTH - 1);
    expect(chunkEnd('x'.repeat(BACKUP_CHUNK_LENGTH + 1))).toBe(BACKUP_CHUNK_LENGTH);
  });

  it('aborts a backup whose chunk main refuses, and says why', async () => {
    const fake = fakeIpc({ [IPC.backupBegin]: 'token' });
    const ipc: RendererIpc = {
      ...fake.ipc,
      invoke: async (channel, ...args) => {
        if (channel === IPC.backupChunk) throw new Error('disk full');
        return fake.ipc.invoke(channel, ...args);
      },
    };
    const request = { projectId: 'p', projectName: 'News', reason: 'import' as const, documents: 0, spans: 0 };
    await expect(createElectronBridge(ipc).backups.write(request, ['x'])).rejects.toThrow('disk full');
    expect(fake.invocations.at(-1)).toEqual([IPC.backupAbort, 'token']);
  });

  it('refuses answers that are not backups', async () => {
    const fake = fakeIpc({ [IPC.backupList]: [backupInfo, { id: '../x' }] });
    await expect(createElectronBridge(fake.ipc).backups.list()).rejects.toThrow('not a backup');
  });
});
