// Where the renderer lives: a privileged `app://enclave` origin served by main, never
// file:// (every local file would share one origin) and never http (nothing listens).
export const APP_SCHEME = 'app';
export const APP_HOST = 'enclave';
export const APP_ORIGIN = `${APP_SCHEME}://${APP_HOST}`;
export const APP_ENTRY_URL = `${APP_ORIGIN}/index.html`;

/**
 * Whether a URL is on our origin. Compared part by part rather than through `URL.origin`:
 * Node gives non-special schemes an opaque origin ("null"), while Chromium gives our
 * registered standard scheme a real one, and both must agree here.
 */
export function isAppUrl(url: string): boolean {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return false;
  }
  return (
    parsed.protocol === `${APP_SCHEME}:` &&
    parsed.host === APP_HOST &&
    parsed.username === '' &&
    parsed.password === ''
  );
}
