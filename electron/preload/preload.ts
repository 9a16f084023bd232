// The sandboxed preload (bundled to build/preload/preload.cjs): exposes window.api
// and window.files.
import { contextBridge, ipcRenderer, webUtils } from 'electron';
import { exposeApi, exposeDroppedFiles } from './bridge.js';

exposeApi(contextBridge, ipcRenderer);
exposeDroppedFiles(contextBridge, ipcRenderer, (file: File) => webUtils.getPathForFile(file));
