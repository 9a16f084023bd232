import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { openSandboxedDuckdb } from '../analytics/sandboxed-open.js';
import { IMPORT_CONNECTIONS, profileTimeZone } from '../analytics/sandbox.js';
import { clearStaging } from '../analytics/staging.js';
import { DamagedFileError } from '../backup/damage.js';
import { DUCKDB_FILE } from '../paths.js';

/**
 * What analytics.duckdb holds, as a number for manifests and the overview. 1–2 kept
 * the app's bookkeeping (schema version, query history) in an `enclave_meta` schema
 * of the file, where user SQL could edit it; since 3 the file holds only the person's
 * own objects and that bookkeeping lives in data.sqlite (sqlite-migrations/0005), so
 * nothing user SQL can write decides how the app opens a profile.
 */
export const DUCKDB_LAYOUT_VERSION = 3;

export interface DuckdbStore {
  instance: DuckDBInstance;
  /** The connection our own code uses (overview, table list, exports, snapshots). */
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

/**
 * DuckDB reads blocks lazily, so a file cut short can open and fail only when a
 * table is read. Every block in use must fit in the file. (Not total_blocks: DuckDB
 * cuts free blocks off the end of the file at a checkpoint yet still counts them.)
 */
async function refuseTruncated(conn: DuckDBConnection, file: string): Promise<void> {
  const row = (
    await conn.runAndReadAll(
      'SELECT used_blocks, block_size FROM system.main.pragma_database_size() WHERE database_name = system.main.current_database()',
    )
  ).getRowObjects()[0];
  const needed = Number(row?.used_blocks ?? 0) * Number(row?.block_size ?? 0);
  if (fs.statSync(file).size < needed) throw new DamagedFileError('the file is truncated');
}

/** `closedCleanByApp`: see SandboxedOpenOptions (the caller checked the file's stamp). */
export async function openDuckdbStore(profileDir: string, { closedCleanByApp = false } = {}): Promise<DuckdbStore> {
  // What an import or export killed mid-way left in staging goes before anything can use it.
  clearStaging(fs.realpathSync(profileDir));
  // The sandbox (analytics/sandbox.ts) is in place before any other SQL runs, ours included.
  const db = await openSandboxedDuckdb(profileDir, { progressConnections: IMPORT_CONNECTIONS, closedCleanByApp });
  const { instance, conn, dir } = db;
  try {
    await refuseTruncated(conn, path.join(dir, DUCKDB_FILE));
  } catch (e) {
    db.closeSync();
    throw e;
  }
  const hooks: (() => void | Promise<void>)[] = [];
  return {
    instance,
    conn,
    dir,
    importConns: db.progressConns,
    timeZone: profileTimeZone(),
    schemaVersion: DUCKDB_LAYOUT_VERSION,
    onClose: (hook) => hooks.push(hook),
    async close() {
      try {
        for (const hook of hooks) await hook();
        await conn.run('CHECKPOINT');
      } catch (e) {
        console.error('[enclave] could not checkpoint a profile analytics database:', e);
      } finally {
        // A failed checkpoint (full disk) leaves the WAL to be replayed at the next open.
        db.closeSync();
      }
    },
  };
}
