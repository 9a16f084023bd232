// The host's methods that no channel exposes (see InternalMethods in worker-protocol.ts).
import type { SqliteStore } from '../core/storage/sqlite-store.js';
import { repositories } from './repositories.js';
import { duckdbRowCounts, sqliteRowCounts } from '../core/storage/row-counts.js';
import type { HostHandlerTable } from '../core/storage/profile-stores.js';
import { snapshotHandlers } from '../core/backup/snapshot-methods.js';

const count = (s: SqliteStore, table: 'tasks' | 'notes' | 'events') =>
  (s.db.prepare(`SELECT count(*) AS n FROM ${table} WHERE deleted_at IS NULL`).get() as { n: number }).n;

export const internalHandlers = {
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
  eventReminders: ({ sqlite }, p) => sqlite.db.transaction(() => repositories(sqlite).events.reminders(new Date(p.from), new Date(p.to), p.timeZone))(),
  rowCounts: async ({ sqlite, duckdb }) => ({ sqlite: sqliteRowCounts(sqlite.db), duckdb: await duckdbRowCounts(duckdb.conn) }),
  async duckdbQuery({ duckdb }, { sql }) {
    const start = performance.now();
    const reader = await duckdb.conn.runAndReadAll(sql);
    return { rows: reader.currentRowCount, ms: performance.now() - start };
  },
  ...snapshotHandlers,
} satisfies Partial<HostHandlerTable>;
