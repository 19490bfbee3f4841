// The `window.spanwright` object the preload exposes, built over a minimal IPC interface so it
// can be tested without Electron. Only plain functions and data cross the context bridge.
import { IPC, MENU_COMMANDS, type MenuCommand, type SaveStream, type SecretStore, type SpanwrightBridge } from '../src-shared/bridge';

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
  };
}
