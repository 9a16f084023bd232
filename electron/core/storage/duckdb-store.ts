import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import path from 'node:path';
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
  schemaVersion: number;
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

export async function openDuckdbStore(dir: string): Promise<DuckdbStore> {
  const instance = await DuckDBInstance.create(path.join(dir, DUCKDB_FILE), {
    // Extensions cannot be fetched offline, and must never be fetched implicitly.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
  });
  const conn = await instance.connect();
  const schemaVersion = await migrateDuckdb(conn, profileDuckdbMigrations);
  return {
    instance,
    conn,
    schemaVersion,
    async close() {
      await conn.run('CHECKPOINT');
      conn.closeSync();
      instance.closeSync();
    },
  };
}
