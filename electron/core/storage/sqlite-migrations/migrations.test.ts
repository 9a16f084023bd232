import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import path from 'node:path';
import { configureSqlite, migrateSqlite } from '../../sqlite/migrate.js';
import { openDatabase } from '../../sqlite/open-database.js';
import { SQLITE_FILE } from '../../paths.js';
import { tempDirs } from '../../testing/temp-dir.js';
import { SearchRepository } from '../repositories/search-repository.js';
import { TaskRepository } from '../repositories/task-repository.js';
import { openSqliteStore } from '../sqlite-store.js';
import { profileSqliteMigrations } from './index.js';

const temp = tempDirs();
after(() => temp.removeAll());

describe('profile data.sqlite migrations', () => {
  test('an empty database gets every migration, FTS5 tables included', () => {
    const store = openSqliteStore(temp.make());
    try {
      assert.equal(store.schemaVersion, profileSqliteMigrations.length);
      assert.equal(store.db.pragma('user_version', { simple: true }), profileSqliteMigrations.length);
      const names = (store.db.prepare("SELECT name FROM sqlite_master WHERE type IN ('table', 'trigger')").all() as { name: string }[]).map(
        (r) => r.name,
      );
      for (const n of ['tasks_fts', 'notes_fts', 'events_fts', 'task_tags', 'tasks_fts_au', 'notes_fts_au', 'events_fts_au']) {
        assert.ok(names.includes(n), n);
      }
      assert.equal(store.db.prepare("SELECT sqlite_compileoption_used('ENABLE_FTS5') AS on_").pluck().get(), 1);
    } finally {
      store.close();
    }
  });

  test('rows written under schema 1 are searchable and tag-filterable after upgrading', () => {
    const dir = temp.make();
    const db = openDatabase(path.join(dir, SQLITE_FILE));
    configureSqlite(db);
    migrateSqlite(db, profileSqliteMigrations.slice(0, 1));
    db.exec(`
      INSERT INTO tasks (id, title, details, tags, position, created_at, updated_at) VALUES
        ('t1', 'Old task about zebras', '', '["zoo"]', 1, 'x', 'x'),
        ('t2', 'Trashed zebra task', '', '[]', 2, 'x', 'x');
      UPDATE tasks SET deleted_at = '2030-01-01T00:00:00.000Z' WHERE id = 't2';
      INSERT INTO notes (id, title, body, created_at, updated_at) VALUES ('n1', 'Old note', 'zebras everywhere', 'x', 'x');
    `);
    db.close();
    const store = openSqliteStore(dir);
    try {
      assert.equal(store.schemaVersion, 2);
      const hits = new SearchRepository(store.db).search({ query: 'zebra' });
      assert.deepEqual(hits.map((h) => h.id).sort(), ['n1', 't1']);
      assert.deepEqual(new TaskRepository(store.db).list({ tag: 'zoo' }).items.map((t) => t.id), ['t1']);
    } finally {
      store.close();
    }
  });
});
