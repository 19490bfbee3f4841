// The main-process side of the bridge: one handler per invoke channel. Each checks who is
// calling and what it sent before touching dialogs or files. Electron objects come in through
// `IpcDependencies`, so this module runs (and is tested) in plain Node.
import { IPC, type FileFilter } from '../src-shared/bridge';
import { isTrustedUrl } from './app-origin';
import type { BackupFolder } from './backup-folder';
import type { EncryptedSecretFile } from './encrypted-secret-file';
import {
  validateBackupId,
  validateBackupRequest,
  validateChunk,
  validateFileFilters,
  validateNoArguments,
  validateSaveToken,
  validateSecretKey,
  validateSecretValue,
  validateSuggestedName,
} from './ipc-validation';
import { MAX_OPEN_FILE_BYTES, readOpenedFiles } from './open-files';
import type { SaveSessions } from './save-session';

/** The parts of Electron's IpcMainInvokeEvent the handlers use. */
export interface IpcInvokeEvent {
  readonly sender: { readonly id: number };
  readonly senderFrame: { readonly url: string } | null;
}

export interface IpcDependencies {
  appVersion(): string;
  /** Resolves to the chosen paths, [] when cancelled. `ownerId` is the asking webContents. */
  showOpenDialog(ownerId: number, filters: FileFilter[]): Promise<string[]>;
  /** Resolves to the chosen path, null when cancelled. */
  showSaveDialog(ownerId: number, suggestedName: string, filters: FileFilter[]): Promise<string | null>;
  saveSessions: SaveSessions;
  secrets: Pick<EncryptedSecretFile, 'read' | 'write' | 'forget'>;
  backups: Pick<BackupFolder, 'directory' | 'begin' | 'write' | 'commit' | 'abort' | 'list' | 'read'>;
  trustedOrigins: readonly string[];
  maxOpenFileBytes?: number;
}

export type IpcInvokeHandler = (event: IpcInvokeEvent, ...args: unknown[]) => Promise<unknown>;

export type InvokeChannel = Exclude<(typeof IPC)[keyof typeof IPC], typeof IPC.menuCommand>;

export class UntrustedSenderError extends Error {
  override name = 'UntrustedSenderError';
}

function assertTrustedSender(event: IpcInvokeEvent, trustedOrigins: readonly string[]): void {
  const url = event.senderFrame?.url;
  if (url === undefined || !isTrustedUrl(url, trustedOrigins)) {
    throw new UntrustedSenderError('IPC call refused: the sender is not the Spanwright app.');
  }
}

function argumentCount(args: readonly unknown[], expected: number): void {
  if (args.length !== expected) throw new TypeError(`expected ${expected} argument(s), got ${args.length}`);
}

export function createIpcHandlers(deps: IpcDependencies): Record<InvokeChannel, IpcInvokeHandler> {
  const maxOpenFileBytes = deps.maxOpenFileBytes ?? MAX_OPEN_FILE_BYTES;

  /** Wraps a handler with the sender check, which runs before any argument is looked at. */
  const guarded =
    (handler: (ownerId: number, args: unknown[]) => Promise<unknown>): IpcInvokeHandler =>
    async (event, ...args) => {
      assertTrustedSender(event, deps.trustedOrigins);
      return handler(event.sender.id, args);
    };

  return {
    [IPC.appVersion]: guarded(async (_ownerId, args) => {
      validateNoArguments(args);
      return deps.appVersion();
    }),

    [IPC.openFiles]: guarded(async (ownerId, args) => {
      argumentCount(args, 1);
      const filters = validateFileFilters(args[0]);
      const paths = await deps.showOpenDialog(ownerId, filters);
      return readOpenedFiles(paths, maxOpenFileBytes);
    }),

    [IPC.saveBegin]: guarded(async (ownerId, args) => {
      argumentCount(args, 2);
      const suggestedName = validateSuggestedName(args[0]);
      const filters = validateFileFilters(args[1]);
      const targetPath = await deps.showSaveDialog(ownerId, suggestedName, filters);
      if (targetPath === null) return null;
      return deps.saveSessions.begin(targetPath, ownerId);
    }),

    [IPC.saveChunk]: guarded(async (ownerId, args) => {
      argumentCount(args, 2);
      const token = validateSaveToken(args[0]);
      const chunk = validateChunk(args[1]);
      await deps.saveSessions.write(token, ownerId, chunk);
    }),

    [IPC.saveCommit]: guarded(async (ownerId, args) => {
      argumentCount(args, 1);
      await deps.saveSessions.commit(validateSaveToken(args[0]), ownerId);
    }),

    [IPC.saveAbort]: guarded(async (ownerId, args) => {
      argumentCount(args, 1);
      await deps.saveSessions.abort(validateSaveToken(args[0]), ownerId);
    }),

    [IPC.secretRead]: guarded(async (_ownerId, args) => {
      argumentCount(args, 1);
      return deps.secrets.read(validateSecretKey(args[0]));
    }),

    // Answers a Result rather than throwing: Electron would prefix a thrown message with
    // "Error invoking remote method…", and this one is shown to the user as it is.
    [IPC.secretWrite]: guarded(async (_ownerId, args) => {
      argumentCount(args, 2);
      const key = validateSecretKey(args[0]);
      const value = validateSecretValue(args[1]);
      return deps.secrets.write(key, value);
    }),

    [IPC.secretForget]: guarded(async (_ownerId, args) => {
      argumentCount(args, 1);
      await deps.secrets.forget(validateSecretKey(args[0]));
    }),

    [IPC.backupLocation]: guarded(async (_ownerId, args) => {
      validateNoArguments(args);
      return deps.backups.directory;
    }),

    [IPC.backupBegin]: guarded(async (ownerId, args) => {
      argumentCount(args, 1);
      return deps.backups.begin(validateBackupRequest(args[0]), ownerId);
    }),

    [IPC.backupChunk]: guarded(async (ownerId, args) => {
      argumentCount(args, 2);
      const token = validateSaveToken(args[0]);
      await deps.backups.write(token, ownerId, validateChunk(args[1]));
    }),

    [IPC.backupCommit]: guarded(async (ownerId, args) => {
      argumentCount(args, 1);
      return deps.backups.commit(validateSaveToken(args[0]), ownerId);
    }),

    [IPC.backupAbort]: guarded(async (ownerId, args) => {
      argumentCount(args, 1);
      await deps.backups.abort(validateSaveToken(args[0]), ownerId);
    }),

    [IPC.backupList]: guarded(async (_ownerId, args) => {
      validateNoArguments(args);
      return deps.backups.list();
    }),

    [IPC.backupRead]: guarded(async (_ownerId, args) => {
      argumentCount(args, 1);
      return deps.backups.read(validateBackupId(args[0]));
    }),
  };
}
