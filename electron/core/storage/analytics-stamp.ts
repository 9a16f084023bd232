// Whether analytics.duckdb is exactly as this app last closed it, so a host may open it
// lazily (issue 11: unlock → first tasks page without loading or opening DuckDB).
//
// Opening DuckDB is what finds a damaged file, and unlock must keep reporting damage
// (PROFILE_DAMAGED with the recovery offers) instead of failing later on the analysis
// page. So the host opens it at unlock unless the file carries the stamp a clean close
// left in data.sqlite: same inode, size, modification and change times, no WAL to
// replay. Anything that touched the file since (a crash, a restore, a truncation or
// random bytes written over it, a file moved aside) changes the stamp and brings back
// the eager open. ctime cannot be set back by a program, so a forged mtime does not pass.
import type Database from 'better-sqlite3';
import fs from 'node:fs';
import path from 'node:path';
import { DUCKDB_FILE } from '../paths.js';

const KEY = 'analytics_closed_stamp';

/** The file's identity now, or null when it is missing or has a WAL (both need a real open). */
export function analyticsFileStamp(dir: string): string | null {
  const file = path.join(dir, DUCKDB_FILE);
  if (fs.existsSync(`${file}.wal`)) return null;
  const s = fs.statSync(file, { bigint: true, throwIfNoEntry: false });
  if (!s || !s.isFile()) return null;
  return `${s.dev}:${s.ino}:${s.size}:${s.mtimeNs}:${s.ctimeNs}`;
}

/** Whether analytics.duckdb is untouched since the last clean close (then it may open lazily). */
export function analyticsUntouched(db: Database.Database, dir: string): boolean {
  const stamp = analyticsFileStamp(dir);
  if (stamp === null) return false;
  const row = db.prepare('SELECT value FROM app_state WHERE key = ?').get(KEY) as { value: string } | undefined;
  return row?.value === stamp;
}

/** Records the file as cleanly closed (call after DuckDB has closed it). */
export function stampAnalyticsClosed(db: Database.Database, dir: string): void {
  const stamp = analyticsFileStamp(dir);
  if (stamp === null) forgetAnalyticsStamp(db);
  // A session that changed nothing leaves the file as it was: no write (and no fsync) to say so again.
  else if (analyticsUntouched(db, dir)) return;
  else db.prepare('INSERT INTO app_state (key, value) VALUES (?, ?) ON CONFLICT (key) DO UPDATE SET value = excluded.value').run(KEY, stamp);
}

/** Drops the stamp: the next open checks the file again (a lazy open found it damaged). */
export function forgetAnalyticsStamp(db: Database.Database): void {
  db.prepare('DELETE FROM app_state WHERE key = ?').run(KEY);
}
