import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import type { CalendarEvent } from '../../../shared/events/events.js';
import { storePerTest } from '../testing/test-store.js';

const starts = (items: CalendarEvent[]) => items.map((e) => e.start);
const inZone = (iso: string, timeZone: string) =>
  new Intl.DateTimeFormat('sv-SE', { timeZone, dateStyle: 'short', timeStyle: 'short' }).format(new Date(iso));

describe('repeating events', () => {
  const s = storePerTest();

  const list = (from: string, to: string, timeZone?: string) =>
    s.events.list({ from, to, limit: 500, ...(timeZone ? { timeZone } : {}) }).items;

  test('a weekly 09:00 in New York stays 09:00 local across both DST changes', () => {
    const e = s.events.create({
      title: 'Standup',
      start: '2030-03-04T14:00:00.000Z', // Monday 09:00 EST
      end: '2030-03-04T14:30:00.000Z',
      timeZone: 'America/New_York',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO',
    });
    const spring = list('2030-03-01T00:00:00Z', '2030-03-20T00:00:00Z');
    assert.deepEqual(starts(spring), ['2030-03-04T14:00:00.000Z', '2030-03-11T13:00:00.000Z', '2030-03-18T13:00:00.000Z']);
    assert.ok(spring.every((o) => inZone(o.start, 'America/New_York').endsWith('09:00')));
    assert.ok(spring.every((o) => Date.parse(o.end) - Date.parse(o.start) === 30 * 60_000));
    assert.ok(spring.every((o) => o.id === e.id && o.occurrenceStart === o.start && o.recurrence === 'FREQ=WEEKLY;BYDAY=MO'));
    const autumn = list('2030-10-28T00:00:00Z', '2030-11-12T00:00:00Z');
    assert.deepEqual(starts(autumn), ['2030-10-28T13:00:00.000Z', '2030-11-04T14:00:00.000Z', '2030-11-11T14:00:00.000Z']);
  });

  test('a daily 02:30 in Berlin takes the offset before the gap on the spring-forward night, and the first of the repeated hour in autumn', () => {
    // Three days of a quarter-hour at 02:30 Berlin time, from the night before the change.
    const nightly = (title: string, start: string, end: string) =>
      s.events.create({ title, start, end, timeZone: 'Europe/Berlin', recurrence: 'FREQ=DAILY;COUNT=3' });
    nightly('Night job', '2030-03-30T01:30:00.000Z' /* 02:30 CET */, '2030-03-30T01:45:00.000Z');
    // 2030-03-31 02:30 does not exist in Berlin: read with the offset before (+01:00), it is 03:30 CEST.
    assert.deepEqual(starts(list('2030-03-29T00:00:00Z', '2030-04-05T00:00:00Z')), [
      '2030-03-30T01:30:00.000Z',
      '2030-03-31T01:30:00.000Z',
      '2030-04-01T00:30:00.000Z',
    ]);
    nightly('Autumn', '2030-10-26T00:30:00.000Z' /* 02:30 CEST */, '2030-10-26T00:45:00.000Z');
    // 02:30 happens twice on 2030-10-27: the first (CEST, 00:30Z) counts.
    assert.deepEqual(starts(list('2030-10-25T00:00:00Z', '2030-11-01T00:00:00Z')), [
      '2030-10-26T00:30:00.000Z',
      '2030-10-27T00:30:00.000Z',
      '2030-10-28T01:30:00.000Z',
    ]);
  });

  test('COUNT and UNTIL end a series; BYDAY picks weekdays; monthly and yearly rules', () => {
    s.events.create({ title: 'Count', start: '2030-01-07T09:00:00Z', end: '2030-01-07T10:00:00Z', timeZone: 'UTC', recurrence: 'FREQ=WEEKLY;BYDAY=MO,WE,FR;COUNT=4' });
    assert.deepEqual(
      starts(list('2030-01-01T00:00:00Z', '2030-03-01T00:00:00Z')).map((x) => x.slice(0, 10)),
      ['2030-01-07', '2030-01-09', '2030-01-11', '2030-01-14'],
    );
    s.renew();
    // UNTIL is inclusive: an occurrence exactly at UNTIL happens.
    s.events.create({ title: 'Until', start: '2030-01-01T09:00:00Z', end: '2030-01-01T10:00:00Z', timeZone: 'UTC', recurrence: 'FREQ=DAILY;INTERVAL=2;UNTIL=20300107T090000Z' });
    assert.deepEqual(
      starts(list('2029-12-01T00:00:00Z', '2030-03-01T00:00:00Z')).map((x) => x.slice(0, 10)),
      ['2030-01-01', '2030-01-03', '2030-01-05', '2030-01-07'],
    );
    s.renew();
    s.events.create({ title: 'Last Friday', start: '2030-01-25T09:00:00Z', end: '2030-01-25T10:00:00Z', timeZone: 'UTC', recurrence: 'FREQ=MONTHLY;BYDAY=-1FR;COUNT=3' });
    s.events.create({ title: 'Leap day', start: '2028-02-29', end: '2028-02-29', allDay: true, timeZone: 'UTC', recurrence: 'FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=29' });
    const found = list('2028-01-01T00:00:00Z', '2033-01-01T00:00:00Z');
    assert.deepEqual(
      found.filter((e) => e.title === 'Last Friday').map((e) => e.start.slice(0, 10)),
      ['2030-01-25', '2030-02-22', '2030-03-29'],
    );
    assert.deepEqual(found.filter((e) => e.title === 'Leap day').map((e) => e.start), ['2028-02-29', '2032-02-29']);
  });

  test('all-day repeats are dates every viewer sees alike, multi-day spans kept', () => {
    s.events.create({ title: 'Weekend', start: '2030-01-05', end: '2030-01-06', allDay: true, timeZone: 'Pacific/Kiritimati', recurrence: 'FREQ=WEEKLY' });
    for (const zone of ['Pacific/Honolulu', 'Pacific/Kiritimati', 'Europe/Berlin']) {
      const found = s.events.list({ from: '2030-01-12T00:00:00Z', to: '2030-01-13T00:00:00Z', timeZone: zone }).items;
      // Whatever the viewer's zone, the occurrence is the 12th–13th.
      assert.deepEqual(found.map((e) => [e.start, e.end]), [['2030-01-12', '2030-01-13']], zone);
    }
  });

  test('an exception removes one occurrence; an edited occurrence replaces it; both leave the rest', () => {
    const e = s.events.create({ title: 'Daily', start: '2030-05-01T08:00:00Z', end: '2030-05-01T09:00:00Z', timeZone: 'Europe/Berlin', recurrence: 'FREQ=DAILY;COUNT=5' });
    const v2 = s.events.deleteOccurrence({ id: e.id, version: e.version, occurrenceStart: '2030-05-02T08:00:00.000Z', scope: 'this' });
    assert.deepEqual(v2.exceptions, ['2030-05-02T08:00:00.000Z']);
    const moved = s.events.editOccurrence({
      id: e.id,
      version: v2.version,
      occurrenceStart: '2030-05-03T08:00:00.000Z',
      scope: 'this',
      title: 'Moved',
      start: '2030-05-03T12:00:00.000Z',
      end: '2030-05-03T13:00:00.000Z',
    });
    assert.deepEqual([moved.seriesId, moved.originalStart, moved.recurrence], [e.id, '2030-05-03T08:00:00.000Z', null]);
    const found = list('2030-04-01T00:00:00Z', '2030-06-01T00:00:00Z');
    assert.deepEqual(
      found.map((x) => [x.start.slice(5, 16), x.title]),
      [['05-01T08:00', 'Daily'], ['05-03T12:00', 'Moved'], ['05-04T08:00', 'Daily'], ['05-05T08:00', 'Daily']],
    );
    // Deleting the edited occurrence does not bring the rule's one back.
    s.events.delete(moved.id);
    assert.equal(list('2030-05-03T00:00:00Z', '2030-05-04T00:00:00Z').length, 0);
    // A removed occurrence cannot be edited or removed again.
    assert.throws(
      () => s.events.deleteOccurrence({ id: e.id, version: s.events.get(e.id).version, occurrenceStart: '2030-05-02T08:00:00.000Z', scope: 'this' }),
      (x: unknown) => x instanceof AppException && x.code === 'NOT_FOUND',
    );
  });

  test('"this and following" ends the series before the occurrence and starts a new one with the changes, COUNT carried over', () => {
    const e = s.events.create({ title: 'Class', start: '2030-09-02T07:00:00Z', end: '2030-09-02T08:00:00Z', timeZone: 'Europe/Berlin', recurrence: 'FREQ=WEEKLY;COUNT=6' });
    const next = s.events.editOccurrence({
      id: e.id,
      version: e.version,
      occurrenceStart: '2030-09-16T07:00:00.000Z',
      scope: 'following',
      title: 'Class (room 2)',
    });
    assert.equal(next.recurrence, 'FREQ=WEEKLY;COUNT=4');
    assert.equal(s.events.get(e.id).recurrence, 'FREQ=WEEKLY;UNTIL=20300916T065959Z');
    const found = list('2030-09-01T00:00:00Z', '2031-01-01T00:00:00Z');
    assert.deepEqual(
      found.map((x) => [x.start.slice(5, 10), x.title]),
      [
        ['09-02', 'Class'],
        ['09-09', 'Class'],
        ['09-16', 'Class (room 2)'],
        ['09-23', 'Class (room 2)'],
        ['09-30', 'Class (room 2)'],
        ['10-07', 'Class (room 2)'],
      ],
    );
    // Delete this and following from the new series' third occurrence.
    s.events.deleteOccurrence({ id: next.id, version: next.version, occurrenceStart: '2030-09-30T07:00:00.000Z', scope: 'following' });
    assert.equal(list('2030-09-01T00:00:00Z', '2031-01-01T00:00:00Z').length, 4);
    // From the first occurrence, "following" is the whole series.
    s.events.deleteOccurrence({ id: e.id, version: s.events.get(e.id).version, occurrenceStart: '2030-09-02T07:00:00.000Z', scope: 'following' });
    assert.equal(list('2030-09-01T00:00:00Z', '2031-01-01T00:00:00Z').length, 2);
  });

  test('pages of a window run through occurrences in order without loss or repeats', () => {
    s.events.create({ title: 'Hourly-ish', start: '2030-01-01T00:00:00Z', end: '2030-01-01T00:10:00Z', timeZone: 'UTC', recurrence: 'FREQ=DAILY' });
    s.events.create({ title: 'Single', start: '2030-01-03T12:00:00Z', end: '2030-01-03T13:00:00Z', timeZone: 'UTC' });
    const seen: string[] = [];
    let cursor: string | undefined;
    do {
      const page = s.events.list({ from: '2030-01-01T00:00:00Z', to: '2030-01-11T00:00:00Z', limit: 3, ...(cursor ? { cursor } : {}) });
      seen.push(...page.items.map((x) => `${x.start.slice(5, 13)} ${x.title}`));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.equal(seen.length, 11);
    assert.equal(new Set(seen).size, 11);
    assert.deepEqual(seen.slice(2, 4), ['01-03T00 Hourly-ish', '01-03T12 Single']);
  });

  test('an endless series lists without a window end, up to the page limit', () => {
    s.events.create({ title: 'Forever', start: '2030-01-01T00:00:00Z', end: '2030-01-01T00:10:00Z', timeZone: 'UTC', recurrence: 'FREQ=DAILY' });
    const page = s.events.list({ from: '2031-01-01T00:00:00Z', limit: 5 });
    assert.deepEqual(page.items.map((x) => x.start.slice(0, 10)), ['2031-01-01', '2031-01-02', '2031-01-03', '2031-01-04', '2031-01-05']);
    assert.notEqual(page.nextCursor, null);
  });

  test('trashing a series takes its edited occurrences with it, restoring brings them back', () => {
    const e = s.events.create({ title: 'S', start: '2030-05-01T08:00:00Z', end: '2030-05-01T09:00:00Z', timeZone: 'UTC', recurrence: 'FREQ=DAILY;COUNT=3' });
    s.events.editOccurrence({ id: e.id, version: 1, occurrenceStart: '2030-05-02T08:00:00.000Z', scope: 'this', title: 'Edited' });
    s.events.delete(e.id);
    assert.equal(list('2030-05-01T00:00:00Z', '2030-05-05T00:00:00Z').length, 0);
    s.events.restore(e.id);
    assert.deepEqual(list('2030-05-01T00:00:00Z', '2030-05-05T00:00:00Z').map((x) => x.title), ['S', 'Edited', 'S']);
  });

  test('reminders: one per occurrence, due minutes before its start, all-day ones before the viewer\'s midnight', () => {
    s.events.create({ title: 'Weekly', start: '2030-03-04T14:00:00Z', end: '2030-03-04T15:00:00Z', timeZone: 'America/New_York', recurrence: 'FREQ=WEEKLY', reminderMinutes: 15 });
    s.events.create({ title: 'Quiet', start: '2030-03-05T14:00:00Z', end: '2030-03-05T15:00:00Z', timeZone: 'UTC' });
    s.events.create({ title: 'Holiday', start: '2030-03-12', end: '2030-03-12', allDay: true, timeZone: 'UTC', reminderMinutes: 60 });
    const due = s.events.reminders(new Date('2030-03-01T00:00:00Z'), new Date('2030-03-15T00:00:00Z'), 'Europe/Berlin');
    assert.deepEqual(
      due.map((r) => [r.title, r.at]),
      [
        ['Weekly', '2030-03-04T13:45:00.000Z'],
        ['Holiday', '2030-03-11T22:00:00.000Z'],
        ['Weekly', '2030-03-11T12:45:00.000Z'],
      ].sort((a, b) => (a[1]! < b[1]! ? -1 : 1)),
    );
  });

  test('a rule is refused when the host cannot run it, exceptions must match the event\'s kind', () => {
    assert.throws(
      () => s.events.create({ title: 'x', start: '2030-01-01', end: '2030-01-01', allDay: true, timeZone: 'UTC', recurrence: 'FREQ=DAILY', exceptions: ['2030-01-02T00:00:00.000Z'] }),
      (x: unknown) => x instanceof AppException && x.code === 'INVALID_INPUT' && x.extra.field === 'exceptions',
    );
  });
});
