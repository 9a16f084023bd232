// Injected into the page by the Chromium harness in place of the Electron preload:
// the same `createApi` over a Playwright binding instead of ipcRenderer.
import { createApi } from '../../shared/api.js';
import type { Api, EventName } from '../../shared/contract.js';

declare global {
  interface Window {
    /** What the renderer sees: the contract's methods, as in the Electron preload. */
    readonly api: Api;
    /** Playwright binding into the real main-process router. */
    __enclaveInvoke(channel: string, input: unknown): Promise<unknown>;
    /** Called by the harness to push an event to this page. */
    __enclaveEmit(event: string, payload: unknown): void;
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
