// Creates the main window with locked-down web preferences and remembers its bounds.
import { join } from 'node:path';
import { BrowserWindow, dialog, screen } from 'electron';
import { UNLOAD_PROMPT, handlePreventedUnload } from './unload-prompt';
import {
  WINDOW_STATE_FILE_NAME,
  fitWindowStateToDisplays,
  readWindowStateFile,
  writeWindowStateFile,
  MIN_WINDOW_SIZE,
} from './window-state';

export interface MainWindowOptions {
  preloadPath: string;
  userDataDir: string;
  isPackaged: boolean;
  title: string;
}

function displayWorkAreas(): Electron.Rectangle[] {
  const primary = screen.getPrimaryDisplay();
  const others = screen.getAllDisplays().filter((display) => display.id !== primary.id);
  return [primary, ...others].map((display) => display.workArea);
}

export function createMainWindow(options: MainWindowOptions): BrowserWindow {
  const stateFile = join(options.userDataDir, WINDOW_STATE_FILE_NAME);
  const state = fitWindowStateToDisplays(readWindowStateFile(stateFile), displayWorkAreas());

  const window = new BrowserWindow({
    ...(state.x === undefined || state.y === undefined ? {} : { x: state.x, y: state.y }),
    width: state.width,
    height: state.height,
    minWidth: MIN_WINDOW_SIZE.width,
    minHeight: MIN_WINDOW_SIZE.height,
    title: options.title,
    show: false, // shown once painted, so there is no white flash
    backgroundColor: '#ffffff',
    webPreferences: {
      preload: options.preloadPath,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
      spellcheck: false,
      navigateOnDragDrop: false,
      devTools: !options.isPackaged,
    },
  });

  if (state.isMaximized) window.maximize();
  // The page holds the close while changes are being written; the user decides, never silence.
  window.webContents.on('will-prevent-unload', (event) => {
    handlePreventedUnload(event, () => dialog.showMessageBoxSync(window, { ...UNLOAD_PROMPT, buttons: [...UNLOAD_PROMPT.buttons] }));
  });
  window.once('ready-to-show', () => window.show());

  window.on('close', () => {
    // Normal bounds, not the maximized ones, so un-maximizing next time restores the old size.
    const bounds = window.getNormalBounds();
    try {
      writeWindowStateFile(stateFile, {
        x: Math.round(bounds.x),
        y: Math.round(bounds.y),
        width: Math.round(bounds.width),
        height: Math.round(bounds.height),
        isMaximized: window.isMaximized(),
      });
    } catch (error) {
      console.warn('Could not remember the window position:', error);
    }
  });

  return window;
}
