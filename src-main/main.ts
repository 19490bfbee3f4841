// Electron main entry: one instance, one window, the app:// origin, the menu and the IPC handlers.
// Kept thin on purpose: the rules live in plain modules that are unit-tested without Electron.
import { join } from 'node:path';
import { BrowserWindow, Menu, app, dialog, ipcMain, protocol, safeStorage, session, shell, webContents } from 'electron';
import { IPC, type MenuCommand } from '../src-shared/bridge';
import { APP_ENTRY_URL, trustedOrigins } from './app-origin';
import { registerAppSchemeAsPrivileged, serveRendererOnAppScheme } from './app-protocol';
import { BackupFolder, BACKUPS_FOLDER_NAME } from './backup-folder';
import { EncryptedSecretFile, SECRETS_FILE_NAME, osEncryptionProtects } from './encrypted-secret-file';
import { createIpcHandlers } from './ipc-handlers';
import { buildMenuTemplate } from './menu-template';
import { SaveSessions } from './save-session';
import { restrictPermissions, secureWebContents } from './web-contents-security';
import { createMainWindow } from './window';

const APP_NAME = 'Spanwright';
// out/main/main.js -> out/preload/preload.cjs and out/renderer/ (also inside app.asar when packaged).
const outDir = join(import.meta.dirname, '..');
const preloadPath = join(outDir, 'preload', 'preload.cjs');
const rendererDir = join(outDir, 'renderer');
// The dev server URL is honoured only in development: a packaged app never loads remote code.
const devServerUrl = app.isPackaged ? undefined : process.env['ELECTRON_RENDERER_URL'];
const origins = trustedOrigins(devServerUrl);

app.setName(APP_NAME);
app.enableSandbox();
registerAppSchemeAsPrivileged(protocol);

let mainWindow: BrowserWindow | null = null;
const saveSessions = new SaveSessions();
// Created once the app is ready (userData is final then); snapshots stream through their own save sessions.
let backupFolder: BackupFolder | null = null;

function sendMenuCommand(command: MenuCommand): void {
  const target = BrowserWindow.getFocusedWindow() ?? mainWindow;
  target?.webContents.send(IPC.menuCommand, command);
}

function windowOf(ownerId: number): BrowserWindow | null {
  const contents = webContents.fromId(ownerId);
  return contents === undefined ? null : BrowserWindow.fromWebContents(contents);
}

function registerIpcHandlers(): void {
  backupFolder = new BackupFolder(join(app.getPath('userData'), BACKUPS_FOLDER_NAME), new SaveSessions());
  const handlers = createIpcHandlers({
    appVersion: () => app.getVersion(),
    showOpenDialog: async (ownerId, filters) => {
      const options: Electron.OpenDialogOptions = { properties: ['openFile', 'multiSelections'], filters };
      const parent = windowOf(ownerId);
      const result = parent === null ? await dialog.showOpenDialog(options) : await dialog.showOpenDialog(parent, options);
      return result.canceled ? [] : result.filePaths;
    },
    showSaveDialog: async (ownerId, suggestedName, filters) => {
      const options: Electron.SaveDialogOptions = {
        defaultPath: join(app.getPath('documents'), suggestedName),
        filters,
        properties: ['createDirectory', 'showOverwriteConfirmation'],
      };
      const parent = windowOf(ownerId);
      const result = parent === null ? await dialog.showSaveDialog(options) : await dialog.showSaveDialog(parent, options);
      return result.canceled || result.filePath === undefined || result.filePath === '' ? null : result.filePath;
    },
    saveSessions,
    secrets: new EncryptedSecretFile(join(app.getPath('userData'), SECRETS_FILE_NAME), {
      available: () =>
        osEncryptionProtects(safeStorage.isEncryptionAvailable(), process.platform, () => safeStorage.getSelectedStorageBackend()),
      encrypt: (plainText) => new Uint8Array(safeStorage.encryptString(plainText)),
      decrypt: (encrypted) => safeStorage.decryptString(Buffer.from(encrypted)),
    }),
    backups: backupFolder,
    trustedOrigins: origins,
  });
  for (const [channel, handler] of Object.entries(handlers)) ipcMain.handle(channel, handler);
}

function openMainWindow(): void {
  const window = createMainWindow({
    preloadPath,
    userDataDir: app.getPath('userData'),
    isPackaged: app.isPackaged,
    title: APP_NAME,
  });
  mainWindow = window;
  const ownerId = window.webContents.id;
  // Unfinished saves of a closed window would otherwise leave .partial files behind.
  window.webContents.once('destroyed', () => {
    void saveSessions.abortAllOwnedBy(ownerId);
    void backupFolder?.abortAllOwnedBy(ownerId);
  });
  window.on('closed', () => {
    if (mainWindow === window) mainWindow = null;
  });
  void window.loadURL(devServerUrl ?? APP_ENTRY_URL);
}

if (!app.requestSingleInstanceLock()) {
  // Two instances would share (and fight over) one IndexedDB; hand over to the first one.
  app.quit();
} else {
  app.on('second-instance', () => {
    if (mainWindow === null) return;
    if (mainWindow.isMinimized()) mainWindow.restore();
    mainWindow.show();
    mainWindow.focus();
  });

  app.on('web-contents-created', (_event, contents) => {
    secureWebContents(contents, { trustedOrigins: origins, openExternal: (url) => shell.openExternal(url) });
  });

  app.on('window-all-closed', () => {
    if (process.platform !== 'darwin') app.quit();
  });

  app.on('activate', () => {
    if (app.isReady() && BrowserWindow.getAllWindows().length === 0) openMainWindow();
  });

  void app.whenReady().then(() => {
    restrictPermissions(session.defaultSession, origins);
    serveRendererOnAppScheme(protocol, rendererDir);
    registerIpcHandlers();
    Menu.setApplicationMenu(
      Menu.buildFromTemplate(
        buildMenuTemplate({ platform: process.platform, isPackaged: app.isPackaged, appName: APP_NAME, sendCommand: sendMenuCommand }),
      ),
    );
    openMainWindow();
  });
}
