import type { SqliteMigration } from '../../sqlite/migrate.js';

// Every row carries a version (optimistic concurrency between windows) and a
// deleted_at (soft delete: Trash keeps items 30 days).
export const migration: SqliteMigration = {
  version: 1,
  name: 'tasks-notes-events',
  up: `
    CREATE TABLE tasks (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      details TEXT NOT NULL DEFAULT '',
      status TEXT NOT NULL DEFAULT 'todo' CHECK (status IN ('todo', 'doing', 'done')),
      priority TEXT NOT NULL DEFAULT 'none' CHECK (priority IN ('none', 'low', 'medium', 'high')),
      due TEXT,
      tags TEXT NOT NULL DEFAULT '[]',
      position REAL NOT NULL,
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      completed_at TEXT,
      deleted_at TEXT,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    CREATE TABLE notes (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL DEFAULT '',
      body TEXT NOT NULL DEFAULT '',
      tags TEXT NOT NULL DEFAULT '[]',
      pinned INTEGER NOT NULL DEFAULT 0 CHECK (pinned IN (0, 1)),
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      version INTEGER NOT NULL DEFAULT 1
    ) STRICT;

    -- start/end are UTC instants; time_zone is the IANA zone they were entered in.
    CREATE TABLE events (
      id TEXT PRIMARY KEY,
      title TEXT NOT NULL,
      start_at TEXT NOT NULL,
      end_at TEXT NOT NULL,
      time_zone TEXT NOT NULL,
      all_day INTEGER NOT NULL DEFAULT 0 CHECK (all_day IN (0, 1)),
      location TEXT NOT NULL DEFAULT '',
      description TEXT NOT NULL DEFAULT '',
      created_at TEXT NOT NULL,
      updated_at TEXT NOT NULL,
      deleted_at TEXT,
      version INTEGER NOT NULL DEFAULT 1,
      CHECK (end_at >= start_at)
    ) STRICT;
  `,
};
