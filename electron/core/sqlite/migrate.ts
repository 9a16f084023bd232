import type { Database } from 'better-sqlite3';

/** One numbered schema step; each lives in its own small file. */
export interface SqliteMigration {
  version: number;
  name: string;
  up: string;
}

/**
 * Applies the migrations newer than `PRAGMA user_version`, each in its own
 * transaction together with the version bump, so a crash leaves a consistent schema.
 */
export function migrateSqlite(db: Database, migrations: readonly SqliteMigration[]): number {
  const ordered = [...migrations].sort((a, b) => a.version - b.version);
  ordered.forEach((m, i) => {
    if (m.version !== i + 1) throw new Error(`migration ${m.name} has version ${m.version}, expected ${i + 1}`);
  });
  let current = db.pragma('user_version', { simple: true }) as number;
  if (current > ordered.length) {
    throw new Error(`database schema ${current} is newer than this app (${ordered.length}); update Enclave`);
  }
  for (const m of ordered.slice(current)) {
    db.transaction(() => {
      db.exec(m.up);
      db.pragma(`user_version = ${m.version}`);
    })();
    current = m.version;
  }
  return current;
}

/** WAL for concurrent readers, enforced foreign keys, and a wait instead of SQLITE_BUSY. */
export function configureSqlite(db: Database): void {
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = ON');
  db.pragma('busy_timeout = 5000');
  // FULL: in WAL mode NORMAL syncs only at checkpoints, so a power loss or an OS crash may
  // drop the last acknowledged commits; FULL syncs the WAL at every commit (the README promises
  // no acknowledged write is lost; cost per commit: npm run bench -- tasks-notes-events).
  db.pragma('synchronous = FULL');
}
