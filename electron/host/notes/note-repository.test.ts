import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { NOTE_EXCERPT_CHARS } from '../../../shared/notes/notes.js';
import { storePerTest } from '../testing/test-store.js';

describe('NoteRepository', () => {
  const s = storePerTest();

  test('create, get, update with versions, soft delete and restore', () => {
    const n = s.notes.create({ title: 'Plan', body: '# Plan\n\n- one', tags: ['a'] });
    assert.deepEqual([n.title, n.body, n.tags, n.pinned, n.version, n.deletedAt], ['Plan', '# Plan\n\n- one', ['a'], false, 1, null]);
    const untitled = s.notes.create({});
    assert.deepEqual([untitled.title, untitled.body], ['', '']);
    const pinned = s.notes.update({ id: n.id, version: 1, pinned: true });
    assert.deepEqual([pinned.pinned, pinned.body, pinned.version], [true, n.body, 2]);
    assert.ok(pinned.updatedAt > n.updatedAt);
    assert.throws(
      () => s.notes.update({ id: n.id, version: 1, body: 'stale' }),
      (e: unknown) => e instanceof AppException && e.code === 'CONFLICT',
    );
    assert.equal(s.notes.get(n.id).body, n.body, 'the stale edit changed nothing');
    s.notes.delete(n.id);
    assert.throws(() => s.notes.get(n.id), (e: unknown) => e instanceof AppException && e.code === 'NOT_FOUND');
    assert.deepEqual(s.notes.list({}).items.map((x) => x.id), [untitled.id]);
    assert.equal(s.notes.restore(n.id).deletedAt, null);
    assert.equal(s.notes.list({}).items.length, 2);
  });

  test('lists show pinned notes first and an excerpt instead of the body', () => {
    const a = s.notes.create({ title: 'banana', body: 'x'.repeat(5000) });
    s.notes.create({ title: 'Apple', pinned: true });
    s.notes.create({ title: 'cherry', tags: ['fruit'] });
    s.notes.update({ id: a.id, version: 1, title: 'Banana' });
    const page = s.notes.list({});
    assert.deepEqual(page.items.map((n) => n.title), ['Apple', 'Banana', 'cherry']);
    assert.equal(page.items[1]!.excerpt.length, NOTE_EXCERPT_CHARS);
    assert.ok(!('body' in page.items[1]!));
    assert.deepEqual(s.notes.list({ sort: 'created' }).items.map((n) => n.title), ['Apple', 'cherry', 'Banana']);
    assert.deepEqual(s.notes.list({ sort: 'title' }).items.map((n) => n.title), ['Apple', 'Banana', 'cherry']);
    assert.deepEqual(s.notes.list({ tag: 'fruit' }).items.map((n) => n.title), ['cherry']);
    assert.deepEqual(s.notes.list({ pinned: false }).items.map((n) => n.title), ['Banana', 'cherry']);
  });

  test('cursor paging returns every note once, in order', () => {
    for (let i = 0; i < 55; i++) s.notes.create({ title: `n${i % 7}`, pinned: i % 9 === 0 });
    for (const sort of ['updated', 'created', 'title'] as const) {
      const all = s.notes.list({ sort, limit: 500 }).items.map((n) => n.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      do {
        const page = s.notes.list({ sort, limit: 10, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((n) => n.id));
        cursor = page.nextCursor ?? undefined;
      } while (cursor);
      assert.deepEqual(seen, all, sort);
    }
  });
});
