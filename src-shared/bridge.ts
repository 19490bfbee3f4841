// The one interface between the renderer and its platform. The Electron preload exposes it
// as `window.spanwright`; the web build implements it with a file input and downloads.
// Types only: both sides import this file, neither imports the other.
import type { BackupInfo, BackupRequest } from './backups';

export interface OpenedFile {
  name: string;
  bytes: Uint8Array;
}

export interface FileFilter {
  name: string;
  extensions: string[];
}

/** A file being written chunk by chunk; nothing appears at the target until `commit`. */
export interface SaveStream {
  /** Text is written as UTF-8; bytes as they are (zip archives). */
  write(chunk: string | Uint8Array): Promise<void>;
  /** Flushes and moves the finished file into place (temp file + rename on desktop). */
  commit(): Promise<void>;
  /** Drops everything written so far. */
  abort(): Promise<void>;
}

export type MenuCommand = 'import' | 'export' | 'restore-backup' | 'undo' | 'redo' | 'about';

export const MENU_COMMANDS: readonly MenuCommand[] = ['import', 'export', 'restore-backup', 'undo', 'redo', 'about'];

/**
 * Small secrets, such as a team server password, kept by the platform: encrypted by the
 * operating system on the desktop, in memory for the session on the web. Keys and values
 * follow `secret-rules.ts`.
 */
export interface SecretStore {
  /** True when a written secret outlives the session (desktop); false on the web. */
  readonly persistent: boolean;
  /** The secret, or null when none is kept (or it can no longer be decrypted: ask again). */
  read(key: string): Promise<string | null>;
  /** Rejects with a message to show when the platform cannot keep it safely; nothing is then stored. */
  write(key: string, value: string): Promise<void>;
  /** Removes the secret; nothing happens when there is none. */
  forget(key: string): Promise<void>;
}

/**
 * Automatic snapshots (project bundles), kept apart from the project database: files in the
 * app's data folder on the desktop, a database of their own in the web build. The store names
 * each snapshot and rotates them (`backups.ts`); the renderer only ever names one by its id.
 */
export interface BackupStore {
  /** Where the snapshots are, in words for the user (a folder on the desktop). */
  location(): Promise<string>;
  /** Writes one bundle, given as the parts of its text, completely or not at all; then rotates. */
  write(request: BackupRequest, parts: readonly string[]): Promise<BackupInfo>;
  /** Every snapshot kept, newest first. */
  list(): Promise<BackupInfo[]>;
  /** The bundle's bytes; rejects when there is no snapshot with this id. */
  read(id: string): Promise<Uint8Array>;
}

export interface SpanwrightBridge {
  readonly platform: 'electron' | 'web';
  appVersion(): Promise<string>;
  /** Shows an open dialog; resolves to [] when cancelled. */
  openFiles(filters: FileFilter[]): Promise<OpenedFile[]>;
  /** Asks where to save; resolves to null when cancelled. */
  saveFile(suggestedName: string, filters: FileFilter[]): Promise<SaveStream | null>;
  /** Subscribes to application-menu commands; returns the unsubscribe function. */
  onMenuCommand(handler: (command: MenuCommand) => void): () => void;
  readonly secrets: SecretStore;
  readonly backups: BackupStore;
}

/** IPC channel names, shared by preload and main so they cannot drift apart. */
export const IPC = {
  appVersion: 'spanwright:app-version',
  openFiles: 'spanwright:open-files',
  saveBegin: 'spanwright:save-begin',
  saveChunk: 'spanwright:save-chunk',
  saveCommit: 'spanwright:save-commit',
  saveAbort: 'spanwright:save-abort',
  menuCommand: 'spanwright:menu-command',
  secretRead: 'spanwright:secret-read',
  secretWrite: 'spanwright:secret-write',
  secretForget: 'spanwright:secret-forget',
  backupLocation: 'spanwright:backup-location',
  backupBegin: 'spanwright:backup-begin',
  backupChunk: 'spanwright:backup-chunk',
  backupCommit: 'spanwright:backup-commit',
  backupAbort: 'spanwright:backup-abort',
  backupList: 'spanwright:backup-list',
  backupRead: 'spanwright:backup-read',
} as const;
