// The one way to open a profile's analytics.duckdb. Every opener (the profile's
// store, `enclave profile usage --rows`, restore verification and backups through the
// store, test checksums) comes through here, so the sandbox is locked before any SQL
// runs and before any stored object (a view, a macro) can be touched.
import { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { refuseEmptyFile } from '../backup/damage.js';
import { DUCKDB_FILE } from '../paths.js';
import { instanceOptions, lockDown } from './sandbox.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

export interface SandboxedDuckdb {
  instance: DuckDBInstance;
  /** The app's own connection (on a read-only open, system functions come first in its search path). */
  conn: DuckDBConnection;
  /** Connections configured before the lock (query progress on); only the app's import SQL runs on them. */
  progressConns: DuckDBConnection[];
  /** The real path of the profile directory. */
  dir: string;
  /** The catalog name of the profile's database (what current_database() says on a normal connection). */
  database: string;
  closeSync(): void;
}

export interface SandboxedOpenOptions {
  readOnly?: boolean;
  progressConnections?: number;
  /**
   * The file is exactly as the app last closed it (storage/analytics-stamp.ts: same
   * inode, size, mtime and ctime, no WAL). The open before that close dropped every
   * shadowing macro and the statement policy refused new ones since, so the scan for them
   * (two passes over duckdb_functions(), about a third of an open) is skipped. Any file
   * touched outside the app fails the stamp and is scanned.
   */
  closedCleanByApp?: boolean;
}

/**
 * Opens `<profileDir>/analytics.duckdb` inside the sandbox. On a read-write open,
 * stored macros named like a system function (older versions and crafted archives
 * could hold them; the statement policy refuses new ones) are dropped before the
 * app's first query, so none of the app's SQL can run one.
 */
export async function openSandboxedDuckdb(profileDir: string, options: SandboxedOpenOptions = {}): Promise<SandboxedDuckdb> {
  const dir = fs.realpathSync(profileDir);
  refuseEmptyFile(dir, DUCKDB_FILE);
  const instance = await DuckDBInstance.create(path.join(dir, DUCKDB_FILE), {
    ...instanceOptions(),
    ...(options.readOnly ? { access_mode: 'READ_ONLY' } : {}),
  });
  const conns: DuckDBConnection[] = [];
  const closeSync = () => {
    for (const c of conns) c.closeSync();
    instance.closeSync();
  };
  try {
    const conn = await instance.connect();
    conns.push(conn);
    const progressConns: DuckDBConnection[] = [];
    for (let i = 0; i < (options.progressConnections ?? 0); i++) progressConns.push(await instance.connect());
    conns.push(...progressConns);
    await lockDown(conn, dir, progressConns, { createStaging: !options.readOnly });
    const database = String((await conn.runAndReadAll('SELECT system.main.current_database()')).getRows()[0]![0]);
    // A read-only open cannot drop a shadowing macro, so it never resolves to one instead.
    if (options.readOnly) await preferSystemFunctions(conn, database);
    else if (!options.closedCleanByApp) await dropShadowingMacros(conn);
    return { instance, conn, progressConns, dir, database, closeSync };
  } catch (e) {
    closeSync();
    throw e;
  }
}

/**
 * Puts `system.main` first in the connection's search path, so a bare `count(*)` or
 * `lower(…)` in the app's SQL is DuckDB's own even if a stored macro has that name.
 * Nothing can be created unqualified on such a connection (its default schema is
 * system's, and current_database() says 'system': pass SandboxedDuckdb.database
 * instead), so only read-only opens use it.
 */
async function preferSystemFunctions(conn: DuckDBConnection, db: string): Promise<void> {
  await conn.run(`SET search_path = ${quoteLiteral(`system.main,${quoteIdent(db)}.main`)}`);
}

/** Drops the profile's macros whose names are system functions' (they could hijack the app's SQL). */
async function dropShadowingMacros(conn: DuckDBConnection): Promise<void> {
  const rows = (
    await conn.runAndReadAll(
      `SELECT DISTINCT f.database_name, f.schema_name, f.function_name, f.function_type
       FROM system.main.duckdb_functions() f
       WHERE NOT f.internal AND f.database_name <> 'system' AND f.function_type IN ('macro', 'table_macro')
         AND system.main.lower(f.function_name) IN (
           SELECT system.main.lower(s.function_name) FROM system.main.duckdb_functions() s WHERE s.database_name = 'system')`,
    )
  ).getRowObjectsJS();
  for (const r of rows) {
    const name = `${quoteIdent(String(r.database_name))}.${quoteIdent(String(r.schema_name))}.${quoteIdent(String(r.function_name))}`;
    console.error(`[enclave] dropping a stored macro that shadows a system function: ${String(r.function_name)}`);
    await conn.run(`DROP ${r.function_type === 'table_macro' ? 'MACRO TABLE' : 'MACRO'} IF EXISTS ${name}`);
  }
}
