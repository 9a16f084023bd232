// Opening another app window, for a profile tile's "Open in new window". The Electron
// shell supplies a real one; the CLI has none; the Chromium harness opens a page.
// The new window starts on the picker with that profile chosen: it still has to be
// unlocked there (a window is never bound to a profile by another window).

export interface WindowHint {
  /** The profile the new window offers to open. */
  profileId: string;
}

export interface WindowOpener {
  open(hint: WindowHint): void;
}

/** Where there are no windows (the CLI, most tests). */
export const noWindows: WindowOpener = {
  open: () => undefined,
};

/** The fragment a new window's renderer reads (`#profile=<uuid>`). */
export const hintFragment = (hint: WindowHint): string => `#profile=${encodeURIComponent(hint.profileId)}`;
