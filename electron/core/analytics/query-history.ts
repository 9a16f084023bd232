// Every query a person runs (app or CLI), kept in the profile's own DuckDB.
import { DuckDBConnection } from '@duckdb/node-api';
import type { QueryHistoryEntry, QueryStatus } from '../../../shared/analytics.js';

const MAX_SQL_CHARS = 100_000;

export interface HistoryRecord {
  sql: string;
  startedAt: Date;
  durationMs: number;
  rowCount: number | null;
  status: QueryStatus;
  error: string | null;
}

export async function recordQuery(conn: DuckDBConnection, r: HistoryRecord): Promise<void> {
  await conn.run(
    'INSERT INTO enclave_meta.query_history (sql, started_at, duration_ms, row_count, status, error) VALUES ($1, to_timestamp($2::DOUBLE / 1000), $3, $4, $5, $6)',
    [r.sql.slice(0, MAX_SQL_CHARS), r.startedAt.getTime(), r.durationMs, r.rowCount === null ? null : BigInt(r.rowCount), r.status, r.error],
  );
}

export async function listQueryHistory(conn: DuckDBConnection, limit: number, beforeId?: number): Promise<QueryHistoryEntry[]> {
  const reader = await conn.runAndReadAll(
    `SELECT id, sql, strftime(started_at AT TIME ZONE 'UTC', '%Y-%m-%dT%H:%M:%S.%gZ') AS started_at, duration_ms, row_count, status, error
     FROM enclave_meta.query_history WHERE $1::BIGINT IS NULL OR id < $1::BIGINT ORDER BY id DESC LIMIT $2`,
    [beforeId === undefined ? null : BigInt(beforeId), limit],
  );
  return reader.getRowObjectsJS().map((r) => ({
    id: Number(r.id),
    sql: String(r.sql),
    startedAt: String(r.started_at),
    durationMs: Number(r.duration_ms),
    rowCount: r.row_count === null ? null : Number(r.row_count),
    status: r.status as QueryStatus,
    error: r.error === null ? null : String(r.error),
  }));
}
