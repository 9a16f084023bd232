// Entry point of one profile's host process (bundled into build/bundle/profile-host.js by
// scripts/bundle-entries.mjs, which is what every launcher starts).
// It alone opens that profile's data.sqlite and analytics.duckdb, so a crash, a
// runaway query or a memory hog there never reaches main or another profile.
import type { DamagedFile } from '../../shared/backups/backups.js';
import { setHostBudget } from '../core/analytics/host-limits.js';
import { duckdbDamage, ProfileDamaged, sqliteDamage } from '../core/backup/damage.js';
import { DUCKDB_FILE, SQLITE_FILE } from '../core/paths.js';
import { analyticsUntouched, forgetAnalyticsStamp, stampAnalyticsClosed } from '../core/storage/analytics-stamp.js';
import type { DuckdbStore } from '../core/storage/duckdb-store.js';
import { exclusiveWorkDone } from '../core/storage/exclusive.js';
import { repositories } from './repositories.js';
import { encodeReplyValue } from '../core/storage/page-transfer.js';
import { openSqliteStore, type SqliteStore } from '../core/storage/sqlite-store.js';
import { toAppError } from '../core/storage/to-app-error.js';
import type { ProfileStores } from '../core/storage/profile-stores.js';
import type { HostInbound, WorkerInit, WorkerMessage, WorkerRequest } from '../core/storage/worker-protocol.js';
import { connectToParent } from './parent-link.js';
import { sqliteHandlers } from './sqlite-handlers.js';
import { LongCalls } from './long-calls.js';
import { demoteRunningWorkerThreads, lowerWorkerThreads } from './thread-priority.js';
import { traceStep } from '../core/start-trace.js';

traceStep('host: modules loaded');

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

/** The part of analytics that is loaded on first use: DuckDB's native module and every method that needs it. */
type Handler = (stores: ProfileStores, params: unknown) => unknown;
let fullTable: Promise<Readonly<Record<string, Handler>>> | null = null;
const allHandlers = () =>
  (fullTable ??= import('./host-handlers.js').then((m) => m.hostHandlers as unknown as Record<string, Handler>));
// A host started for an analytics command (the CLI's query, import, …) loads DuckDB
// while its parent is still loading: a failure here is met again by the call that needs it.
if (process.argv.includes('--preload-analytics')) void allHandlers().catch(() => undefined);

/**
 * Opens analytics.duckdb (always through the sandboxed open, in duckdb-store.ts). A
 * damaged file is a ProfileDamaged naming it, whether found at unlock or on first use.
 */
async function openAnalytics(dir: string, sqlite: SqliteStore): Promise<DuckdbStore> {
  const [{ openDuckdbStore }, { adoptLegacyAnalyticsMeta }] = await Promise.all([
    import('../core/storage/duckdb-store.js'),
    import('../core/analytics/legacy-meta.js'),
  ]);
  let duckdb: DuckdbStore;
  try {
    // Checked right before each try: a file as the app last closed it skips the macro scan.
    duckdb = await whenUnlocked(() => openDuckdbStore(dir, { closedCleanByApp: analyticsUntouched(sqlite.db, dir) }));
    traceStep('host: analytics open');
  } catch (e) {
    const reason = duckdbDamage(e);
    if (reason === null) throw e;
    throw new ProfileDamaged([{ file: DUCKDB_FILE, reason: reason.split(dir).join('') }]);
  }
  // The app's bookkeeping leaves analytics.duckdb (where user SQL could edit it) for
  // data.sqlite. A failure only delays that to the next open: it never blocks this one.
  await adoptLegacyAnalyticsMeta(sqlite.db, duckdb.conn).catch((e: unknown) =>
    console.error('[enclave] could not move the old analytics bookkeeping:', e),
  );
  return duckdb;
}

/** A profile's two databases: data.sqlite open from the start, analytics.duckdb opened once, when first needed. */
class HostStores {
  private duckdb: DuckdbStore | null = null;
  private opening: Promise<DuckdbStore> | null = null;
  readonly stores: ProfileStores;

  constructor(
    private readonly dir: string,
    readonly sqlite: SqliteStore,
  ) {
    const opened = () => this.duckdb;
    this.stores = {
      sqlite,
      // Only methods outside sqliteHandlers reach this, and each waits for analytics() first.
      get duckdb(): DuckdbStore {
        const duckdb = opened();
        if (!duckdb) throw new Error('analytics.duckdb is not open yet');
        return duckdb;
      },
      emit: post,
    };
  }

  /** Opens analytics.duckdb once; concurrent callers share the open. */
  analytics(): Promise<DuckdbStore> {
    this.opening ??= openAnalytics(this.dir, this.sqlite).then(
      (d) => (this.duckdb = d),
      (e: unknown) => {
        // Nothing is kept of a failed open; the next call tries again, and a damaged
        // file is checked at the next unlock (which then offers the recovery).
        this.opening = null;
        if (e instanceof ProfileDamaged) forgetAnalyticsStamp(this.sqlite.db);
        throw e;
      },
    );
    return this.opening;
  }

  /** Closes DuckDB (if it was opened) and then SQLite, stamping a cleanly closed analytics file. */
  async close(): Promise<void> {
    let error: unknown = null;
    const duckdb = this.opening ? await this.opening.catch(() => null) : null;
    if (duckdb) {
      try {
        await duckdb.close();
        stampAnalyticsClosed(this.sqlite.db, this.dir);
      } catch (e) {
        error = e;
      }
    }
    this.sqlite.close();
    if (error) throw error;
  }
}

/**
 * Opens data.sqlite, and analytics.duckdb too unless it is exactly as this app last
 * closed it (analytics-stamp.ts): then it opens on first use. Each file is tried even
 * when the other is damaged, so the report names every damaged file; nothing is
 * written to a profile found damaged.
 */
async function open(dir: string): Promise<HostStores> {
  const damaged: DamagedFile[] = [];
  let sqlite: SqliteStore | undefined;
  let stores: HostStores | undefined;
  try {
    try {
      sqlite = openSqliteStore(dir);
    } catch (e) {
      const reason = sqliteDamage(e);
      if (reason === null) throw e;
      damaged.push({ file: SQLITE_FILE, reason });
    }
    if (!sqlite || !analyticsUntouched(sqlite.db, dir)) {
      try {
        // Without data.sqlite there is nothing to record the bookkeeping in: DuckDB is only checked.
        if (sqlite) {
          stores = new HostStores(dir, sqlite);
          await stores.analytics();
        } else {
          await (await import('../core/storage/duckdb-store.js')).openDuckdbStore(dir).then((d) => d.close());
        }
      } catch (e) {
        if (!(e instanceof ProfileDamaged)) throw e;
        damaged.push(...e.damaged);
      }
    }
    if (damaged.length > 0) throw new ProfileDamaged(damaged);
    stores ??= new HostStores(dir, sqlite!);
    // What has been in the Trash for 30 days goes for good whenever the profile opens.
    repositories(sqlite!).trash.purgeExpired();
    return stores;
  } catch (e) {
    if (stores) await stores.close().catch(() => undefined);
    else sqlite?.close();
    throw e;
  }
}

async function close(stores: HostStores, req: WorkerRequest): Promise<never> {
  traceStep('host: close');
  let error;
  try {
    await stores.close();
  } catch (e) {
    error = toAppError(e, 'STORAGE_ERROR');
  }
  post(error ? { kind: 'reply', id: req.id, ok: false, error } : { kind: 'reply', id: req.id, ok: true, value: null });
  // Exit only once the reply has left: process.exit would drop a message still queued.
  await new Promise((resolve) => setImmediate(resolve));
  traceStep('host: closed');
  process.exit(0);
}

/** The handler of a method: SQLite-only ones at once; the others once analytics is loaded and open. */
async function handlerFor(host: HostStores, method: string): Promise<Handler> {
  const quick = sqliteHandlers[method];
  if (quick) return quick as Handler;
  const [table] = await Promise.all([allHandlers(), host.analytics()]);
  // DuckDB's threads, and any started since the last call, run below the main thread.
  lowerWorkerThreads();
  return table[method]!;
}

async function serve({ dir, budget, warmAnalytics }: WorkerInit): Promise<void> {
  traceStep('host: init');
  setHostBudget(budget);
  lowerWorkerThreads();
  let host: HostStores;
  try {
    host = await open(dir);
  } catch (e) {
    post({ kind: 'fatal', error: toAppError(e, 'STORAGE_ERROR'), ...(e instanceof ProfileDamaged ? { damaged: e.damaged } : {}) });
    return;
  }
  post({ kind: 'ready' });
  traceStep('host: ready');
  let warmed = !warmAnalytics;
  // A call still running after LONG_CALL_MS is background work: its threads drop lower (thread-priority.ts).
  const longCalls = new LongCalls(demoteRunningWorkerThreads);
  parent.onMessage(async (req) => {
    if (req.kind === 'init') return;
    if (req.kind === 'close') return void (await close(host, req));
    try {
      await exclusiveWorkDone();
      const handler = await handlerFor(host, req.method);
      // Timed from here: waiting for a snapshot or for DuckDB to open is not this call's work.
      longCalls.begin(req.id);
      traceStep(`host: call ${req.method}`);
      const value = await handler(host.stores, req.params);
      traceStep(`host: reply ${req.method}`);
      post({ kind: 'reply', id: req.id, ok: true, value: encodeReplyValue(value) });
    } catch (e) {
      post({ kind: 'reply', id: req.id, ok: false, error: toAppError(e, 'INTERNAL') });
    } finally {
      longCalls.end(req.id);
    }
    // Where analytics is likely wanted soon (the app), it opens once the first answer
    // has left, so that answer never waits for DuckDB. A failure is reported by the call that needs it.
    if (!warmed) {
      warmed = true;
      setImmediate(() => void Promise.all([allHandlers(), host.analytics()]).catch(() => undefined));
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
