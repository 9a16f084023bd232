import type Database from 'better-sqlite3';
import path from 'node:path';
import { refuseDamagedSqliteHeader, refuseEmptyFile } from '../backup/damage.js';
import { SQLITE_FILE } from '../paths.js';
import { configureSqlite, migrateSqlite } from '../sqlite/migrate.js';
import { openDatabase } from '../sqlite/open-database.js';
import { profileSqliteMigrations, registerMigrationFunctions } from './sqlite-migrations/index.js';

export interface SqliteStore {
  db: Database.Database;
  schemaVersion: number;
  close(): void;
}

export function openSqliteStore(dir: string): SqliteStore {
  // Before anything writes: a damaged file must be reported, never migrated or "repaired".
  refuseEmptyFile(dir, SQLITE_FILE);
  refuseDamagedSqliteHeader(dir);
  const db = openDatabase(path.join(dir, SQLITE_FILE));
  let schemaVersion: number;
  try {
    db.prepare('SELECT count(*) FROM sqlite_master').get(); // reads and parses the schema
    configureSqlite(db);
    registerMigrationFunctions(db);
    schemaVersion = migrateSqlite(db, profileSqliteMigrations);
  } catch (e) {
    db.close();
    throw e;
  }
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
