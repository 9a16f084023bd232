// Which web permissions our pages get: exactly one. The cell inspector's Copy calls
// `navigator.clipboard.writeText`, which Chromium gates behind `clipboard-sanitized-write`
// (sanitized: plain text and safe formats only, never a read). Everything else — camera,
// notifications, clipboard reads, openExternal… — stays refused, and so does any frame
// that is not the top-level page of one of our windows at our app:// origin.
import { isAppUrl } from './app-origin.js';

export const GRANTED_PERMISSIONS: ReadonlySet<string> = new Set(['clipboard-sanitized-write']);

/** What Electron tells a permission check or request handler, reduced to what decides. */
export interface PermissionAsk {
  permission: string;
  /**
   * Every URL or origin Electron names for the asker: the requesting URL or origin and,
   * for checks, the embedding origin. Each one given must be ours; none given is refused.
   */
  origins: ReadonlyArray<string | undefined>;
  isMainFrame: boolean;
  /** Whether the asking webContents is one of our windows (false when Electron gives none). */
  fromOurWindow: boolean;
}

export function isPermissionGranted(ask: PermissionAsk): boolean {
  if (!GRANTED_PERMISSIONS.has(ask.permission)) return false;
  if (!ask.fromOurWindow || ask.isMainFrame !== true) return false;
  const origins = ask.origins.filter((o): o is string => o !== undefined && o !== '');
  return origins.length > 0 && origins.every(isAppUrl);
}
