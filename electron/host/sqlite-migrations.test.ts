import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import path from 'node:path';
import type Database from 'better-sqlite3';
import { configureSqlite, migrateSqlite } from '../core/sqlite/migrate.js';
import { openDatabase } from '../core/sqlite/open-database.js';
import { SQLITE_FILE } from '../core/paths.js';
import { tempDirs } from '../core/testing/temp-dir.js';
import { SearchRepository } from './search/search-repository.js';
import { EventRepository } from './events/event-repository.js';
import { TaskRepository } from './tasks/task-repository.js';
import { openSqliteStore, type SqliteStore } from '../core/storage/sqlite-store.js';
import { profileSqliteMigrations } from '../core/storage/sqlite-migrations/index.js';

const temp = tempDirs();
after(() => temp.removeAll());

/**
 * A data.sqlite as the app left it before migration `before` (by name; a number: after the
 * first that many), with `write` run on it as that app would; then `check` on it as the app
 * opens it now, the rest migrated.
 */
function upgrade(before: string | number, write: (db: Database.Database) => void, check: (store: SqliteStore) => void): void {
  const dir = temp.make();
  const db = openDatabase(path.join(dir, SQLITE_FILE));
  configureSqlite(db);
  const upTo = typeof before === 'number' ? before : profileSqliteMigrations.findIndex((m) => m.name === before);
  assert.ok(upTo >= 0, `no migration ${before}`);
  migrateSqlite(db, profileSqliteMigrations.slice(0, upTo));
  write(db);
  db.close();
  const store = openSqliteStore(dir);
  try {
    check(store);
  } finally {
    store.close();
  }
}

describe('profile data.sqlite migrations', () => {
  test('an empty database gets every migration, FTS5 tables included', () => {
    const store = openSqliteStore(temp.make());
    try {
      assert.equal(store.schemaVersion, profileSqliteMigrations.length);
      assert.equal(store.db.pragma('user_version', { simple: true }), profileSqliteMigrations.length);
      const names = (store.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as { name: string }[]).map(
        (r) => r.name,
      );
      for (const n of ['tasks_fts', 'notes_fts', 'events_fts', 'task_tags', 'search_pending', 'tasks_fts_au', 'notes_fts_au', 'events_fts_au']) {
        assert.ok(names.includes(n), n);
      }
      assert.equal(store.db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS on_").pluck().get(), 1);
    } finally {
      store.close();
    }
  });

  test('rows written under schema 1 are searchable and tag-filterable after upgrading', () => {
    upgrade(
      1,
      (db) => {
        db.exec(`
          INSERT INTO tasks (id, title, details, tags, position, created_at, updated_at) VALUES
            ('t1', 'Old task about zebras', '', '["zoo"]', 1, 'x', 'x'),
            ('t2', 'Trashed zebra task', '', '[]', 2, 'x', 'x');
          UPDATE tasks SET deleted_at = '2030-01-01T00:00:00.000Z' WHERE id = 't2';
          INSERT INTO notes (id, title, body, created_at, updated_at) VALUES ('n1', 'Old note', 'zebras everywhere', 'x', 'x');
        `);
      },
      (store) => {
        assert.equal(store.schemaVersion, profileSqliteMigrations.length);
        const hits = new SearchRepository(store.db).search({ query: 'zebra' });
        assert.deepEqual(hits.map((h) => h.id).sort(), ['n1', 't1']);
        assert.deepEqual(new TaskRepository(store.db).list({ tag: 'zoo' }).items.map((t) => t.id), ['t1']);
      },
    );
  });

  test('the search-tokens migration reindexes what the old FTS tables held, folded and split the new way', () => {
    upgrade(
      'search-tokens',
      (db) => {
        db.exec(`
          INSERT INTO notes (id, title, body, created_at, updated_at) VALUES
            ('n1', 'Die Straße', '我们一起学习中文', 'x', 'x'),
            ('n2', 'Trashed Straße', '', 'x', 'x');
          UPDATE notes SET deleted_at = '2030-01-01T00:00:00.000Z' WHERE id = 'n2';
          INSERT INTO tasks (id, title, details, position, created_at, updated_at) VALUES ('t1', 'Send the e-mail', '', 1, 'x', 'x');
          INSERT INTO events (id, title, start_at, end_at, time_zone, location, created_at, updated_at)
            VALUES ('e1', 'Καλημέρα meetup', '2030-01-01T10:00:00.000Z', '2030-01-01T11:00:00.000Z', 'UTC', 'Café', 'x', 'x');
        `);
      },
      (store) => {
        const search = new SearchRepository(store.db);
        const ids = (query: string) => search.search({ query }).map((h) => h.id);
        assert.deepEqual(ids('strasse'), ['n1']);
        assert.deepEqual(ids('学习'), ['n1']);
        assert.deepEqual(ids('email'), ['t1']);
        assert.deepEqual(ids('καλημερα'), ['e1']);
        assert.deepEqual(ids('cafe'), ['e1']);
        const live = store.db.prepare('SELECT (SELECT count(*) FROM notes_fts) + (SELECT count(*) FROM tasks_fts) + (SELECT count(*) FROM events_fts)');
        assert.equal(live.pluck().get(), 3, 'the trashed note is not indexed');
        assert.equal(store.db.prepare('SELECT count(*) FROM search_pending').pluck().get(), 0);
        // Written by a connection that knows nothing of search: indexed at the next search.
        store.db.exec("INSERT INTO notes (id, title, body, created_at, updated_at) VALUES ('n3', 'Hauptstraße', '', 'x', 'x')");
        assert.deepEqual(ids('hauptstrasse'), ['n3']);
      },
    );
  });

  test('all-day events written before the all-day migration become their dates, and zones their canonical names', () => {
    upgrade(
      'all-day-events-as-dates',
      (db) => {
        // What schemas 2-3 stored: an all-day event as the instants its days start in its zone.
        const insert = db.prepare(
          `INSERT INTO events (id, title, start_at, end_at, time_zone, all_day, created_at, updated_at, version)
           VALUES (?, ?, ?, ?, ?, ?, 'x', 'x', 3)`,
        );
        insert.run('berlin', 'Berlin holiday', '2027-04-30T22:00:00.000Z', '2027-05-01T22:00:00.000Z', 'europe/berlin', 1);
        insert.run('kiritimati', 'Kiritimati days', '2027-04-30T10:00:00.000Z', '2027-05-02T10:00:00.000Z', 'Pacific/Kiritimati', 1);
        insert.run('honolulu', 'Honolulu day', '2027-05-01T10:00:00.000Z', '2027-05-02T10:00:00.000Z', 'Pacific/Honolulu', 1);
        // Santiago's 2024-09-08 starts at 01:00 (no midnight that day): the day before ends there.
        insert.run('santiago', 'Santiago day', '2024-09-07T04:00:00.000Z', '2024-09-08T04:00:00.000Z', 'America/Santiago', 1);
        insert.run('odd', 'Odd all-day', '2027-05-01T11:37:00.000Z', '2027-05-01T12:00:00.000Z', 'Europe/Berlin', 1);
        insert.run('timed', 'Call', '2027-05-01T08:00:00.000Z', '2027-05-01T09:00:00.000Z', 'US/Eastern', 0);
        insert.run('est', 'Old zone', '2027-05-01T08:00:00.000Z', '2027-05-01T09:00:00.000Z', 'EST', 0);
      },
      (store) => {
        const rows = store.db.prepare('SELECT id, start_at, end_at, time_zone, version FROM events ORDER BY id').raw().all();
        assert.deepEqual(rows, [
          ['berlin', '2027-05-01', '2027-05-01', 'Europe/Berlin', 3],
          ['est', '2027-05-01T08:00:00.000Z', '2027-05-01T09:00:00.000Z', 'EST', 3],
          ['honolulu', '2027-05-01', '2027-05-01', 'Pacific/Honolulu', 3],
          ['kiritimati', '2027-05-01', '2027-05-02', 'Pacific/Kiritimati', 3],
          ['odd', '2027-05-01', '2027-05-01', 'Europe/Berlin', 3],
          ['santiago', '2024-09-07', '2024-09-07', 'America/Santiago', 3],
          ['timed', '2027-05-01T08:00:00.000Z', '2027-05-01T09:00:00.000Z', 'America/New_York', 3],
        ]);
        const honoluluMay1 = new EventRepository(store.db).list({ from: '2027-05-01T00:00:00-10:00', to: '2027-05-02T00:00:00-10:00' });
        assert.deepEqual(honoluluMay1.items.map((e) => e.id).sort(), ['berlin', 'honolulu', 'kiritimati', 'odd']);
      },
    );
  });
});
