// The table browser's list: the profile's own tables and views (never our
// enclave_meta bookkeeping), with row counts, sizes, columns and types.
import type { DuckDBConnection } from '@duckdb/node-api';
import type { TableColumnInfo, TableInfo } from '../../../shared/analysis/analytics.js';
import { quoteIdent } from './sql-text.js';

// Temporary objects live in the 'temp' database, so the profile's database leaves them out.
const USER_OBJECTS = `database_name = $1 AND NOT internal AND schema_name <> 'enclave_meta'`;

/**
 * The profile's own tables and views (schema_name, name, kind: 'table' | 'view'; by schema and
 * name) and their columns (schema_name, table_name, column_name, data_type, is_nullable; in
 * column order), in catalog `db` (the connection's current one unless given): what the
 * table browser lists and what a question to the AI describes (ai/ask-prompt.ts).
 */
export async function readUserCatalog(conn: DuckDBConnection, database?: string) {
  const db = database ?? String((await conn.runAndReadAll('SELECT system.main.current_database()')).getRows()[0]![0]);
  const objects = await conn.runAndReadAll(
    `SELECT schema_name, table_name AS name, 'table' AS kind FROM system.main.duckdb_tables() WHERE ${USER_OBJECTS}
     UNION ALL SELECT schema_name, view_name, 'view' FROM system.main.duckdb_views() WHERE ${USER_OBJECTS}
     ORDER BY 1, 2`,
    [db],
  );
  const columns = await conn.runAndReadAll(
    `SELECT schema_name, table_name, column_name, data_type, is_nullable FROM system.main.duckdb_columns() WHERE ${USER_OBJECTS} ORDER BY schema_name, table_name, column_index`,
    [db],
  );
  return { db, objects: objects.getRowObjectsJS(), columns: columns.getRowObjectsJS() };
}

/** `database`: the profile's catalog, when the connection's search path starts elsewhere (sandboxed-open.ts). */
export async function listTables(conn: DuckDBConnection, database?: string): Promise<TableInfo[]> {
  const { db, objects: rows, columns } = await readUserCatalog(conn, database);
  const blockSize = Number(
    (await conn.runAndReadAll('SELECT block_size FROM system.main.pragma_database_size() WHERE database_name = $1', [db])).getRowObjectsJS()[0]
      ?.block_size ?? 262144,
  );
  const byTable = new Map<string, TableColumnInfo[]>();
  for (const c of columns) {
    const key = `${String(c.schema_name)}.${String(c.table_name)}`;
    const list = byTable.get(key) ?? [];
    list.push({ name: String(c.column_name), type: String(c.data_type), nullable: Boolean(c.is_nullable) });
    byTable.set(key, list);
  }
  const out: TableInfo[] = [];
  // Each table's storage blocks, and how many tables share each block.
  const blocksOf = new Map<string, Set<number>>();
  const sharing = new Map<number, number>();
  // Catalog-qualified: on a connection whose search path starts at system, `main` alone is system's.
  const qualify = (schema: string, name: string) => `${quoteIdent(db)}.${quoteIdent(schema)}.${quoteIdent(name)}`;
  const tables = rows.filter((o) => o.kind === 'table').map((o) => qualify(String(o.schema_name), String(o.name)));
  // Rows written since the last checkpoint live in the write-ahead log and in memory, in
  // no block yet; a checkpoint first puts them in the file, so every table has a size.
  // It is cheap when nothing is pending, and skipped when another transaction is open.
  if (tables.length) await conn.run(`CHECKPOINT ${quoteIdent(db)}`).catch(() => undefined);
  for (const qualified of tables) {
    const segments = await conn.runAndReadAll(
      `SELECT DISTINCT unnest(list_prepend(block_id, additional_block_ids)) AS block FROM system.main.pragma_storage_info($1) WHERE block_id >= 0`,
      [qualified],
    );
    const blocks = new Set(segments.getRowObjectsJS().map((b) => Number(b.block)));
    for (const b of blocks) sharing.set(b, (sharing.get(b) ?? 0) + 1);
    blocksOf.set(qualified, blocks);
  }
  for (const o of rows) {
    const schema = String(o.schema_name);
    const name = String(o.name);
    const kind = o.kind === 'view' ? 'view' : 'table';
    const qualified = qualify(schema, name);
    let rowCount: number | null = null;
    let bytes: number | null = null;
    if (kind === 'table') {
      rowCount = Number((await conn.runAndReadAll(`SELECT count(*) AS n FROM ${qualified}`)).getRowObjectsJS()[0]?.n ?? 0);
      // What the table takes in the database file, i.e. about what dropping it frees: its
      // storage blocks (compressed column segments), a block holding segments of several
      // tables split evenly among them. Whole blocks, free space inside them included, so
      // a small table reads as one block (256 KiB), not the bytes of its values; a table
      // whose every column is one constant needs no block and reads 0.
      bytes = 0;
      for (const b of blocksOf.get(qualified) ?? []) bytes += blockSize / sharing.get(b)!;
      bytes = Math.round(bytes);
    }
    out.push({ schema, name, kind, rowCount, bytes, columns: byTable.get(`${schema}.${name}`) ?? [] });
  }
  return out;
}
