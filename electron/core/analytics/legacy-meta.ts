// Profiles made before DuckDB layout 3 kept the app's bookkeeping in an
// `enclave_meta` schema of analytics.duckdb, which user SQL could edit. At the first
// open after the update its query history moves to data.sqlite, once, and the schema
// is dropped; its schema_version table is ignored (it decides nothing any more).
import type { DuckDBConnection } from '@duckdb/node-api';
import type Database from 'better-sqlite3';
import { quoteIdent } from './sql-text.js';

const ADOPTED = 'enclave_meta_history_adopted';

export async function adoptLegacyAnalyticsMeta(db: Database.Database, conn: DuckDBConnection): Promise<void> {
  const database = String((await conn.runAndReadAll('SELECT system.main.current_database()')).getRows()[0]![0]);
  const schema = `${quoteIdent(database)}.enclave_meta`;
  const found = await conn.runAndReadAll(
    `SELECT 1 FROM system.main.duckdb_schemas() WHERE database_name = $1 AND schema_name = 'enclave_meta'`,
    [database],
  );
  if (found.currentRowCount === 0) return;
  if (!db.prepare('SELECT 1 FROM app_state WHERE key = ?').get(ADOPTED)) {
    const history = await conn.runAndReadAll(
      `SELECT 1 FROM system.main.duckdb_tables() WHERE database_name = $1 AND schema_name = 'enclave_meta' AND table_name = 'query_history'`,
      [database],
    );
    // Whatever user SQL left in there is data, never code: rows that do not fit are skipped.
    const rows =
      history.currentRowCount === 0
        ? []
        : ((
            await conn.runAndReadAll(
              `SELECT TRY_CAST(id AS BIGINT)::DOUBLE AS id, sql::VARCHAR AS sql,
                      system.main.strftime(TRY_CAST(started_at AS TIMESTAMPTZ) AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at,
                      TRY_CAST(duration_ms AS DOUBLE) AS duration_ms, TRY_CAST(row_count AS BIGINT)::DOUBLE AS row_count,
                      status::VARCHAR AS status, error::VARCHAR AS error
               FROM ${schema}.query_history ORDER BY id`,
            )
          ).getRowObjectsJS() as { id: number | null; sql: string | null; started_at: string | null; duration_ms: number | null; row_count: number | null; status: string | null; error: string | null }[]);
    const insert = db.prepare(
      'INSERT OR IGNORE INTO query_history (id, sql, started_at, duration_ms, row_count, status, error) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    db.transaction(() => {
      for (const r of rows) {
        if (r.id === null || r.sql === null || r.started_at === null || r.duration_ms === null) continue;
        if (r.status !== 'ok' && r.status !== 'error' && r.status !== 'cancelled') continue;
        insert.run(r.id, r.sql, r.started_at, r.duration_ms, r.row_count, r.status, r.error);
      }
      db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?)').run(ADOPTED, new Date().toISOString());
    })();
  }
  // After the copy committed: a crash in between leaves the schema, and the next open only drops it.
  await conn.run(`DROP SCHEMA ${schema} CASCADE`);
}
