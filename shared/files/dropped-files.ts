// `window.files`: the one thing a page may do with a file dropped on it — ask main for
// a read grant (shared/files/file-grants.ts), answered with a token and the file's name and
// size, never its path. Electron ≥ 32 removed `File.path`; only the preload can ask
// where a File is (webUtils), so the preload exposes this, and the Chromium harness an
// equivalent.
import type { FileGrant } from './file-grants.js';

export interface DroppedFiles<F = unknown> {
  /** A read grant for the dropped file, or null when it has no path (dragged from a web page, a virtual file) or main refused it. */
  grant(file: F): Promise<FileGrant | null>;
}
