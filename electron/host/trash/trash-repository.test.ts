import assert from 'node:assert/strict';
import path from 'node:path';
import { after, beforeEach, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import { SQLITE_FILE } from '../../core/paths.js';
import { ProfileWorkerClient } from '../../core/storage/profile-worker-client.js';
import { openTestStore, type TestStore } from '../testing/test-store.js';

describe('TrashRepository', () => {
  let s: TestStore;
  beforeEach(() => {
    s?.close();
    s = openTestStore();
  });
  after(() => s.close());

  const event = { start: '2030-03-01T09:00:00.000Z', end: '2030-03-01T10:00:00.000Z', timeZone: 'UTC' };

  test('lists trashed tasks, notes and events, most recently deleted first, with the purge date', () => {
    const t = s.tasks.create({ title: 'task' });
    const n = s.notes.create({ title: 'note' });
    const e = s.events.create({ ...event, title: 'event' });
    s.tasks.create({ title: 'live' });
    s.notes.delete(n.id);
    s.events.delete(e.id);
    const trashedTask = s.tasks.delete(t.id);
    const page = s.trash.list({});
    assert.deepEqual(page.items.map((i) => [i.kind, i.title]), [['task', 'task'], ['event', 'event'], ['note', 'note']]);
    assert.equal(page.items[0]!.purgeAt, new Date(Date.parse(trashedTask.deletedAt!) + 30 * 86_400_000).toISOString());
    const first = s.trash.list({ limit: 2 });
    const second = s.trash.list({ limit: 2, cursor: first.nextCursor! });
    assert.deepEqual([...first.items, ...second.items], page.items);
  });

  test('purge deletes only the named items that are in the Trash; empty deletes all of it', () => {
    const live = s.tasks.create({ title: 'live' });
    const a = s.tasks.create({ title: 'a', tags: ['x'] });
    const b = s.notes.create({ title: 'b' });
    s.tasks.delete(a.id);
    s.notes.delete(b.id);
    const purged = s.trash.purge({ items: [{ kind: 'task', id: a.id }, { kind: 'task', id: live.id }] });
    assert.deepEqual(purged, { task: [a.id], note: [], event: [] });
    assert.equal(s.rows('tasks'), 1);
    assert.equal(s.rows('task_tags'), 0, 'its tags went with it');
    assert.deepEqual(s.trash.empty(), { task: [], note: [b.id], event: [] });
    assert.equal(s.rows('notes'), 0);
    assert.equal(s.tasks.get(live.id).title, 'live');
  });

  test('purgeExpired removes what has been in the Trash for 30 days, nothing younger', () => {
    const old = s.notes.create({ title: 'old' });
    s.notes.delete(old.id);
    s.clock.advance(29 * 86_400_000);
    const young = s.notes.create({ title: 'young' });
    s.notes.delete(young.id);
    assert.deepEqual(s.trash.purgeExpired().note, []);
    s.clock.advance(86_400_000);
    assert.deepEqual(s.trash.purgeExpired().note, [old.id]);
    assert.deepEqual(s.trash.list({}).items.map((i) => i.id), [young.id]);
  });

  test('a profile worker purges expired Trash when it opens', async () => {
    const n = s.notes.create({ title: 'ancient' });
    const keep = s.notes.create({ title: 'recent' });
    s.notes.delete(n.id);
    s.notes.delete(keep.id);
    const dir = s.dir;
    s.store.close();
    const db = new Database(path.join(dir, SQLITE_FILE));
    db.prepare("UPDATE notes SET deleted_at = '2000-01-01T00:00:00.000Z' WHERE id = ?").run(n.id);
    db.prepare('UPDATE notes SET deleted_at = ? WHERE id = ?').run(new Date().toISOString(), keep.id);
    db.close();
    const worker = await ProfileWorkerClient.start(dir);
    try {
      const trash = await worker.call('listTrash', {});
      assert.deepEqual(trash.items.map((i) => i.id), [keep.id]);
    } finally {
      await worker.close();
    }
    s = openTestStore();
  });
});
