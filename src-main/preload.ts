// Preload (sandboxed, bundled to CommonJS): exposes the typed bridge and nothing else.
import { contextBridge, ipcRenderer } from 'electron';
import { createElectronBridge } from './electron-bridge';

contextBridge.exposeInMainWorld('spanwright', createElectronBridge(ipcRenderer));
