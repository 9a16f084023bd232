// window.api over Electron IPC: one invoke per contract channel, one subscription per
// event. The page gets exactly what createApi builds — no ipcRenderer, no generic
// invoke, and listeners see the payload only, never the IpcRendererEvent (whose
// `sender` is ipcRenderer itself). Besides, `window.files` answers where a dropped
// file is.
import { createApi, type BridgeTransport } from '../../shared/api.js';
import { ipcChannel, ipcEvent } from '../../shared/contract.js';
import { droppedFiles } from './dropped-files.js';

/** The part of `ipcRenderer` the bridge uses. */
export interface BridgeIpc {
  invoke(channel: string, ...args: unknown[]): Promise<unknown>;
  on(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
  removeListener(channel: string, listener: (event: unknown, ...args: unknown[]) => void): unknown;
}

export interface BridgeContext {
  exposeInMainWorld(apiKey: string, api: unknown): void;
}

export function ipcTransport(ipc: BridgeIpc): BridgeTransport {
  return {
    invoke: (channel, input) => ipc.invoke(ipcChannel(channel), input),
    subscribe(event, listener) {
      const channel = ipcEvent(event);
      const forward = (_event: unknown, payload: unknown) => listener(payload);
      ipc.on(channel, forward);
      return () => void ipc.removeListener(channel, forward);
    },
  };
}

export function exposeApi(contextBridge: BridgeContext, ipc: BridgeIpc): void {
  contextBridge.exposeInMainWorld('api', createApi(ipcTransport(ipc)));
}

/** `window.files`: the path of a file dropped on the page (see shared/dropped-files.ts). */
export function exposeDroppedFiles<F>(contextBridge: BridgeContext, getPathForFile: (file: F) => string): void {
  contextBridge.exposeInMainWorld('files', droppedFiles(getPathForFile));
}
