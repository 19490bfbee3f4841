// The `window.spanwright` object the preload exposes, built over a minimal IPC interface so it
// can be tested without Electron. Only plain functions and data cross the context bridge.
import { restoreBackupInfo, type BackupInfo } from '../src-shared/backups';
import { IPC, MENU_COMMANDS, type BackupStore, type MenuCommand, type SaveStream, type SecretStore, type SpanwrightBridge } from '../src-shared/bridge';

/** The parts of Electron's ipcRenderer used here (never exposed to the page itself). */
export interface RendererIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

function isMenuCommand(value: unknown): value is MenuCommand {
  return typeof value === 'string' && (MENU_COMMANDS as readonly string[]).includes(value);
}

function saveStream(ipc: RendererIpc, token: string): SaveStream {
  return {
    write: async (chunk) => {
      await ipc.invoke(IPC.saveChunk, token, chunk);
    },
    commit: async () => {
      await ipc.invoke(IPC.saveCommit, token);
    },
    abort: async () => {
      await ipc.invoke(IPC.saveAbort, token);
    },
  };
}

/** Main answers a write with a Result (ipc-handlers.ts); a refusal becomes a rejection with its message. */
function throwIfRefused(answer: unknown): void {
  const { ok, error } = (typeof answer === 'object' && answer !== null ? answer : {}) as { ok?: unknown; error?: unknown };
  if (ok === true) return;
  throw new Error(typeof error === 'string' ? error : 'The password could not be saved.');
}

function secretStore(ipc: RendererIpc): SecretStore {
  return {
    persistent: true,
    read: async (key) => {
      const value = await ipc.invoke(IPC.secretRead, key);
      return typeof value === 'string' ? value : null;
    },
    write: async (key, value) => {
      throwIfRefused(await ipc.invoke(IPC.secretWrite, key, value));
    },
    forget: async (key) => {
      await ipc.invoke(IPC.secretForget, key);
    },
  };
}

/** Parts are joined into chunks of about this many UTF-16 code units per IPC call (main allows 16 Mi). */
export const BACKUP_CHUNK_LENGTH = 4 * 1024 * 1024;

/** Where to cut a long chunk: never between the two halves of a surrogate pair (each half alone would be written as U+FFFD). */
export function chunkEnd(text: string): number {
  const code = text.charCodeAt(BACKUP_CHUNK_LENGTH - 1);
  return code >= 0xd800 && code <= 0xdbff ? BACKUP_CHUNK_LENGTH - 1 : BACKUP_CHUNK_LENGTH;
}

function backupStore(ipc: RendererIpc): BackupStore {
  const asInfo = (value: unknown): BackupInfo => {
    const info = restoreBackupInfo(value);
    if (info === null) throw new Error('The backup folder answered with something that is not a backup.');
    return info;
  };
  return {
    location: async () => String(await ipc.invoke(IPC.backupLocation)),
    write: async (request, parts) => {
      const token = await ipc.invoke(IPC.backupBegin, request);
      try {
        let chunk = '';
        for (const part of parts) {
          chunk += part;
          while (chunk.length >= BACKUP_CHUNK_LENGTH) {
            const cut = chunkEnd(chunk);
            await ipc.invoke(IPC.backupChunk, token, chunk.slice(0, cut));
            chunk = chunk.slice(cut);
          }
        }
        if (chunk !== '') await ipc.invoke(IPC.backupChunk, token, chunk);
        return asInfo(await ipc.invoke(IPC.backupCommit, token));
      } catch (error) {
        await ipc.invoke(IPC.backupAbort, token).catch(() => undefined);
        throw error;
      }
    },
    list: async () => {
      const answer = await ipc.invoke(IPC.backupList);
      return Array.isArray(answer) ? answer.map(asInfo) : [];
    },
    read: async (id) => {
      const bytes = await ipc.invoke(IPC.backupRead, id);
      if (!(bytes instanceof Uint8Array)) throw new Error('The backup could not be read.');
      return bytes;
    },
  };
}

export function createElectronBridge(ipc: RendererIpc): SpanwrightBridge {
  return {
    platform: 'electron',
    appVersion: async () => String(await ipc.invoke(IPC.appVersion)),
    openFiles: async (filters) => (await ipc.invoke(IPC.openFiles, filters)) as Awaited<ReturnType<SpanwrightBridge['openFiles']>>,
    saveFile: async (suggestedName, filters) => {
      const token = await ipc.invoke(IPC.saveBegin, suggestedName, filters);
      return typeof token === 'string' ? saveStream(ipc, token) : null;
    },
    onMenuCommand: (handler) => {
      // The IPC event stays here: handing it to the page would leak ipcRenderer through event.sender.
      const listener = (_event: unknown, command: unknown): void => {
        if (isMenuCommand(command)) handler(command);
      };
      ipc.on(IPC.menuCommand, listener);
      return () => {
        ipc.removeListener(IPC.menuCommand, listener);
      };
    },
    secrets: secretStore(ipc),
    backups: backupStore(ipc),
  };
}
