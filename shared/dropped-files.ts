// `window.files`: the one thing a page may learn about a file dropped on it — where it
// is on disk, so the import can read it (the same path the open dialog would give).
// Electron ≥ 32 removed `File.path`; only the preload can ask (webUtils), so the
// preload exposes this, and the Chromium harness an equivalent.

export interface DroppedFiles<F = unknown> {
  /** The dropped file's path, or null when it has none (dragged from a web page, a virtual file). */
  pathOf(file: F): string | null;
}
