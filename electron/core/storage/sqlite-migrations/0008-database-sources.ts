import type { SqliteMigration } from '../../sqlite/migrate.js';

// Saved database sources (issue 18 B) and, per table imported from one, what Refresh
// reads again. Passwords are not here: they live in the OS keychain under the profile.
export const migration: SqliteMigration = {
  version: 8,
  name: 'database-sources',
  up: `
    CREATE TABLE sources (
      name TEXT PRIMARY KEY COLLATE NOCASE,
      kind TEXT NOT NULL CHECK (kind IN ('sqlite', 'postgresql', 'mysql')),
      url TEXT NOT NULL,
      tls TEXT CHECK (tls IN ('disable', 'require', 'verify-full')),
      has_password INTEGER NOT NULL CHECK (has_password IN (0, 1)),
      created_at TEXT NOT NULL
    ) STRICT;
    -- selection: JSON {"table", "schema"?} or {"sql"}; a table keeps its row after its
    -- source is removed (Refresh then answers NOT_FOUND naming the source).
    CREATE TABLE sourced_tables (
      table_name TEXT PRIMARY KEY COLLATE NOCASE,
      source TEXT NOT NULL,
      selection TEXT NOT NULL,
      imported_at TEXT NOT NULL,
      row_count INTEGER NOT NULL
    ) STRICT;
  `,
};
