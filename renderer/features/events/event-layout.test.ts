import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CalendarEvent } from '../../../shared/events/events.js';
import { localInstant } from '../../format/local-time.js';
import { layoutBars, layoutBlocks, weekDays } from './event-layout.js';
import { monthGridDays } from './event-days.js';
import { repeatFormOf, ruleOf } from './repeat-rule.js';

const event = (title: string, start: string, end: string, allDay: boolean, occurrenceStart?: string): CalendarEvent => ({
  id: title,
  title,
  start,
  end,
  allDay,
  timeZone: 'UTC',
  location: '',
  description: '',
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  deletedAt: null,
  version: 1,
  recurrence: null,
  exceptions: [],
  seriesId: null,
  originalStart: null,
  reminderMinutes: null,
  ...(occurrenceStart ? { occurrenceStart } : {}),
});

test('weekDays: seven days from the first weekday (Monday, Sunday or Saturday)', () => {
  assert.deepEqual(weekDays('2030-01-09', 1), ['2030-01-07', '2030-01-08', '2030-01-09', '2030-01-10', '2030-01-11', '2030-01-12', '2030-01-13']);
  assert.deepEqual(weekDays('2030-01-09', 0), ['2030-01-06', '2030-01-07', '2030-01-08', '2030-01-09', '2030-01-10', '2030-01-11', '2030-01-12']);
  assert.deepEqual(weekDays('2030-01-09', 6)[0], '2030-01-05');
  // The first weekday itself starts its own week, not the one before.
  assert.deepEqual(weekDays('2030-01-06', 0)[0], '2030-01-06');
  assert.deepEqual(weekDays('2030-01-06', 1)[0], '2029-12-31');
});

test('monthGridDays: six weeks from the first weekday on or before the 1st', () => {
  // 1 December 2026 is a Tuesday.
  assert.equal(monthGridDays('2026-12', 1)[0], '2026-11-30');
  assert.equal(monthGridDays('2026-12', 0)[0], '2026-11-29');
  assert.equal(monthGridDays('2026-12', 2)[0], '2026-12-01');
  assert.equal(monthGridDays('2026-12', 1).length, 42);
});

test('multi-day events are one bar per week row, in lanes that never overlap, cut where they go on', () => {
  const days = weekDays('2030-01-09', 1);
  const { bars, lanes } = layoutBars(
    [
      event('Trip', '2030-01-05', '2030-01-08', true), // from the week before
      event('Conference', '2030-01-08', '2030-01-10', true),
      event('Holiday', '2030-01-09', '2030-01-09', true),
      event('Later', '2030-01-11', '2030-01-15', true), // into the next week
      event('Lunch', localInstant('2030-01-09', '12:00'), localInstant('2030-01-09', '13:00'), false), // not a bar
      event('Night', localInstant('2030-01-12', '22:00'), localInstant('2030-01-13', '02:00'), false), // crosses midnight: a bar
    ],
    days,
  );
  const byTitle = Object.fromEntries(bars.map((b) => [b.event.title, b]));
  assert.deepEqual(Object.keys(byTitle).sort(), ['Conference', 'Holiday', 'Later', 'Night', 'Trip']);
  assert.deepEqual([byTitle.Trip!.column, byTitle.Trip!.span, byTitle.Trip!.continuesBefore, byTitle.Trip!.continuesAfter], [0, 2, true, false]);
  assert.deepEqual([byTitle.Conference!.column, byTitle.Conference!.span], [1, 3]);
  assert.deepEqual([byTitle.Later!.column, byTitle.Later!.span, byTitle.Later!.continuesAfter], [4, 3, true]);
  assert.deepEqual([byTitle.Night!.column, byTitle.Night!.span], [5, 2]);
  // No two bars in one lane share a day.
  for (const a of bars) {
    for (const b of bars) {
      if (a !== b && a.lane === b.lane) assert.ok(a.column + a.span <= b.column || b.column + b.span <= a.column, `${a.event.title}/${b.event.title}`);
    }
  }
  assert.equal(lanes, 2);
});

test('overlapping timed events share a day column side by side; later ones reuse freed columns', () => {
  const at = (t: string) => localInstant('2030-01-09', t);
  const blocks = layoutBlocks(
    [
      event('A', at('09:00'), at('10:00'), false),
      event('B', at('09:30'), at('11:00'), false),
      event('C', at('10:00'), at('10:30'), false),
      event('D', at('14:00'), at('15:00'), false),
    ],
    '2030-01-09',
  );
  const byTitle = Object.fromEntries(blocks.map((b) => [b.event.title, b]));
  assert.deepEqual([byTitle.A!.top, byTitle.A!.height, byTitle.A!.column, byTitle.A!.columns], [540, 60, 0, 2]);
  assert.deepEqual([byTitle.B!.column, byTitle.C!.column, byTitle.C!.columns], [1, 0, 2]);
  assert.deepEqual([byTitle.D!.column, byTitle.D!.columns], [0, 1]);
});

test('the repeat editor reads back the rule it writes; rules it cannot show stay as custom text', () => {
  const weekly = repeatFormOf('FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=6', '2030-01-07');
  assert.deepEqual([weekly.freq, weekly.interval, weekly.byDay, weekly.ends, weekly.count], ['WEEKLY', 2, ['MO', 'FR'], 'after', 6]);
  assert.equal(ruleOf(weekly, false), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;COUNT=6');
  const lastFriday = repeatFormOf('FREQ=MONTHLY;BYDAY=-1FR', '2030-01-25');
  assert.equal(lastFriday.freq, 'custom');
  assert.equal(ruleOf(lastFriday, false), 'FREQ=MONTHLY;BYDAY=-1FR');
  assert.equal(ruleOf({ ...weekly, ends: 'on', until: '2030-03-01' }, true), 'FREQ=WEEKLY;INTERVAL=2;BYDAY=MO,FR;UNTIL=20300301');
  assert.equal(ruleOf(repeatFormOf(null, '2030-01-09'), false), null);
  assert.deepEqual(repeatFormOf(null, '2030-01-09').byDay, ['WE']);
});
