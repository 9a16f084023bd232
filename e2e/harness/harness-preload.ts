// Injected into the page by the Chromium harness in place of the Electron preload:
// the same `createApi` over a Playwright binding instead of ipcRenderer, and a
// `window.files` standing in for webUtils.getPathForFile.
import { createApi } from '../../shared/api.js';
import type { Api, EventName } from '../../shared/contract.js';
import type { DroppedFiles } from '../../shared/dropped-files.js';

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
Object.defineProperty(window, 'files', {
  value: Object.freeze({ pathOf: (file: File) => (file instanceof File ? (onDisk.get(file.name) ?? null) : null) }),
  writable: false,
});
