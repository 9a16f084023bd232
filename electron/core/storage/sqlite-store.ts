import type Database from 'better-sqlite3';
import path from 'node:path';
import { SQLITE_FILE } from '../paths.js';
import { configureSqlite, migrateSqlite } from '../sqlite/migrate.js';
import { openDatabase } from '../sqlite/open-database.js';
import { profileSqliteMigrations } from './sqlite-migrations/index.js';

export interface SqliteStore {
  db: Database.Database;
  schemaVersion: number;
  close(): void;
}

export function openSqliteStore(dir: string): SqliteStore {
  const db = openDatabase(path.join(dir, SQLITE_FILE));
  configureSqlite(db);
  const schemaVersion = migrateSqlite(db, profileSqliteMigrations);
  return {
    db,
    schemaVersion,
    close() {
      // Fold the WAL back into the main file so a closed profile is one file on disk.
      // On a full disk the fold fails; the WAL stays and is replayed at the next open.
      try {
        db.pragma('wal_checkpoint(TRUNCATE)');
      } catch (e) {
        console.error('[enclave] could not checkpoint a profile database:', e);
      } finally {
        db.close();
      }
    },
  };
}
