// Writing a table, a kept result or a query to a file the person chose. DuckDB may
// write only into the profile's staging directory, so it writes there and we move
// the file out (a rename on the same volume, else an exclusive copy: see moveOut).
import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import type { ExportFormat, ExportOutcome } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import { copyExclusively } from '../files/exclusive-file.js';
import { sqlError } from './duckdb-errors.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';
import { stagingPath } from './staging.js';

// JSON is one array of row objects (what a script's JSON.parse or jq expects), not NDJSON.
const EXPORT_OPTIONS: Record<ExportFormat, string> = {
  csv: '(FORMAT csv, HEADER true)',
  parquet: '(FORMAT parquet, COMPRESSION zstd)',
  json: '(FORMAT json, ARRAY true)',
};

export async function exportRelation(
  conn: DuckDBConnection,
  profileDir: string,
  relation: string,
  format: ExportFormat,
  target: string,
): Promise<ExportOutcome> {
  const staged = stagingPath(profileDir, `export.${format}`);
  try {
    const options = EXPORT_OPTIONS[format];
    let rows: number;
    try {
      const r = await conn.run(`COPY (SELECT * FROM ${relation}) TO ${quoteLiteral(staged)} ${options}`);
      rows = Number(r.rowsChanged);
    } catch (e) {
      throw sqlError(e);
    }
    const bytes = await moveOut(staged, target);
    return { name: path.basename(target), rows, bytes };
  } finally {
    fs.rmSync(staged, { force: true });
  }
}

export async function tableRelation(conn: DuckDBConnection, table: string): Promise<string> {
  const r = await conn.runAndReadAll(
    `SELECT 1 FROM system.main.duckdb_tables() WHERE database_name = system.main.current_database() AND schema_name = 'main' AND table_name = $1
     UNION ALL SELECT 1 FROM system.main.duckdb_views() WHERE database_name = system.main.current_database() AND schema_name = 'main' AND view_name = $1`,
    [table],
  );
  if (r.currentRowCount === 0) throw new AppException('NOT_FOUND', `No table named ${table}`, { field: 'source.table' });
  return `main.${quoteIdent(table)}`;
}

// Never through a name someone else could have planted: straight rename when staging
// and target share a volume (rename replaces the entry, a link there included, and
// never follows it), else an exclusive copy under a random name, renamed into place.
async function moveOut(staged: string, target: string): Promise<number> {
  const { size } = fs.statSync(staged);
  try {
    fs.renameSync(staged, target);
    return size;
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code !== 'EXDEV') throw e;
  }
  return copyExclusively(staged, target);
}
