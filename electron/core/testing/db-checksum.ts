// Content checksums of a data directory, taken while no worker holds its databases
// (close the enclave first): what a test compares to prove a run changed nothing.
import Database from 'better-sqlite3';
import { createHash } from 'node:crypto';
import path from 'node:path';
import { openSandboxedDuckdb } from '../analytics/sandboxed-open.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from '../paths.js';

const json = (value: unknown) => JSON.stringify(value, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** Every table of an SQLite file (schema and rows, rows sorted), one line each. */
export function sqliteDump(file: string, only?: readonly string[]): string[] {
  const db = new Database(file, { readonly: true, fileMustExist: true });
  try {
    const tables = db
      .prepare(`SELECT name, sql FROM sqlite_master WHERE type = 'table' ORDER BY name`)
      .all() as { name: string; sql: string }[];
    return tables
      .filter((t) => !only || only.includes(t.name))
      .map((t) => {
        const rows = (db.prepare(`SELECT * FROM ${quote(t.name)}`).raw().all() as unknown[][]).map(json).sort();
        return `${t.name} ${rows.length}\n${t.sql}\n${rows.join('\n')}`;
      });
  } finally {
    db.close();
  }
}

/** Every table of a DuckDB file: name, row count and rows (sorted). */
export async function duckdbDump(file: string): Promise<string[]> {
  if (path.basename(file) !== DUCKDB_FILE) throw new Error(`duckdbDump reads a profile's ${DUCKDB_FILE}, not ${file}`);
  // Read-only and sandboxed, as the app opens it: a stored macro cannot run with file access here either.
  const db = await openSandboxedDuckdb(path.dirname(file), { readOnly: true });
  try {
    const tables = (
      await db.conn.runAndReadAll(
        `SELECT schema_name, table_name FROM system.main.duckdb_tables() WHERE database_name = $1 ORDER BY ALL`,
        [db.database],
      )
    ).getRowsJson() as [string, string][];
    const out: string[] = [];
    for (const [schema, table] of tables) {
      const name = `${quote(schema)}.${quote(table)}`;
      // Catalog-qualified: the read-only connection's search path starts at system.
      const rows = (await db.conn.runAndReadAll(`SELECT * FROM ${quote(db.database)}.${name}`)).getRowsJson().map(json).sort();
      out.push(`${name} ${rows.length}\n${rows.join('\n')}`);
    }
    return out;
  } finally {
    db.closeSync();
  }
}

export interface DataChecksum {
  registryProfiles: string;
  sqlite: string;
  duckdb: string;
  /** Table names with row counts, for a readable diff when the checksums differ. */
  summary: string[];
}

const sha256 = (lines: readonly string[]) => createHash('sha256').update(lines.join('\n\u0000\n')).digest('hex');

/** Checksums of registry.sqlite's profiles table and of one profile's data.sqlite and analytics.duckdb. */
export async function dataChecksum(dataDir: string, profileId: string): Promise<DataChecksum> {
  const dir = profileDir(dataDir, profileId);
  const registry = sqliteDump(path.join(dataDir, 'registry.sqlite'), ['profiles']);
  const sqlite = sqliteDump(path.join(dir, SQLITE_FILE));
  const duckdb = await duckdbDump(path.join(dir, DUCKDB_FILE));
  const firstLine = (s: string) => s.split('\n', 1)[0]!;
  return {
    registryProfiles: sha256(registry),
    sqlite: sha256(sqlite),
    duckdb: sha256(duckdb),
    summary: [...sqlite, ...duckdb].map(firstLine),
  };
}
