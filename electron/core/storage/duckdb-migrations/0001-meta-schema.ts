import type { DuckdbMigration } from '../duckdb-store.js';

// Our own bookkeeping lives in a schema of its own so the table browser, which
// lists `main`, shows only what the person imported.
export const migration: DuckdbMigration = {
  version: 1,
  name: 'meta-schema',
  up: `CREATE SCHEMA IF NOT EXISTS enclave_meta;`,
};
