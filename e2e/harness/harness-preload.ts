// Injected into the page by the Chromium harness in place of the Electron preload:
// the same `createApi` over a Playwright binding instead of ipcRenderer, and a
// `window.files` standing in for the preload's (webUtils.getPathForFile, then main
// mints a read token: here the harness does, through the core's own grantFile).
import { createApi } from '../../shared/api.js';
import type { Api, EventName } from '../../shared/contract.js';
import type { DroppedFiles } from '../../shared/files/dropped-files.js';
import type { FileGrant } from '../../shared/files/file-grants.js';

declare global {
  interface Window {
    /** What the renderer sees: the contract's methods, as in the Electron preload. */
    readonly api: Api;
    /** Playwright binding into the real main-process router. */
    __enclaveInvoke(channel: string, input: unknown): Promise<unknown>;
    /** Called by the harness to push an event to this page. */
    __enclaveEmit(event: string, payload: unknown): void;
    readonly files: DroppedFiles<File>;
    /** Called by the harness before a drop: the File named `name` is the file at `path`. */
    __enclaveOnDisk(name: string, path: string): void;
    /** Playwright binding: main's DROPPED_FILE_IPC (a read token for a dropped file's path). */
    __enclaveGrantDropped(path: string): Promise<{ ok: true; value: FileGrant } | { ok: false }>;
  }
}

const listeners = new Map<string, Set<(payload: unknown) => void>>();

window.__enclaveEmit = (event, payload) => {
  for (const listener of listeners.get(event) ?? []) listener(payload);
};

Object.defineProperty(window, 'api', {
  value: createApi({
    invoke: (channel, input) => window.__enclaveInvoke(channel, input),
    subscribe(event: EventName, listener) {
      const set = listeners.get(event) ?? new Set();
      listeners.set(event, set);
      set.add(listener);
      return () => set.delete(listener);
    },
  }),
  writable: false,
});

// Chromium cannot tell where a dropped File is (a script-made File is nowhere, as with
// webUtils); the harness says beforehand which names stand for which files on disk.
const onDisk = new Map<string, string>();
window.__enclaveOnDisk = (name, path) => void onDisk.set(name, path);
const files: DroppedFiles<File> = {
  async grant(file) {
    const path = file instanceof File ? onDisk.get(file.name) : undefined;
    if (!path) return null;
    const answer = await window.__enclaveGrantDropped(path);
    return answer.ok ? answer.value : null;
  },
};
Object.defineProperty(window, 'files', { value: Object.freeze(files), writable: false });
