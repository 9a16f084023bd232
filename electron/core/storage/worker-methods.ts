// The methods a profile worker serves, over that profile's own two databases.
import type { DuckdbStore } from './duckdb-store.js';
import { duckdbRowCounts, sqliteRowCounts } from './row-counts.js';
import { eventHandlers } from './methods/event-methods.js';
import { internalHandlers } from './methods/internal-methods.js';
import { noteHandlers } from './methods/note-methods.js';
import { searchHandlers } from './methods/search-methods.js';
import { taskHandlers } from './methods/task-methods.js';
import { analyticsHandlers } from '../analytics/analytics-methods.js';
import { snapshotHandlers } from '../backup/snapshot-methods.js';
import type { SqliteStore } from './sqlite-store.js';
import type { MethodParams, MethodResult, ProfileMethods, WorkerEvent, WorkerMethod, WorkerMethods } from './worker-protocol.js';

export interface ProfileStores {
  sqlite: SqliteStore;
  duckdb: DuckdbStore;
  /** Pushes an event to the windows of this profile (absent where nothing listens). */
  emit?: (event: WorkerEvent) => void;
}

export type HandlersFor<T> = {
  [M in keyof T & WorkerMethod]: (stores: ProfileStores, params: MethodParams<M>) => MethodResult<M> | Promise<MethodResult<M>>;
};
export type WorkerHandlers = HandlersFor<WorkerMethods>;

const count = (s: SqliteStore, table: 'tasks' | 'notes' | 'events') =>
  (s.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;

const profileHandlers: HandlersFor<ProfileMethods> = {
  async overview({ sqlite, duckdb }) {
    const tables = await duckdb.conn.runAndReadAll(
      "SELECT count(*)::INTEGER AS n FROM system.main.duckdb_tables() WHERE database_name = system.main.current_database() AND schema_name = 'main'",
    );
    return {
      counts: {
        tasks: count(sqlite, 'tasks'),
        notes: count(sqlite, 'notes'),
        events: count(sqlite, 'events'),
        tables: Number(tables.getRowObjects()[0]?.n ?? 0),
      },
      schema: { sqlite: sqlite.schemaVersion, duckdb: duckdb.schemaVersion },
    };
  },
  rowCounts: async ({ sqlite, duckdb }) => ({ sqlite: sqliteRowCounts(sqlite.db), duckdb: await duckdbRowCounts(duckdb.conn) }),
};

/**
 * Runs each SQLite method in one explicit transaction. Without it a write in autocommit
 * mode commits when its statement is reset, and better-sqlite3's `.get()` on an
 * `INSERT … RETURNING` ignores an error there: on a full disk the row came back as
 * saved while the commit had failed and rolled it back. An explicit COMMIT reports it.
 */
function inTransactions<T extends Record<string, (stores: ProfileStores, params: never) => unknown>>(handlers: T): T {
  const wrapped: Record<string, (stores: ProfileStores, params: never) => unknown> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = (stores, params) => stores.sqlite.db.transaction(() => handler(stores, params))();
  }
  return wrapped as T;
}

export const workerHandlers: WorkerHandlers = {
  ...profileHandlers,
  ...inTransactions(taskHandlers),
  ...inTransactions(noteHandlers),
  ...inTransactions(eventHandlers),
  ...inTransactions(searchHandlers),
  ...internalHandlers,
  ...analyticsHandlers,
  ...snapshotHandlers,
};
