// Every query a person runs (app or CLI), kept in the profile's data.sqlite: out of
// reach of user SQL, which runs only in DuckDB.
import type Database from 'better-sqlite3';
import type { QueryHistoryEntry, QueryStatus } from '../../../shared/analysis/analytics.js';
import type { AppException } from '../../../shared/errors.js';
import { searchWords } from '../../../shared/analysis/query-workspace.js';

const MAX_SQL_CHARS = 100_000;

export interface HistoryRecord {
  sql: string;
  startedAt: Date;
  durationMs: number;
  rowCount: number | null;
  status: QueryStatus;
  error: string | null;
}

/** The record of one run; `error` is null when it succeeded. */
export function historyRecord(sql: string, startedAt: Date, durationMs: number, rowCount: number | null, error: AppException | null): HistoryRecord {
  return {
    sql,
    startedAt,
    durationMs,
    rowCount,
    status: error === null ? 'ok' : error.code === 'CANCELLED' ? 'cancelled' : 'error',
    error: error?.message ?? null,
  };
}

export function recordQuery(db: Database.Database, r: HistoryRecord): void {
  db.prepare('INSERT INTO query_history (sql, started_at, duration_ms, row_count, status, error) VALUES (?, ?, ?, ?, ?, ?)').run(
    r.sql.slice(0, MAX_SQL_CHARS),
    r.startedAt.toISOString(),
    r.durationMs,
    r.rowCount,
    r.status,
    r.error,
  );
}

type HistoryRow = {
  id: number;
  sql: string;
  started_at: string;
  duration_ms: number;
  row_count: number | null;
  status: QueryStatus;
  error: string | null;
};

const toEntry = (r: HistoryRow): QueryHistoryEntry => ({
  id: r.id,
  sql: r.sql,
  startedAt: r.started_at,
  durationMs: r.duration_ms,
  rowCount: r.row_count,
  status: r.status,
  error: r.error,
});

/**
 * The newest `limit` entries (before `beforeId`, for the next page). A search keeps those
 * whose SQL holds every word of it in any case: matched in JavaScript while walking the
 * history newest first (SQLite's lower() folds ASCII only), stopping at `limit` matches.
 */
export function listQueryHistory(db: Database.Database, limit: number, beforeId?: number, search?: string): QueryHistoryEntry[] {
  const words = searchWords(search);
  const sql = `SELECT id, sql, started_at, duration_ms, row_count, status, error FROM query_history
       WHERE ? IS NULL OR id < ? ORDER BY id DESC`;
  if (words.length === 0) {
    return (db.prepare(`${sql} LIMIT ?`).all(beforeId ?? null, beforeId ?? null, limit) as HistoryRow[]).map(toEntry);
  }
  const out: QueryHistoryEntry[] = [];
  for (const r of db.prepare(sql).iterate(beforeId ?? null, beforeId ?? null) as IterableIterator<HistoryRow>) {
    const hay = r.sql.toLowerCase();
    if (!words.every((w) => hay.includes(w))) continue;
    out.push(toEntry(r));
    if (out.length >= limit) break;
  }
  return out;
}
