// The sandbox every profile's DuckDB runs in. User SQL can reach nothing outside
// the profile: no file outside its staging directory, no extension, no setting.
import type { DuckDBConnection } from '@duckdb/node-api';
import fs from 'node:fs';
import path from 'node:path';
import { hostBudget } from './host-limits.js';

/**
 * The only directory of the profile DuckDB may read or write besides its own
 * database files. Imports copy the user's file in here (see staging.ts) and
 * exports are written here before being moved out; nothing else lives here, so even
 * a statement the policy missed could never overwrite data.sqlite.
 */
export const STAGING_DIR = '.staging';

/** How many connections are configured for progress reporting before the lock (concurrent imports). */
export const IMPORT_CONNECTIONS = 2;

export function profileTimeZone(): string {
  return Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';
}

/** Options DuckDB must have from the first moment the instance exists. */
export function instanceOptions(): Record<string, string> {
  // The host's share of the machine (storage/host-budget.ts says how it is chosen).
  const budget = hostBudget();
  return {
    memory_limit: `${budget.memoryLimitMb}MB`,
    threads: String(budget.threads),
    // Spill space is capped at a fixed size instead of DuckDB's 90 % of the free disk.
    max_temp_directory_size: `${budget.maxTempMb}MB`,
    // Extensions cannot be fetched offline, and must never be fetched implicitly.
    autoinstall_known_extensions: 'false',
    autoload_known_extensions: 'false',
    allow_community_extensions: 'false',
    allow_unsigned_extensions: 'false',
    // Persistent secrets live in ~/.duckdb, outside the profile.
    allow_persistent_secrets: 'false',
    // Errors as JSON carry the character position of a SQL error.
    errors_as_json: 'true',
  };
}

const literal = (s: string) => `'${s.replace(/'/g, "''")}'`;

/**
 * Locks the instance down; no user SQL may run before this returns. Only
 * sandboxed-open.ts calls it: every open of a profile's DuckDB goes through there.
 *
 * `dir` must already be the real path of the profile directory: DuckDB resolves
 * symlinks before checking a path against `allowed_directories` (sandbox.test.ts
 * proves it), so a profile living under a symlinked directory (macOS /var →
 * /private/var) would otherwise be refused its own staging files.
 *
 * `progressConns` are connections opened before the lock so they can turn on query
 * progress, a per-connection setting that cannot be set globally and cannot be set
 * at all once the configuration is locked. Only our import SQL runs on them.
 */
export async function lockDown(
  conn: DuckDBConnection,
  dir: string,
  progressConns: readonly DuckDBConnection[],
  { createStaging = true }: { createStaging?: boolean } = {},
): Promise<void> {
  const staging = path.join(dir, STAGING_DIR);
  // A read-only open (usage counts) writes nothing into the profile, not even this folder.
  if (createStaging) fs.mkdirSync(staging, { recursive: true, mode: 0o700 });
  for (const c of progressConns) {
    await c.run('SET enable_progress_bar = true');
    await c.run('SET enable_progress_bar_print = false');
  }
  await conn.run(`SET GLOBAL TimeZone = ${literal(profileTimeZone())}`);
  // Only staging is allowed. The database file and its .wal are not listed: DuckDB
  // allows its own attached files implicitly, and checkpoints, WAL replay after a kill
  // and FORCE CHECKPOINT all work without them (measured on DuckDB 1.5). That implicit
  // allowance is also why `COPY … TO '<analytics.duckdb>'` would pass this layer: the
  // statement policy (statement-policy.ts) refuses every statement that writes a file.
  await conn.run(`SET allowed_directories = [${literal(`${staging}${path.sep}`)}]`);
  await conn.run('SET enable_external_access = false');
  await conn.run('SET lock_configuration = true');
}
