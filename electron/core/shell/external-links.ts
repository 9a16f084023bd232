// Links the app may hand to the system browser. Everything else a page tries to open
// is dropped: the renderer never gets a second window or a foreign page.
import { isAppUrl } from './app-origin.js';

export const EXTERNAL_LINK_ORIGINS: readonly string[] = ['https://github.com'];

/** The normalised URL to open in the system browser, or null to open nothing. */
export function externalLinkToOpen(raw: string, allowedOrigins: readonly string[] = EXTERNAL_LINK_ORIGINS): string | null {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return null;
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') return null;
  if (url.username !== '' || url.password !== '') return null;
  return allowedOrigins.includes(url.origin) ? url.href : null;
}

/** Whether a window may navigate to a URL: only within our own origin. */
export const isAllowedNavigation = (url: string): boolean => isAppUrl(url);
