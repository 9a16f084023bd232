import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { throwsCode } from '../../core/testing/results.js';
import { storePerTest } from '../testing/test-store.js';

describe('EventRepository', () => {
  const s = storePerTest();

  const meeting = { title: 'Meeting', start: '2030-03-01T09:00:00.000Z', end: '2030-03-01T10:00:00.000Z', timeZone: 'Europe/Berlin' };

  test('stores UTC instants with the zone they were entered in', () => {
    const e = s.events.create({ ...meeting, location: 'Room 1', description: 'Agenda' });
    assert.deepEqual(
      [e.start, e.end, e.timeZone, e.allDay, e.location, e.description, e.version],
      ['2030-03-01T09:00:00.000Z', '2030-03-01T10:00:00.000Z', 'Europe/Berlin', false, 'Room 1', 'Agenda', 1],
    );
    assert.deepEqual(s.events.get(e.id), e);
  });

  test('all-day events are stored as their dates, the end date inclusive, whatever the zone', () => {
    const e = s.events.create({ title: 'Trip', start: '2030-03-30', end: '2030-03-31', allDay: true, timeZone: 'Europe/Berlin' });
    assert.deepEqual([e.start, e.end, e.allDay], ['2030-03-30', '2030-03-31', true]);
    assert.deepEqual(
      s.store.db.prepare('SELECT start_at, end_at, all_day FROM events WHERE id = ?').raw().get(e.id),
      ['2030-03-30', '2030-03-31', 1],
    );
    throwsCode(() => s.events.create({ ...meeting, start: '2030-03-01' }), 'INVALID_INPUT', 'start');
    throwsCode(() => s.events.create({ title: 'x', start: '2030-03-31', end: '2030-03-30', allDay: true, timeZone: 'UTC' }), 'INVALID_INPUT', 'end');
  });

  test('end before start is INVALID_INPUT naming end, on create and on update, and changes nothing', () => {
    throwsCode(() => s.events.create({ ...meeting, end: '2030-03-01T08:59:59.000Z' }), 'INVALID_INPUT', 'end');
    assert.equal(s.rows('events'), 0);
    const e = s.events.create(meeting);
    throwsCode(() => s.events.update({ id: e.id, version: 1, start: '2030-03-01T11:00:00.000Z' }), 'INVALID_INPUT', 'end');
    assert.deepEqual(s.events.get(e.id), e);
    const zero = s.events.update({ id: e.id, version: 1, end: e.start });
    assert.equal(zero.end, zero.start, 'end may equal start');
  });

  test('updates keep unchanged fields and conflict on a stale version', () => {
    const e = s.events.create(meeting);
    const moved = s.events.update({ id: e.id, version: 1, start: '2030-03-02T09:00:00.000Z', end: '2030-03-02T10:00:00.000Z' });
    assert.deepEqual([moved.title, moved.timeZone, moved.version], ['Meeting', 'Europe/Berlin', 2]);
    throwsCode(() => s.events.update({ id: e.id, version: 1, title: 'Stale' }), 'CONFLICT', 'version');
    assert.equal(s.events.get(e.id).title, 'Meeting');
  });

  test('list returns the events overlapping [from, to), by start, page by page', () => {
    const at = (d: number, h: number) => `2030-03-${String(d).padStart(2, '0')}T${String(h).padStart(2, '0')}:00:00.000Z`;
    s.events.create({ ...meeting, title: 'before', start: at(1, 8), end: at(1, 9) });
    s.events.create({ ...meeting, title: 'ends at from', start: at(1, 9), end: at(2, 0) });
    s.events.create({ ...meeting, title: 'spans from', start: at(1, 23), end: at(2, 1) });
    s.events.create({ ...meeting, title: 'inside', start: at(2, 10), end: at(2, 11) });
    s.events.create({ ...meeting, title: 'zero at from', start: at(2, 0), end: at(2, 0) });
    s.events.create({ ...meeting, title: 'starts at to', start: at(3, 0), end: at(3, 1) });
    const titles = s.events.list({ from: at(2, 0), to: at(3, 0) }).items.map((e) => e.title);
    assert.deepEqual(titles, ['spans from', 'zero at from', 'inside']);
    const first = s.events.list({ limit: 4 });
    assert.equal(first.items.length, 4);
    const rest = s.events.list({ limit: 4, cursor: first.nextCursor! });
    assert.deepEqual([...first.items, ...rest.items].map((e) => e.title), s.events.list({}).items.map((e) => e.title));
    assert.equal(rest.nextCursor, null);
  });
});
