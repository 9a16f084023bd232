import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { Task } from '../../../shared/tasks/tasks.js';
import { throwsCode } from '../../core/testing/results.js';
import { storePerTest } from '../testing/test-store.js';

const titles = (tasks: Task[]) => tasks.map((t) => t.title);

describe('TaskRepository', () => {
  const s = storePerTest();

  test('create fills defaults and appends to the manual order', () => {
    const a = s.tasks.create({ title: 'A' });
    const b = s.tasks.create({ title: 'B', details: 'd', status: 'done', priority: 'high', due: '2030-01-05', tags: ['x', 'y'] });
    assert.match(a.id, /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    assert.deepEqual(
      { ...a, id: '', createdAt: '', updatedAt: '' },
      {
        id: '',
        title: 'A',
        details: '',
        status: 'todo',
        priority: 'none',
        due: null,
        tags: [],
        position: 1,
        createdAt: '',
        updatedAt: '',
        completedAt: null,
        deletedAt: null,
        version: 1,
      },
    );
    assert.equal(b.position, 2);
    assert.equal(b.completedAt, b.createdAt, 'created done, completed then');
    assert.deepEqual(s.tasks.get(b.id), b);
  });

  test('update changes only the given fields, bumps version and updated time, and tracks completion', () => {
    const t = s.tasks.create({ title: 'Draft', due: '2030-01-05', tags: ['a'] });
    const done = s.tasks.update({ id: t.id, version: 1, status: 'done' });
    assert.equal(done.version, 2);
    assert.ok(done.updatedAt > t.updatedAt);
    assert.ok(done.completedAt);
    assert.deepEqual([done.title, done.due, done.tags], ['Draft', '2030-01-05', ['a']]);
    const again = s.tasks.update({ id: t.id, version: 2, status: 'done', title: 'Final' });
    assert.equal(again.completedAt, done.completedAt, 'still done: completion time kept');
    const reopened = s.tasks.update({ id: t.id, version: 3, status: 'doing', due: null, tags: [] });
    assert.deepEqual([reopened.completedAt, reopened.due, reopened.tags, reopened.version], [null, null, [], 4]);
  });

  test('an update based on a stale version is a CONFLICT and changes nothing', () => {
    const t = s.tasks.create({ title: 'Shared' });
    const mine = s.tasks.update({ id: t.id, version: 1, title: 'Mine' });
    throwsCode(() => s.tasks.update({ id: t.id, version: 1, title: 'Theirs' }), 'CONFLICT', 'version');
    assert.deepEqual(s.tasks.get(t.id), mine);
  });

  test('missing and trashed tasks are NOT_FOUND for get, update and delete', () => {
    const t = s.tasks.create({ title: 'Gone soon' });
    s.tasks.delete(t.id);
    for (const fn of [
      () => s.tasks.get(t.id),
      () => s.tasks.update({ id: t.id, version: 2, title: 'x' }),
      () => s.tasks.delete(t.id),
      () => s.tasks.get('01890a5d-ac96-774b-bcce-b302099a8057'),
    ]) {
      throwsCode(fn, 'NOT_FOUND');
    }
  });

  test('delete is soft: out of lists and counts, back with restore', () => {
    const keep = s.tasks.create({ title: 'Keep' });
    const t = s.tasks.create({ title: 'Trash me', tags: ['t'] });
    const trashed = s.tasks.delete(t.id);
    assert.ok(trashed.deletedAt);
    assert.equal(trashed.version, 2);
    assert.deepEqual(titles(s.tasks.list({}).items), ['Keep']);
    assert.deepEqual(s.tasks.list({ tag: 't' }).items, []);
    assert.equal(s.tasks.counts({}).total, 1);
    assert.equal(s.rows('tasks'), 2, 'the row is still there');
    throwsCode(() => s.tasks.restore(keep.id), 'NOT_FOUND');
    const restored = s.tasks.restore(t.id);
    assert.equal(restored.deletedAt, null);
    assert.equal(restored.version, 3);
    assert.deepEqual(titles(s.tasks.list({}).items), ['Keep', 'Trash me']);
  });

  test('sorts: due (no due date last, dates and instants together), priority, created, manual', () => {
    s.tasks.create({ title: 'none', priority: 'low' });
    s.tasks.create({ title: 'jan 5', due: '2030-01-05', priority: 'high' });
    s.tasks.create({ title: 'jan 4 15:00', due: '2030-01-04T15:00:00.000Z', priority: 'medium' });
    s.tasks.create({ title: 'jan 4', due: '2030-01-04' });
    s.tasks.create({ title: 'jan 6 high', due: '2030-01-06', priority: 'high' });
    assert.deepEqual(titles(s.tasks.list({ sort: 'due' }).items), ['jan 4', 'jan 4 15:00', 'jan 5', 'jan 6 high', 'none']);
    assert.deepEqual(titles(s.tasks.list({ sort: 'priority' }).items), ['jan 5', 'jan 6 high', 'jan 4 15:00', 'none', 'jan 4']);
    assert.deepEqual(titles(s.tasks.list({ sort: 'created' }).items), ['jan 6 high', 'jan 4', 'jan 4 15:00', 'jan 5', 'none']);
    assert.deepEqual(titles(s.tasks.list({}).items), ['none', 'jan 5', 'jan 4 15:00', 'jan 4', 'jan 6 high']);
  });

  test('due filters are relative to the given now and zone, and deterministic', () => {
    s.tasks.create({ title: 'yesterday', due: '2030-01-09' });
    s.tasks.create({ title: 'yesterday done', due: '2030-01-09', status: 'done' });
    s.tasks.create({ title: 'today', due: '2030-01-10' });
    // 08:00 in Berlin on the 10th; 20:00 in Auckland on the 10th.
    s.tasks.create({ title: 'today 07:00Z', due: '2030-01-10T07:00:00.000Z' });
    s.tasks.create({ title: 'in six days', due: '2030-01-16' });
    s.tasks.create({ title: 'in seven days', due: '2030-01-17' });
    s.tasks.create({ title: 'no due' });
    const berlin = { now: '2030-01-10T06:30:00.000Z', timeZone: 'Europe/Berlin', sort: 'due' as const };
    assert.deepEqual(titles(s.tasks.list({ ...berlin, due: 'overdue' }).items), ['yesterday']);
    assert.deepEqual(titles(s.tasks.list({ ...berlin, due: 'today' }).items), ['today', 'today 07:00Z']);
    assert.deepEqual(titles(s.tasks.list({ ...berlin, due: 'week' }).items), ['today', 'today 07:00Z', 'in six days']);
    // The same instant is already the 10th's evening in Auckland: 07:00Z is overdue there.
    const auckland = { ...berlin, timeZone: 'Pacific/Auckland', now: '2030-01-10T08:00:00.000Z' };
    assert.deepEqual(titles(s.tasks.list({ ...auckland, due: 'overdue' }).items), ['yesterday', 'today 07:00Z']);
    // Late on the 9th in Los Angeles, "today" is still the 9th (and 07:00Z is 23:00 that day).
    const la = { ...berlin, timeZone: 'America/Los_Angeles' };
    assert.deepEqual(titles(s.tasks.list({ ...la, due: 'today' }).items), ['yesterday', 'yesterday done', 'today 07:00Z']);
    assert.deepEqual(s.tasks.counts({ ...berlin, due: 'week' }), { todo: 3, doing: 0, done: 0, total: 3 });
  });

  test('status and tag filters, and counts per status', () => {
    s.tasks.create({ title: 'a', tags: ['work'] });
    s.tasks.create({ title: 'b', tags: ['home'], status: 'doing' });
    s.tasks.create({ title: 'c', tags: ['work', 'home'], status: 'done' });
    const b = s.tasks.list({ status: 'doing' }).items[0]!;
    assert.equal(b.title, 'b');
    assert.deepEqual(titles(s.tasks.list({ tag: 'work' }).items), ['a', 'c']);
    assert.deepEqual(titles(s.tasks.list({ tag: 'work', status: 'done' }).items), ['c']);
    assert.deepEqual(s.tasks.counts({}), { todo: 1, doing: 1, done: 1, total: 3 });
    assert.deepEqual(s.tasks.counts({ tag: 'home' }), { todo: 0, doing: 1, done: 1, total: 2 });
    // Retagging moves the task between tag filters.
    s.tasks.update({ id: b.id, version: b.version, tags: ['work'] });
    assert.deepEqual(titles(s.tasks.list({ tag: 'home' }).items), ['c']);
    assert.deepEqual(titles(s.tasks.list({ tag: 'work' }).items), ['a', 'b', 'c']);
  });

  for (const sort of ['due', 'priority', 'manual', 'created'] as const) {
    test(`cursor paging by ${sort} returns every task once, in order, even while tasks are added`, () => {
      const priorities = ['none', 'low', 'medium', 'high'] as const;
      for (let i = 0; i < 230; i++) {
        s.tasks.create({
          title: `t${i}`,
          priority: priorities[i % 4]!,
          ...(i % 5 === 0 ? {} : { due: `2030-02-${String((i % 28) + 1).padStart(2, '0')}` }),
        });
      }
      const expected = s.tasks.list({ sort, limit: 500 }).items.map((t) => t.id);
      const seen: string[] = [];
      let cursor: string | undefined;
      let pages = 0;
      do {
        const page = s.tasks.list({ sort, limit: 40, ...(cursor ? { cursor } : {}) });
        seen.push(...page.items.map((t) => t.id));
        cursor = page.nextCursor ?? undefined;
        // Inserted between pages, sorting before and after the cursor; none may repeat a row.
        s.tasks.create({ title: `late${pages}`, due: '2030-01-01', priority: 'high' });
        pages++;
      } while (cursor);
      assert.ok(pages >= 6);
      const original = seen.filter((id) => expected.includes(id));
      assert.deepEqual(original, expected, 'all original tasks, in order');
      assert.equal(new Set(seen).size, seen.length, 'no task twice');
    });
  }

  test('a cursor from another order, or not a cursor at all, is INVALID_INPUT naming cursor', () => {
    for (let i = 0; i < 3; i++) s.tasks.create({ title: `t${i}` });
    const cursor = s.tasks.list({ sort: 'due', limit: 1 }).nextCursor!;
    throwsCode(() => s.tasks.list({ sort: 'created', cursor }), 'INVALID_INPUT', 'cursor');
    throwsCode(() => s.tasks.list({ cursor: 'garbage!' }), 'INVALID_INPUT', 'cursor');
    throwsCode(() => s.tasks.list({ cursor: Buffer.from('["manual",{},"x"]').toString('base64url') }), 'INVALID_INPUT', 'cursor');
  });

  test('move places a task between two others, after one, or before one', () => {
    const [a, b, c, d] = ['a', 'b', 'c', 'd'].map((title) => s.tasks.create({ title }));
    const order = () => titles(s.tasks.list({ sort: 'manual' }).items).join('');
    s.tasks.move({ id: d!.id, after: a!.id, before: b!.id });
    assert.equal(order(), 'adbc');
    s.tasks.move({ id: a!.id, after: c!.id });
    assert.equal(order(), 'dbca');
    s.tasks.move({ id: a!.id, before: d!.id });
    assert.equal(order(), 'adbc');
    s.tasks.move({ id: b!.id, after: c!.id });
    assert.equal(order(), 'adcb');
    const moved = s.tasks.get(b!.id);
    assert.ok(moved.version > 1);
    throwsCode(() => s.tasks.move({ id: a!.id, after: '01890a5d-ac96-774b-bcce-b302099a8057' }), 'NOT_FOUND', 'after');
  });

  test('moving into the same gap again and again keeps the order (positions are renumbered when needed)', () => {
    const first = s.tasks.create({ title: 'first' });
    const last = s.tasks.create({ title: 'last' });
    let previous = first;
    const expected = ['first'];
    for (let i = 0; i < 80; i++) {
      const t = s.tasks.create({ title: `m${i}` });
      // Always straight after the previous one: halves the same gap each time.
      s.tasks.move({ id: t.id, after: previous.id, before: last.id });
      previous = t;
      expected.push(`m${i}`);
    }
    expected.push('last');
    assert.deepEqual(titles(s.tasks.list({ sort: 'manual', limit: 500 }).items), expected);
  });

  test('hideDone leaves done tasks out of a list, whatever the sort and other filters', () => {
    s.tasks.create({ title: 'open', tags: ['t'] });
    s.tasks.create({ title: 'doing', status: 'doing' });
    s.tasks.create({ title: 'finished', status: 'done', tags: ['t'] });
    for (const sort of ['manual', 'due', 'priority', 'created'] as const) {
      assert.deepEqual(titles(s.tasks.list({ sort, hideDone: true }).items).sort(), ['doing', 'open'], sort);
    }
    assert.deepEqual(titles(s.tasks.list({ hideDone: true, tag: 't' }).items), ['open']);
    assert.deepEqual(titles(s.tasks.list({ hideDone: true, status: 'done' }).items), []);
    assert.equal(s.tasks.list({ hideDone: false }).items.length, 3);
  });
});
