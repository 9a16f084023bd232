import type { Api } from '../shared/contract.js';
import type { DroppedFiles } from '../shared/files/dropped-files.js';

declare global {
  interface Window {
    /** Exposed by the preload; the renderer's only way to reach profile data. */
    readonly api: Api;
    /** Exposed by the preload: where a file dropped on the page is on disk. */
    readonly files?: DroppedFiles<File>;
  }
}

export {};
