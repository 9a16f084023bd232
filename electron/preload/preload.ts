// The sandboxed preload (bundled to build/preload/preload.cjs): exposes window.api.
import { contextBridge, ipcRenderer } from 'electron';
import { exposeApi } from './bridge.js';

exposeApi(contextBridge, ipcRenderer);
