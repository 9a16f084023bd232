// Entry point of one profile's host process (build/electron/host/profile-host.js).
// It alone opens that profile's data.sqlite and analytics.duckdb, so a crash, a
// runaway query or a memory hog there never reaches main or another profile.
import type { DamagedFile } from '../../shared/backups.js';
import { setHostBudget } from '../core/analytics/host-limits.js';
import { adoptLegacyAnalyticsMeta } from '../core/analytics/legacy-meta.js';
import { duckdbDamage, ProfileDamaged, sqliteDamage } from '../core/backup/damage.js';
import { DUCKDB_FILE, SQLITE_FILE } from '../core/paths.js';
import { openDuckdbStore, type DuckdbStore } from '../core/storage/duckdb-store.js';
import { exclusiveWorkDone } from '../core/storage/exclusive.js';
import { repositories } from '../core/storage/repositories/repositories.js';
import { openSqliteStore, type SqliteStore } from '../core/storage/sqlite-store.js';
import { toAppError } from '../core/storage/to-app-error.js';
import type { ProfileStores } from '../core/storage/profile-stores.js';
import type { HostInbound, WorkerInit, WorkerMessage, WorkerRequest } from '../core/storage/worker-protocol.js';
import { hostHandlers } from './host-handlers.js';
import { connectToParent } from './parent-link.js';

const parent = connectToParent();
const post = (m: WorkerMessage) => parent.post(m);

/** How long an open waits for the previous host of this profile to finish dying. */
const LOCK_WAIT_MS = 3_000;

/**
 * Retries an open refused by DuckDB's file lock for a few seconds. The host of a
 * parent killed a moment ago dies on its own (parent-link.ts) but may still hold
 * the lock for some milliseconds when the next process opens the profile.
 */
async function whenUnlocked<T>(open: () => Promise<T>): Promise<T> {
  const deadline = performance.now() + LOCK_WAIT_MS;
  for (;;) {
    try {
      return await open();
    } catch (e) {
      if (!(e instanceof Error && /Could not set lock on file/.test(e.message)) || performance.now() > deadline) throw e;
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  }
}

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
      duckdb = await whenUnlocked(() => openDuckdbStore(dir));
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

async function close(stores: ProfileStores, req: WorkerRequest): Promise<never> {
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
  // Exit only once the reply has left: process.exit would drop a message still queued.
  await new Promise((resolve) => setImmediate(resolve));
  process.exit(0);
}

async function serve({ dir, budget }: WorkerInit): Promise<void> {
  setHostBudget(budget);
  let stores: ProfileStores;
  try {
    stores = await open(dir);
  } catch (e) {
    post({ kind: 'fatal', error: toAppError(e, 'STORAGE_ERROR'), ...(e instanceof ProfileDamaged ? { damaged: e.damaged } : {}) });
    return;
  }
  post({ kind: 'ready' });
  parent.onMessage(async (req) => {
    if (req.kind === 'init') return;
    if (req.kind === 'close') return void (await close(stores, req));
    try {
      await exclusiveWorkDone();
      const handler = hostHandlers[req.method] as (s: ProfileStores, p: unknown) => unknown;
      const value = await handler(stores, req.params);
      post({ kind: 'reply', id: req.id, ok: true, value });
    } catch (e) {
      post({ kind: 'reply', id: req.id, ok: false, error: toAppError(e, 'INTERNAL') });
    }
  });
}

// The first message is the init; requests cannot arrive before `ready` is posted.
let started = false;
parent.onMessage((m: HostInbound) => {
  if (started || m.kind !== 'init') return;
  started = true;
  void serve(m.init);
});
