import type { SqliteMigration } from '../../sqlite/migrate.js';

export const migration: SqliteMigration = {
  version: 1,
  name: 'profiles-and-audit',
  up: `
    CREATE TABLE profiles (
      id TEXT PRIMARY KEY,
      name TEXT NOT NULL,
      -- case- and width-insensitive key that keeps display names unique
      name_key TEXT NOT NULL UNIQUE,
      color TEXT NOT NULL,
      has_password INTEGER NOT NULL CHECK (has_password IN (0, 1)),
      created_at TEXT NOT NULL,
      last_opened_at TEXT
    ) STRICT;

    CREATE TABLE unlock_failures (
      profile_id TEXT PRIMARY KEY REFERENCES profiles(id) ON DELETE CASCADE,
      failures INTEGER NOT NULL,
      last_failure_at TEXT NOT NULL,
      blocked_until TEXT
    ) STRICT;

    -- profile_id is kept as text without a foreign key: the log outlives profiles.
    CREATE TABLE audit_log (
      id INTEGER PRIMARY KEY,
      at TEXT NOT NULL,
      profile_id TEXT,
      event TEXT NOT NULL,
      detail TEXT
    ) STRICT;
    CREATE INDEX audit_log_profile ON audit_log(profile_id, at);
  `,
};
