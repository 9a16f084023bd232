// Entry point of one profile's worker thread. It alone opens that profile's
// data.sqlite and analytics.duckdb, so slow work in one profile never blocks the
// main process or another profile.
import { parentPort, workerData } from 'node:worker_threads';
import type { DamagedFile } from '../../../shared/backups.js';
import { adoptLegacyAnalyticsMeta } from '../analytics/legacy-meta.js';
import { duckdbDamage, ProfileDamaged, sqliteDamage } from '../backup/damage.js';
import { DUCKDB_FILE, SQLITE_FILE } from '../paths.js';
import { openDuckdbStore, type DuckdbStore } from './duckdb-store.js';
import { exclusiveWorkDone } from './exclusive.js';
import { repositories } from './repositories/repositories.js';
import { openSqliteStore, type SqliteStore } from './sqlite-store.js';
import { toAppError } from './to-app-error.js';
import { workerHandlers, type ProfileStores } from './worker-methods.js';
import type { WorkerInit, WorkerMessage, WorkerRequest } from './worker-protocol.js';

const port = parentPort!;
const post = (m: WorkerMessage) => port.postMessage(m);

/**
 * Opens both databases. Each is tried even when the other is damaged, so the
 * report names every damaged file; nothing is written to a profile found damaged.
 */
async function open(dir: string): Promise<ProfileStores> {
  const damaged: DamagedFile[] = [];
  let sqlite: SqliteStore | undefined;
  let duckdb: DuckdbStore | undefined;
  try {
    try {
      sqlite = openSqliteStore(dir);
    } catch (e) {
      const reason = sqliteDamage(e);
      if (reason === null) throw e;
      damaged.push({ file: SQLITE_FILE, reason });
    }
    try {
      duckdb = await openDuckdbStore(dir);
    } catch (e) {
      const reason = duckdbDamage(e);
      if (reason === null) throw e;
      damaged.push({ file: DUCKDB_FILE, reason: reason.split(dir).join('') });
    }
    if (damaged.length > 0) throw new ProfileDamaged(damaged);
    // The app's bookkeeping leaves analytics.duckdb (where user SQL could edit it) for
    // data.sqlite. A failure only delays that to the next open: it never blocks this one.
    await adoptLegacyAnalyticsMeta(sqlite!.db, duckdb!.conn).catch((e: unknown) =>
      console.error('[enclave] could not move the old analytics bookkeeping:', e),
    );
    // What has been in the Trash for 30 days goes for good whenever the profile opens.
    repositories(sqlite!).trash.purgeExpired();
    return { sqlite: sqlite!, duckdb: duckdb!, emit: post };
  } catch (e) {
    sqlite?.close();
    await duckdb?.close();
    throw e;
  }
}

async function main() {
  const { dir } = workerData as WorkerInit;
  let stores: ProfileStores;
  try {
    stores = await open(dir);
  } catch (e) {
    post({ kind: 'fatal', error: toAppError(e, 'STORAGE_ERROR'), ...(e instanceof ProfileDamaged ? { damaged: e.damaged } : {}) });
    return;
  }
  post({ kind: 'ready' });

  port.on('message', async (req: WorkerRequest) => {
    if (req.kind === 'close') {
      let error;
      try {
        stores.sqlite.close();
      } catch (e) {
        error = toAppError(e, 'STORAGE_ERROR');
      }
      try {
        await stores.duckdb.close();
      } catch (e) {
        error ??= toAppError(e, 'STORAGE_ERROR');
      }
      post(error ? { kind: 'reply', id: req.id, ok: false, error } : { kind: 'reply', id: req.id, ok: true, value: null });
      port.close();
      return;
    }
    try {
      await exclusiveWorkDone();
      const handler = workerHandlers[req.method] as (s: ProfileStores, p: unknown) => unknown;
      const value = await handler(stores, req.params);
      post({ kind: 'reply', id: req.id, ok: true, value });
    } catch (e) {
      post({ kind: 'reply', id: req.id, ok: false, error: toAppError(e, 'INTERNAL') });
    }
  });
}

void main();
