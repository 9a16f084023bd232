// Where data lives. A profile's files sit under a directory named by its random id,
// never by anything the user typed.
import os from 'node:os';
import path from 'node:path';

export const PRODUCT_NAME = 'Enclave';

/** The same directory Electron's `app.getPath('userData')` gives for our product name. */
export function defaultDataDir(platform = process.platform, env = process.env, home = os.homedir()): string {
  if (platform === 'win32') return path.join(env.APPDATA ?? path.join(home, 'AppData', 'Roaming'), PRODUCT_NAME);
  if (platform === 'darwin') return path.join(home, 'Library', 'Application Support', PRODUCT_NAME);
  return path.join(env.XDG_CONFIG_HOME ?? path.join(home, '.config'), PRODUCT_NAME);
}

export const profilesRoot = (dataDir: string) => path.join(dataDir, 'profiles');

export function profileDir(dataDir: string, profileId: string): string {
  // Ids are UUIDs we generate; refuse anything else so no caller can escape the root.
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/.test(profileId)) {
    throw new Error(`not a profile id: ${JSON.stringify(profileId)}`);
  }
  return path.join(profilesRoot(dataDir), profileId);
}

export const SQLITE_FILE = 'data.sqlite';
export const DUCKDB_FILE = 'analytics.duckdb';
