// The application menu as plain data. Commands that the renderer owns (import, export, undo,
// redo, about) are forwarded to it; the rest are Electron roles.
import type { MenuItemConstructorOptions } from 'electron';
import type { MenuCommand } from '../src-shared/bridge';

export interface MenuTemplateOptions {
  platform: NodeJS.Platform;
  isPackaged: boolean;
  appName: string;
  sendCommand(command: MenuCommand): void;
}

export function buildMenuTemplate(options: MenuTemplateOptions): MenuItemConstructorOptions[] {
  const { platform, isPackaged, appName, sendCommand } = options;
  const isMac = platform === 'darwin';

  /**
   * The accelerator is shown but not registered: the renderer's own keydown handler (which the
   * web build needs anyway) does the work, so a key press never fires twice, and undo inside a
   * text field stays the field's own.
   */
  const command = (label: string, commandName: MenuCommand, accelerator?: string): MenuItemConstructorOptions => ({
    label,
    ...(accelerator === undefined ? {} : { accelerator, registerAccelerator: false }),
    click: () => sendCommand(commandName),
  });

  const about = command(`About ${appName}`, 'about');

  const appMenu: MenuItemConstructorOptions[] = isMac
    ? [
        {
          label: appName,
          submenu: [
            about,
            { type: 'separator' },
            { role: 'services' },
            { type: 'separator' },
            { role: 'hide' },
            { role: 'hideOthers' },
            { role: 'unhide' },
            { type: 'separator' },
            { role: 'quit' },
          ],
        },
      ]
    : [];

  const fileMenu: MenuItemConstructorOptions = {
    label: 'File',
    submenu: [
      command('Import…', 'import', 'CmdOrCtrl+O'),
      command('Export…', 'export', 'CmdOrCtrl+E'),
      command('Restore from backup…', 'restore-backup'),
      { type: 'separator' },
      // On macOS quitting lives in the app menu; File closes the window, as Mac users expect.
      isMac ? { role: 'close' } : { role: 'quit' },
    ],
  };

  const editMenu: MenuItemConstructorOptions = {
    label: 'Edit',
    submenu: [
      command('Undo', 'undo', 'CmdOrCtrl+Z'),
      // A menu item shows one accelerator; Ctrl+Y on Windows/Linux is handled by the renderer too.
      command('Redo', 'redo', 'Shift+CmdOrCtrl+Z'),
      { type: 'separator' },
      { role: 'cut' },
      { role: 'copy' },
      { role: 'paste' },
      { role: 'selectAll' },
    ],
  };

  const viewMenu: MenuItemConstructorOptions = {
    label: 'View',
    submenu: [
      // No reload: a reload mid-transaction is never what an annotator wants.
      ...(isPackaged ? [] : [{ role: 'toggleDevTools' } as const, { type: 'separator' } as const]),
      { role: 'resetZoom' },
      { role: 'zoomIn' },
      { role: 'zoomOut' },
      { type: 'separator' },
      { role: 'togglefullscreen' },
    ],
  };

  const windowMenu: MenuItemConstructorOptions[] = isMac ? [{ role: 'windowMenu' }] : [];

  const helpMenu: MenuItemConstructorOptions = { label: 'Help', role: 'help', submenu: [about] };

  return [...appMenu, fileMenu, editMenu, viewMenu, ...windowMenu, helpMenu];
}
