import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { storePerTest } from '../testing/test-store.js';

describe('TagRepository', () => {
  const s = storePerTest();

  test('list: every tag of tasks and notes outside the Trash, with counts, A–Z ignoring case', () => {
    s.tasks.create({ title: 'a', tags: ['work', 'Urgent'] });
    s.tasks.create({ title: 'b', tags: ['work'] });
    const gone = s.tasks.create({ title: 'c', tags: ['work', 'old'] });
    s.tasks.delete(gone.id);
    s.notes.create({ title: 'n', body: '', tags: ['work', 'ideas'] });
    const trashed = s.notes.create({ title: 'm', body: '', tags: ['ideas'] });
    s.notes.delete(trashed.id);
    assert.deepEqual(s.tags.list(), [
      { tag: 'ideas', tasks: 0, notes: 1 },
      { tag: 'Urgent', tasks: 1, notes: 0 },
      { tag: 'work', tasks: 2, notes: 1 },
    ]);
  });

  test('list: no tags, no rows', () => {
    s.tasks.create({ title: 'plain' });
    assert.deepEqual(s.tags.list(), []);
  });

  test('rename: tasks and notes, the Trash too; versions move on', () => {
    const a = s.tasks.create({ title: 'a', tags: ['x', 'work', 'y'] });
    const b = s.tasks.create({ title: 'b', tags: ['other'] });
    const n = s.notes.create({ title: 'n', body: '', tags: ['work'] });
    const t = s.tasks.create({ title: 't', tags: ['work'] });
    s.tasks.delete(t.id);
    const changed = s.tags.rename('work', 'job');
    assert.deepEqual(changed.tasks.sort(), [a.id, t.id].sort());
    assert.deepEqual(changed.notes, [n.id]);
    const a2 = s.tasks.get(a.id);
    assert.deepEqual(a2.tags, ['x', 'job', 'y']);
    assert.equal(a2.version, a.version + 1);
    assert.ok(a2.updatedAt > a.updatedAt);
    assert.deepEqual(s.tasks.get(b.id).tags, ['other']);
    assert.equal(s.tasks.get(b.id).version, b.version);
    assert.deepEqual(s.notes.get(n.id).tags, ['job']);
    assert.deepEqual(s.tasks.restore(t.id).tags, ['job']);
    // The tag filter (task_tags, kept by triggers) follows the rename.
    assert.deepEqual(s.tasks.list({ tag: 'job' }).items.map((x) => x.title).sort(), ['a', 't']);
    assert.deepEqual(s.tasks.list({ tag: 'work' }).items, []);
    assert.deepEqual(s.notes.list({ tag: 'job' }).items.map((x) => x.title), ['n']);
  });

  test('rename onto an existing tag merges: one tag left, counts add up', () => {
    s.tasks.create({ title: 'both', tags: ['job', 'work'] });
    s.tasks.create({ title: 'work only', tags: ['work'] });
    s.tasks.create({ title: 'job only', tags: ['job'] });
    s.tags.rename('work', 'job');
    assert.deepEqual(s.tags.list(), [{ tag: 'job', tasks: 3, notes: 0 }]);
    assert.deepEqual(
      s.tasks.list({}).items.map((t) => t.tags),
      [['job'], ['job'], ['job']],
    );
  });

  test('rename of a tag nobody has is NOT_FOUND and changes nothing', () => {
    const a = s.tasks.create({ title: 'a', tags: ['Work'] });
    assert.throws(
      () => s.tags.rename('work', 'job'),
      (e: unknown) => e instanceof AppException && e.code === 'NOT_FOUND' && e.extra.field === 'from',
    );
    assert.equal(s.tasks.get(a.id).version, a.version);
  });

  test('a case-only rename', () => {
    s.notes.create({ title: 'n', body: '', tags: ['Work'] });
    s.tags.rename('Work', 'work');
    assert.deepEqual(s.tags.list(), [{ tag: 'work', tasks: 0, notes: 1 }]);
  });
});
