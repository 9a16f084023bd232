import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { IMPORT_CONNECTIONS, instanceOptions, lockDown, profileTimeZone } from '../analytics/sandbox.js';
import { clearStaging } from '../analytics/staging.js';
import { DamagedFileError, refuseEmptyFile } from '../backup/damage.js';
import { DUCKDB_FILE } from '../paths.js';
import { profileDuckdbMigrations } from './duckdb-migrations/index.js';

export interface DuckdbMigration {
  version: number;
  name: string;
  up: string;
}

export interface DuckdbStore {
  instance: DuckDBInstance;
  /** The connection our own code uses (migrations, overview, bookkeeping). */
  conn: DuckDBConnection;
  /** The real path of the profile directory (the sandbox is expressed in real paths). */
  dir: string;
  /** Connections with query progress on, opened before the sandbox lock; only our import SQL runs on them. */
  importConns: readonly DuckDBConnection[];
  /** The zone TIMESTAMPTZ values are shown in. */
  timeZone: string;
  schemaVersion: number;
  /** Runs before the connections close (e.g. closing kept query results). */
  onClose(hook: () => void | Promise<void>): void;
  close(): Promise<void>;
}

const VERSION_TABLE = 'enclave_meta.schema_version';

async function migrateDuckdb(conn: DuckDBConnection, migrations: readonly DuckdbMigration[]): Promise<number> {
  await conn.run('CREATE SCHEMA IF NOT EXISTS enclave_meta');
  await conn.run(`CREATE TABLE IF NOT EXISTS ${VERSION_TABLE} (version INTEGER NOT NULL, applied_at TIMESTAMPTZ NOT NULL)`);
  const rows = (await conn.runAndReadAll(`SELECT coalesce(max(version), 0)::INTEGER AS v FROM ${VERSION_TABLE}`)).getRowObjects();
  let current = Number(rows[0]?.v ?? 0);
  if (current > migrations.length) {
    throw new Error(`analytics schema ${current} is newer than this app (${migrations.length}); update Enclave`);
  }
  for (const m of migrations.slice(current)) {
    await conn.run('BEGIN TRANSACTION');
    try {
      await conn.run(m.up);
      await conn.run(`INSERT INTO ${VERSION_TABLE} VALUES (${m.version}, now())`);
      await conn.run('COMMIT');
    } catch (e) {
      await conn.run('ROLLBACK');
      throw e;
    }
    current = m.version;
  }
  return current;
}

/**
 * DuckDB reads blocks lazily, so a file cut short can open and fail only when a
 * table is read. Every block in use must fit in the file. (Not total_blocks: DuckDB
 * cuts free blocks off the end of the file at a checkpoint yet still counts them.)
 */
async function refuseTruncated(conn: DuckDBConnection, file: string): Promise<void> {
  const row = (await conn.runAndReadAll('PRAGMA database_size')).getRowObjects()[0];
  const needed = Number(row?.used_blocks ?? 0) * Number(row?.block_size ?? 0);
  if (fs.statSync(file).size < needed) throw new DamagedFileError('the file is truncated');
}

export async function openDuckdbStore(profileDir: string): Promise<DuckdbStore> {
  const dir = fs.realpathSync(profileDir);
  refuseEmptyFile(dir, DUCKDB_FILE);
  // What an import or export killed mid-way left in staging goes before anything can use it.
  clearStaging(dir);
  const instance = await DuckDBInstance.create(path.join(dir, DUCKDB_FILE), instanceOptions());
  const conn = await instance.connect();
  const importConns: DuckDBConnection[] = [];
  for (let i = 0; i < IMPORT_CONNECTIONS; i++) importConns.push(await instance.connect());
  let schemaVersion: number;
  try {
    // The sandbox (analytics/sandbox.ts) is in place before any other SQL runs, ours included.
    await lockDown(conn, dir, importConns);
    await refuseTruncated(conn, path.join(dir, DUCKDB_FILE));
    schemaVersion = await migrateDuckdb(conn, profileDuckdbMigrations);
  } catch (e) {
    for (const c of [conn, ...importConns]) c.closeSync();
    instance.closeSync();
    throw e;
  }
  const hooks: (() => void | Promise<void>)[] = [];
  return {
    instance,
    conn,
    dir,
    importConns,
    timeZone: profileTimeZone(),
    schemaVersion,
    onClose: (hook) => hooks.push(hook),
    async close() {
      try {
        for (const hook of hooks) await hook();
        await conn.run('CHECKPOINT');
      } catch (e) {
        console.error('[enclave] could not checkpoint a profile analytics database:', e);
      } finally {
        // A failed checkpoint (full disk) leaves the WAL to be replayed at the next open.
        for (const c of importConns) c.closeSync();
        conn.closeSync();
        instance.closeSync();
      }
    },
  };
}
