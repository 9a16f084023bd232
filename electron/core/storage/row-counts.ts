// Rows per table of one profile's two databases. Used by the profile's worker (the
// Storage view) and by the CLI, which opens a passwordless profile's files read-only.
import type { DuckDBConnection } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import path from 'node:path';
import type { ProfileRowCounts, TableRowCount } from '../../../shared/profiles/storage-usage.js';
import { openSandboxedDuckdb } from '../analytics/sandboxed-open.js';
import { listTables } from '../analytics/tables.js';
import { SQLITE_FILE } from '../paths.js';
import { nativeBinding } from '../sqlite/open-database.js';

const ITEM_TABLES = ['tasks', 'notes', 'events'] as const;

/** tasks, notes and events: rows in use and rows in the Trash. */
export function sqliteRowCounts(db: Database.Database): TableRowCount[] {
  return ITEM_TABLES.map((table) => {
    const r = db
      .prepare(`SELECT count(*) FILTER (WHERE deleted_at IS NULL) AS rows, count(*) FILTER (WHERE deleted_at IS NOT NULL) AS trashed FROM ${table}`)
      .get() as { rows: number; trashed: number };
    return { table, rows: r.rows, inTrash: r.trashed };
  });
}

/** The person's own DuckDB tables with their row counts (schema-qualified outside main). */
export async function duckdbRowCounts(conn: DuckDBConnection, database?: string): Promise<TableRowCount[]> {
  return (await listTables(conn, database))
    .filter((t) => t.kind === 'table')
    .map((t) => ({ table: t.schema === 'main' ? t.name : `${t.schema}.${t.name}`, rows: t.rowCount ?? 0 }));
}

/**
 * Counts a closed profile's rows without the app: both files opened read-only, nothing
 * migrated or written (not even last-opened). Fails while the app holds the DuckDB file.
 */
export async function readRowCounts(dir: string): Promise<ProfileRowCounts> {
  const binding = nativeBinding();
  const db = new Database(path.join(dir, SQLITE_FILE), { readonly: true, fileMustExist: true, ...(binding ? { nativeBinding: binding } : {}) });
  let sqlite: TableRowCount[];
  try {
    sqlite = sqliteRowCounts(db);
  } finally {
    db.close();
  }
  // Through the sandbox like every open: a stored object must never run with file access.
  const duckdb = await openSandboxedDuckdb(dir, { readOnly: true });
  try {
    return { sqlite, duckdb: await duckdbRowCounts(duckdb.conn, duckdb.database) };
  } finally {
    duckdb.closeSync();
  }
}
