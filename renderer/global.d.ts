import type { Api } from '../shared/contract.js';

declare global {
  interface Window {
    /** Exposed by the preload; the renderer's only way to reach profile data. */
    readonly api: Api;
  }
}

export {};
