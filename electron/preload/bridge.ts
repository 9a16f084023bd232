// window.api over Electron IPC: one invoke per contract channel, one subscription per
// event. The page gets exactly what createApi builds — no ipcRenderer, no generic
// invoke, and listeners see the payload only, never the IpcRendererEvent (whose
// `sender` is ipcRenderer itself). Besides, `window.files` turns a dropped File into a
// read token main grants (never a path the page could see).
import { createApi, type BridgeTransport } from '../../shared/api.js';
import { ipcChannel, ipcEvent } from '../../shared/contract.js';
import { DROPPED_FILE_IPC, type FileGrant } from '../../shared/files/file-grants.js';
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

/** `window.files`: a read token for a file dropped on the page (see shared/files/dropped-files.ts). */
export function exposeDroppedFiles<F>(contextBridge: BridgeContext, ipc: BridgeIpc, getPathForFile: (file: F) => string): void {
  contextBridge.exposeInMainWorld(
    'files',
    droppedFiles(getPathForFile, async (path) => {
      const answer = (await ipc.invoke(DROPPED_FILE_IPC, path)) as { ok: true; value: FileGrant } | { ok: false };
      return answer.ok ? answer.value : null;
    }),
  );
}
