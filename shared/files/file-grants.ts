// How a file reaches a channel that reads or writes it: as an opaque, single-use token
// that main minted for one window (from a native dialog, a menu command, or a file
// dropped on the window, which the preload hands to main). The renderer never sends a
// path, and never learns one: it gets the token and what it shows (name, size).
import { z } from 'zod';

/** `ft_` + 256 random bits, base64url. */
export const FILE_TOKEN = /^ft_[A-Za-z0-9_-]{43}$/;

export const fileToken = z
  .string('A file must be chosen in Enclave (a file token)')
  .max(46)
  .regex(FILE_TOKEN, 'Not a file token: choose the file in Enclave (open/save dialog or drop)');

/** What a window may know about a file main granted it. */
export interface FileGrant {
  /** Pass this as `file` to the channel that acts on it; it works once, in this window only. */
  token: string;
  /** The file's base name, for display. */
  name: string;
  /** Bytes, for a file to read. */
  size?: number;
}

/** read: import, restore. write: data export, profile archive. */
export type FilePurpose = 'read' | 'write';

/** Minutes a grant stays usable: long enough to tune an import's options, short enough to be stale soon. */
export const FILE_GRANT_TTL_MINUTES = 30;

/** The IPC channel over which the preload (never the page) asks main to grant a dropped file. */
export const DROPPED_FILE_IPC = 'enclave-files:grant-dropped';
