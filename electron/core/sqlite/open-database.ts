// better-sqlite3 is a V8 addon, so Node and Electron need different builds of it.
// `npm test` uses the Node build in node_modules; under Electron (main process and
// profile workers alike) we load the Electron-ABI build that
// scripts/build-electron-native.mjs puts in build/native/electron/.
import Database from 'better-sqlite3';
import fs from 'node:fs';
import { fileURLToPath } from 'node:url';

const ELECTRON_BINDING = fileURLToPath(new URL('../../../native/electron/better_sqlite3.node', import.meta.url));

/** The addon path to load, or undefined for better-sqlite3's own (Node) build. */
export function nativeBinding(versions: NodeJS.ProcessVersions = process.versions): string | undefined {
  if (!versions.electron) return undefined;
  if (!fs.existsSync(ELECTRON_BINDING)) {
    throw new Error(
      `better-sqlite3 has no Electron build at ${ELECTRON_BINDING}; run \`node scripts/build-electron-native.mjs\``,
    );
  }
  return ELECTRON_BINDING;
}

export function openDatabase(file: string): Database.Database {
  const binding = nativeBinding();
  return new Database(file, binding ? { nativeBinding: binding } : {});
}
