// `window.files` over webUtils.getPathForFile (passed in: only preload.ts imports electron).
import type { DroppedFiles } from '../../shared/dropped-files.js';

export function droppedFiles<F>(getPathForFile: (file: F) => string): DroppedFiles<F> {
  return Object.freeze({
    pathOf(file: F): string | null {
      try {
        // '' for a File that is not on disk (made by script, dragged from a page).
        return getPathForFile(file) || null;
      } catch {
        // Not a File at all: webUtils throws on anything else.
        return null;
      }
    },
  });
}
