// `window.files` over webUtils.getPathForFile (passed in: only preload.ts imports
// electron). The page hands over a File; the path webUtils finds for it goes straight to
// main over a channel of its own, which checks it and answers a read token with the
// file's name and size. The page never sees the path.
import type { DroppedFiles } from '../../shared/files/dropped-files.js';
import type { FileGrant } from '../../shared/files/file-grants.js';

/** Main's answer to a grant request: a grant, or null when main refused the file. */
export type AskMainToGrant = (path: string) => Promise<FileGrant | null>;

export function droppedFiles<F>(getPathForFile: (file: F) => string, askMain: AskMainToGrant): DroppedFiles<F> {
  return Object.freeze({
    async grant(file: F): Promise<FileGrant | null> {
      let path: string;
      try {
        // '' for a File that is not on disk (made by script, dragged from a page).
        path = getPathForFile(file);
      } catch {
        // Not a File at all: webUtils throws on anything else.
        return null;
      }
      if (!path) return null;
      try {
        return await askMain(path);
      } catch {
        return null;
      }
    },
  });
}
