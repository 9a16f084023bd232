import type { SqliteMigration } from '../../sqlite/migrate.js';

// The app's analytics bookkeeping, moved out of analytics.duckdb (where user SQL could
// edit it: one INSERT into enclave_meta.schema_version locked a profile for good).
// Query history keeps its ids, so a history page cursor stays valid across the move.
// The rows come over once, at the first open after this migration
// (analytics/legacy-meta.ts), which then drops the old schema from the DuckDB file.
export const migration: SqliteMigration = {
  version: 5,
  name: 'analytics-bookkeeping',
  up: `
    CREATE TABLE query_history (
      id INTEGER PRIMARY KEY,
      sql TEXT NOT NULL,
      started_at TEXT NOT NULL,
      duration_ms REAL NOT NULL,
      row_count INTEGER,
      status TEXT NOT NULL CHECK (status IN ('ok', 'error', 'cancelled')),
      error TEXT
    ) STRICT;
    -- Facts about this profile's files the app keeps for itself (e.g. that the old
    -- enclave_meta history was carried over).
    CREATE TABLE app_state (key TEXT PRIMARY KEY, value TEXT NOT NULL) STRICT;
  `,
};
