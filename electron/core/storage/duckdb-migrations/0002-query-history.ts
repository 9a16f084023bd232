import type { DuckdbMigration } from '../duckdb-store.js';

// Query history lives next to the data it queried: it is analytics state, and the
// profile's DuckDB is the only place both the app and the CLI write it from.
export const migration: DuckdbMigration = {
  version: 2,
  name: 'query-history',
  up: `
    CREATE SEQUENCE IF NOT EXISTS enclave_meta.query_history_seq;
    CREATE TABLE IF NOT EXISTS enclave_meta.query_history (
      id BIGINT PRIMARY KEY DEFAULT nextval('enclave_meta.query_history_seq'),
      sql VARCHAR NOT NULL,
      started_at TIMESTAMPTZ NOT NULL,
      duration_ms DOUBLE NOT NULL,
      row_count BIGINT,
      status VARCHAR NOT NULL,
      error VARCHAR
    );`,
};
