import type { SqliteMigration } from '../../sqlite/migrate.js';

// A profile being deleted keeps its row, marked, until its files and keychain entry
// are gone: a crash half-way leaves a tombstone that the next start finishes.
export const migration: SqliteMigration = {
  version: 2,
  name: 'profile-tombstones',
  up: `
    ALTER TABLE profiles ADD COLUMN deleting_at TEXT;
  `,
};
