// Calendar events through the real router, schema and profile worker: all-day events are
// dates every viewer sees alike, zones are stored canonical, years 0001–9999 hold.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { CalendarEvent } from '../../../../shared/events/events.js';
import type { Page } from '../../../../shared/tasks/tasks.js';
import type { Enclave } from '../../enclave.js';
import { enclaveFixture } from '../../testing/enclave-fixture.js';
import { expectError, expectOk } from '../../testing/results.js';
import { openUnlocked } from '../../testing/unlocked-enclave.js';

const fixture = enclaveFixture('calendar-handlers');
const W = 1;
let enclave: Enclave;

const call = <T = CalendarEvent>(channel: string, input?: unknown) => enclave.handle(W, channel, input).then((r) => expectOk<T>(r, channel));
const refused = async (channel: string, input: unknown, field: string) => {
  const error = expectError(await enclave.handle(W, channel, input), 'INVALID_INPUT', JSON.stringify(input));
  assert.equal(error.field, field, error.message);
  return error;
};
const create = (input: Record<string, unknown>) => call('createEvent', { title: 'E', ...input });
const allDay = (start: string, end: string, timeZone: string, title = 'E') => create({ title, start, end, timeZone, allDay: true });
const list = async (input: Record<string, unknown>) => (await call<Page<CalendarEvent>>('listEvents', { limit: 500, ...input })).items;
const titles = async (input: Record<string, unknown>) => (await list(input)).map((e) => e.title);

before(async () => {
  ({ enclave } = await openUnlocked(fixture, [[W, 'Cal']]));
});

describe('all-day events are dates', () => {
  test('stored and answered as their first and last day, inclusive, whatever the zone', async () => {
    for (const zone of ['Europe/Berlin', 'Pacific/Kiritimati', 'Pacific/Honolulu', 'UTC', 'Asia/Kathmandu']) {
      const e = await allDay('2027-05-01', '2027-05-03', zone);
      assert.deepEqual([e.start, e.end, e.allDay, e.timeZone], ['2027-05-01', '2027-05-03', true, zone]);
      assert.deepEqual(await call('getEvent', { id: e.id }), e);
    }
  });

  test('an end one day or more before the start is refused naming end; the same day is one day', async () => {
    await refused('createEvent', { title: 'x', start: '2027-05-02', end: '2027-05-01', timeZone: 'UTC', allDay: true }, 'end');
    await refused('createEvent', { title: 'x', start: '2027-05-03', end: '2027-05-01', timeZone: 'Europe/Berlin', allDay: true }, 'end');
    await refused('createEvent', { title: 'x', start: '2027-01-01', end: '2026-12-31', timeZone: 'Pacific/Kiritimati', allDay: true }, 'end');
    const one = await allDay('2027-05-01', '2027-05-01', 'Europe/Berlin');
    await refused('updateEvent', { id: one.id, version: one.version, end: '2027-04-30' }, 'end');
    await refused('updateEvent', { id: one.id, version: one.version, start: '2027-05-02' }, 'end');
    assert.deepEqual(await call('getEvent', { id: one.id }), one);
  });

  test('times given for an all-day event become the days they fall on in its zone, never stored as given', async () => {
    const e = await create({ start: '2027-05-01T13:37:00+02:00', end: '2027-05-01T14:00:00+02:00', timeZone: 'Europe/Berlin', allDay: true });
    assert.deepEqual([e.start, e.end], ['2027-05-01', '2027-05-01']);
    // 23:30 UTC on April 30 is already May 1 in Berlin; an end at midnight ends the day before.
    const night = await create({ start: '2027-04-30T23:30:00Z', end: '2027-05-03T00:00:00+02:00', timeZone: 'Europe/Berlin', allDay: true });
    assert.deepEqual([night.start, night.end], ['2027-05-01', '2027-05-02']);
    // 10:30 UTC is 00:30 the next day in Kiritimati (+14); exactly 10:00 would be its midnight.
    const mixed = await create({ start: '2027-05-01', end: '2027-05-01T10:30:00Z', timeZone: 'Pacific/Kiritimati', allDay: true });
    assert.deepEqual([mixed.start, mixed.end], ['2027-05-01', '2027-05-02']);
    const midnight = await create({ start: '2027-05-01', end: '2027-05-01T10:00:00Z', timeZone: 'Pacific/Kiritimati', allDay: true });
    assert.deepEqual([midnight.start, midnight.end], ['2027-05-01', '2027-05-01']);
    await refused('createEvent', { title: 'x', start: '2027-05-01T14:00:00Z', end: '2027-05-01T13:37:00Z', timeZone: 'UTC', allDay: true }, 'end');
  });
});

describe('window queries find all-day events by local day', () => {
  test('a Kiritimati all-day event in a Honolulu local-day window and the other way round', async () => {
    await allDay('2031-05-01', '2031-05-01', 'Pacific/Kiritimati', 'kiritimati may 1');
    await allDay('2031-05-01', '2031-05-01', 'Pacific/Honolulu', 'honolulu may 1');
    await allDay('2031-04-30', '2031-04-30', 'Pacific/Kiritimati', 'kiritimati apr 30');
    await allDay('2031-05-02', '2031-05-02', 'Pacific/Honolulu', 'honolulu may 2');
    const may1 = ['honolulu may 1', 'kiritimati may 1'];
    const day = async (input: Record<string, unknown>) => (await titles(input)).sort();
    // By the offset the window is written in…
    assert.deepEqual(await day({ from: '2031-05-01T00:00:00-10:00', to: '2031-05-02T00:00:00-10:00' }), may1);
    assert.deepEqual(await day({ from: '2031-05-01T00:00:00+14:00', to: '2031-05-02T00:00:00+14:00' }), may1);
    // …or by the viewer's zone when given (the renderer's UTC instants).
    assert.deepEqual(await day({ from: '2031-05-01T10:00:00Z', to: '2031-05-02T10:00:00Z', timeZone: 'Pacific/Honolulu' }), may1);
    assert.deepEqual(await day({ from: '2031-04-30T10:00:00Z', to: '2031-05-01T10:00:00Z', timeZone: 'Pacific/Kiritimati' }), may1);
    // Month grids end on a day edge: the window's last day counts, the day after does not.
    assert.deepEqual(await day({ to: '2031-05-02T00:00:00-10:00', from: '2031-04-01T00:00:00-10:00' }), [
      'honolulu may 1',
      'kiritimati apr 30',
      'kiritimati may 1',
    ]);
    // The agenda: everything from the start of the viewer's day on.
    assert.deepEqual(await day({ from: '2031-05-02T00:00:00+14:00' }), ['honolulu may 2']);
    assert.ok((await titles({ from: '2031-05-02T10:00:00Z', timeZone: 'Pacific/Honolulu' })).includes('honolulu may 2'));
  });

  test('timed events still overlap by instant, and pages follow one another', async () => {
    await create({ title: 'timed honolulu evening', start: '2032-05-01T20:00:00-10:00', end: '2032-05-01T21:00:00-10:00', timeZone: 'Pacific/Honolulu' });
    await allDay('2032-05-02', '2032-05-02', 'UTC', 'all-day may 2');
    const window = { from: '2032-05-01T00:00:00-10:00', to: '2032-05-02T00:00:00-10:00' };
    assert.deepEqual(await titles(window), ['timed honolulu evening']);
    const all = await titles({ from: '2032-01-01T00:00:00Z', to: '2033-01-01T00:00:00Z' });
    const paged: string[] = [];
    let cursor: string | undefined;
    do {
      const page = await call<Page<CalendarEvent>>('listEvents', { from: '2032-01-01T00:00:00Z', to: '2033-01-01T00:00:00Z', limit: 1, ...(cursor ? { cursor } : {}) });
      paged.push(...page.items.map((e) => e.title));
      cursor = page.nextCursor ?? undefined;
    } while (cursor);
    assert.deepEqual(paged, all);
    assert.deepEqual(all.sort(), ['all-day may 2', 'timed honolulu evening']);
  });
});

describe('updates', () => {
  test('changing only the zone of an all-day event keeps its dates', async () => {
    const e = await allDay('2027-05-01', '2027-05-01', 'Europe/Berlin', 'Labour Day');
    const moved = await call('updateEvent', { id: e.id, version: e.version, timeZone: 'America/New_York' });
    assert.deepEqual([moved.start, moved.end, moved.allDay, moved.timeZone], ['2027-05-01', '2027-05-01', true, 'America/New_York']);
    const far = await call('updateEvent', { id: e.id, version: moved.version, timeZone: 'Pacific/Kiritimati' });
    assert.deepEqual([far.start, far.end], ['2027-05-01', '2027-05-01']);
  });

  test('setting allDay on a timed event turns its times into the days they touch in its zone', async () => {
    // 22:30–23:30 UTC on April 30 is 00:30–01:30 on May 1 in Berlin.
    const e = await create({ start: '2027-04-30T22:30:00Z', end: '2027-04-30T23:30:00Z', timeZone: 'Europe/Berlin' });
    const d = await call('updateEvent', { id: e.id, version: e.version, allDay: true });
    assert.deepEqual([d.start, d.end, d.allDay], ['2027-05-01', '2027-05-01', true]);
    // A timed event up to midnight covers only its first day; with a new zone, days in that zone.
    const t = await create({ start: '2027-05-01T09:00:00+02:00', end: '2027-05-03T00:00:00+02:00', timeZone: 'Europe/Berlin' });
    const td = await call('updateEvent', { id: t.id, version: t.version, allDay: true });
    assert.deepEqual([td.start, td.end], ['2027-05-01', '2027-05-02']);
    const ny = await create({ start: '2027-05-01T02:00:00Z', end: '2027-05-01T03:00:00Z', timeZone: 'Europe/Berlin' });
    const nyd = await call('updateEvent', { id: ny.id, version: ny.version, allDay: true, timeZone: 'America/New_York' });
    assert.deepEqual([nyd.start, nyd.end, nyd.timeZone], ['2027-04-30', '2027-04-30', 'America/New_York']);
  });

  test('unsetting allDay gives the whole days as times in its zone, or the times given', async () => {
    const e = await allDay('2027-03-27', '2027-03-28', 'Europe/Berlin');
    const t = await call('updateEvent', { id: e.id, version: e.version, allDay: false });
    // Berlin moves to summer time on March 28: the span ends at midnight +02:00.
    assert.deepEqual([t.start, t.end, t.allDay], ['2027-03-26T23:00:00.000Z', '2027-03-28T22:00:00.000Z', false]);
    const e2 = await allDay('2027-06-01', '2027-06-01', 'UTC');
    const t2 = await call('updateEvent', {
      id: e2.id,
      version: e2.version,
      allDay: false,
      start: '2027-06-01T09:00:00+02:00',
      end: '2027-06-01T10:00:00+02:00',
    });
    assert.deepEqual([t2.start, t2.end], ['2027-06-01T07:00:00.000Z', '2027-06-01T08:00:00.000Z']);
    await refused('updateEvent', { id: e2.id, version: t2.version, allDay: true, start: '2027-06-02', end: '2027-06-01' }, 'end');
    await refused('updateEvent', { id: e2.id, version: t2.version, start: '2027-06-02' }, 'start');
  });
});

describe('years 0001–9999', () => {
  test('years 0001–0099 stay themselves, as dates and as times', async () => {
    for (const year of ['0001', '0013', '0099', '0100']) {
      const d = await allDay(`${year}-03-01`, `${year}-03-02`, 'Europe/Berlin');
      assert.deepEqual([d.start, d.end], [`${year}-03-01`, `${year}-03-02`]);
      const t = await call('updateEvent', { id: d.id, version: d.version, allDay: false });
      assert.equal(t.start.slice(0, 10), `${year}-02-28`, t.start);
      assert.equal(t.start.slice(0, 4), year);
      const back = await call('updateEvent', { id: d.id, version: t.version, allDay: true });
      assert.deepEqual([back.start, back.end], [`${year}-03-01`, `${year}-03-02`]);
    }
    const leap = await allDay('0004-02-29', '0004-02-29', 'UTC');
    assert.deepEqual([leap.start, leap.end], ['0004-02-29', '0004-02-29']);
    await refused('createEvent', { title: 'x', start: '0100-02-29', end: '0100-02-29', timeZone: 'UTC', allDay: true }, 'start');
    const timed = await create({ start: '0050-07-01T10:00:00+01:00', end: '0050-07-01T11:00:00+01:00', timeZone: 'UTC' });
    assert.deepEqual([timed.start, timed.end], ['0050-07-01T09:00:00.000Z', '0050-07-01T10:00:00.000Z']);
    const asDay = await call('updateEvent', { id: timed.id, version: timed.version, allDay: true });
    assert.deepEqual([asDay.start, asDay.end], ['0050-07-01', '0050-07-01']);
    assert.deepEqual(await titles({ from: '0050-07-01T00:00:00Z', to: '0050-07-02T00:00:00Z' }), ['E']);
  });

  test('the first and last days of the calendar work, or are refused with a typed error', async () => {
    const last = await allDay('9999-12-31', '9999-12-31', 'Europe/Berlin', 'last day');
    assert.deepEqual([last.start, last.end], ['9999-12-31', '9999-12-31']);
    const lastFar = await allDay('9999-12-31', '9999-12-31', 'Pacific/Honolulu', 'last day far');
    assert.deepEqual([lastFar.start, lastFar.end], ['9999-12-31', '9999-12-31']);
    assert.deepEqual((await titles({ from: '9999-12-31T00:00:00-10:00' })).sort(), ['last day', 'last day far']);
    // Tokyo's local mean time (+09:18:59) puts the start of 0001-01-01 in year 0 UTC.
    const first = await allDay('0001-01-01', '0001-01-01', 'Asia/Tokyo', 'first day');
    assert.deepEqual([first.start, first.end], ['0001-01-01', '0001-01-01']);
    assert.deepEqual(await titles({ to: '0001-01-02T00:00:00Z' }), ['first day']);
    // As times these days would leave the years 0001–9999: refused, naming the field, nothing changed.
    await refused('updateEvent', { id: last.id, version: last.version, allDay: false }, 'end');
    await refused('updateEvent', { id: first.id, version: first.version, allDay: false }, 'start');
    assert.deepEqual(await call('getEvent', { id: last.id }), last);
    await refused('createEvent', { title: 'x', start: '0001-01-01T00:00:00Z', end: '0001-01-01T01:00:00Z', timeZone: 'America/New_York', allDay: true }, 'start');
  });
});

describe('zones are stored by their canonical IANA name', () => {
  const cases: [string, string][] = [
    ['europe/berlin', 'Europe/Berlin'],
    ['EUROPE/BERLIN', 'Europe/Berlin'],
    ['US/Eastern', 'America/New_York'],
    ['us/pacific', 'America/Los_Angeles'],
    ['Asia/Calcutta', 'Asia/Kolkata'],
    ['asia/kolkata', 'Asia/Kolkata'],
    ['Europe/Kiev', 'Europe/Kyiv'],
    ['America/Buenos_Aires', 'America/Argentina/Buenos_Aires'],
    ['Japan', 'Asia/Tokyo'],
    ['Etc/UTC', 'UTC'],
    ['GMT', 'UTC'],
    ['utc', 'UTC'],
    ['Etc/GMT+5', 'Etc/GMT+5'],
  ];
  for (const [typed, canonical] of cases) {
    test(`${typed} → ${canonical}, on create and on update`, async () => {
      const e = await create({ start: '2027-01-01T09:00:00Z', end: '2027-01-01T10:00:00Z', timeZone: typed });
      assert.equal(e.timeZone, canonical);
      const u = await call('updateEvent', { id: e.id, version: e.version, timeZone: typed });
      assert.equal(u.timeZone, canonical);
    });
  }
  const abbreviations = ['EST', 'est', 'MST', 'HST', 'EST5EDT', 'PST8PDT', 'CET'];
  for (const typed of [...abbreviations, 'Mars/Olympus', 'Berlin', '+05:00', '', 'x'.repeat(65)]) {
    test(`${JSON.stringify(typed.slice(0, 12))} is refused naming timeZone`, async () => {
      const error = await refused('createEvent', { title: 'x', start: '2027-01-01T09:00:00Z', end: '2027-01-01T10:00:00Z', timeZone: typed }, 'timeZone');
      if (abbreviations.includes(typed)) assert.match(error.message, /abbreviation/);
    });
  }
});
