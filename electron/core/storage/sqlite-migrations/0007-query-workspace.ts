import type { SqliteMigration } from '../../sqlite/migrate.js';

// The SQL editor's workspace: open tabs (restored at unlock, so they live with the
// profile and not in the window's localStorage, which all profiles share) and saved
// queries with names, unique in any case (the UI finds them by name).
export const migration: SqliteMigration = {
  version: 7,
  name: 'query-workspace',
  up: `
    CREATE TABLE query_tabs (
      id TEXT PRIMARY KEY,
      position INTEGER NOT NULL,
      title TEXT NOT NULL,
      sql TEXT NOT NULL,
      saved_query_id TEXT,
      active INTEGER NOT NULL DEFAULT 0 CHECK (active IN (0, 1))
    ) STRICT;
    CREATE TABLE saved_queries (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      sql TEXT NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL
    ) STRICT;
    CREATE UNIQUE INDEX saved_queries_by_name ON saved_queries (lower(name));
  `,
};
