// VTIMEZONE blocks of an export, read back by a reader written here from RFC 5545 (not the
// writer's code): every time we write must name the same instant through its block alone, as
// a calendar that knows no IANA names would read it; and what we export imports back the same.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { CalendarEvent } from '../events.js';
import { zoneOffsetMs } from '../../zoned-time.js';
import { parseIcs, writeIcs } from './ics-events.js';
import { parseLine, unfold } from './ics-lines.js';
import { vtimezone, zoneTransitions } from './ics-timezones.js';

// A calendar as Apple Calendar (macOS 14) exports it, written by hand: VTIMEZONE blocks with
// yearly rules since 1981/1996, TZID on every time, an alarm, Apple's own X- properties.
const APPLE_EXPORT = [
  'BEGIN:VCALENDAR',
  'METHOD:PUBLISH',
  'VERSION:2.0',
  'X-WR-CALNAME:Zuhause',
  'PRODID:-//Apple Inc.//macOS 14.4//EN',
  'X-APPLE-CALENDAR-COLOR:#34AADC',
  'X-WR-TIMEZONE:Europe/Berlin',
  'CALSCALE:GREGORIAN',
  'BEGIN:VTIMEZONE',
  'TZID:Europe/Berlin',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+0100',
  'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU',
  'DTSTART:19810329T020000',
  'TZNAME:MESZ',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+0200',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU',
  'DTSTART:19961027T030000',
  'TZNAME:MEZ',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VTIMEZONE',
  'TZID:Australia/Sydney',
  'BEGIN:STANDARD',
  'TZOFFSETFROM:+1100',
  'RRULE:FREQ=YEARLY;BYMONTH=4;BYDAY=1SU',
  'DTSTART:20080406T030000',
  'TZNAME:GMT+10',
  'TZOFFSETTO:+1000',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'TZOFFSETFROM:+1000',
  'RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=1SU',
  'DTSTART:20081005T020000',
  'TZNAME:GMT+11',
  'TZOFFSETTO:+1100',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'TRANSP:OPAQUE',
  'DTEND;TZID=Europe/Berlin:20300330T100000',
  'UID:5D6E4B1C-8F2A-4C11-9C3E-2B7A1F0E9D11',
  'DTSTAMP:20300101T100000Z',
  'LOCATION:Marktplatz',
  'SEQUENCE:0',
  'X-APPLE-TRAVEL-ADVISORY-BEHAVIOR:AUTOMATIC',
  'SUMMARY:Wochenmarkt',
  'LAST-MODIFIED:20300101T095900Z',
  'CREATED:20300101T095800Z',
  'DTSTART;TZID=Europe/Berlin:20300330T090000',
  'RRULE:FREQ=WEEKLY;BYDAY=SA',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'TRANSP:OPAQUE',
  'DTEND;TZID=Australia/Sydney:20300407T000000',
  'UID:9A0C2E77-3B41-4E5D-8C6F-7D8E9F0A1B22',
  'DTSTAMP:20300101T100000Z',
  'SEQUENCE:0',
  'SUMMARY:Flight to Sydney',
  'LAST-MODIFIED:20300101T100100Z',
  'CREATED:20300101T100000Z',
  'DTSTART;TZID=Europe/Berlin:20300405T230000',
  'BEGIN:VALARM',
  'X-WR-ALARMUID:1B2C3D4E-0000-4000-8000-000000000001',
  'UID:1B2C3D4E-0000-4000-8000-000000000001',
  'TRIGGER:-PT2H',
  'ACTION:DISPLAY',
  'DESCRIPTION:Reminder',
  'END:VALARM',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'TRANSP:OPAQUE',
  'DTEND;TZID=Australia/Sydney:20300407T120000',
  'UID:3F4A5B6C-7D8E-4F90-A1B2-C3D4E5F60718',
  'DTSTAMP:20300101T100000Z',
  'SEQUENCE:0',
  'SUMMARY:Harbour walk',
  'LAST-MODIFIED:20300101T100200Z',
  'CREATED:20300101T100200Z',
  'DTSTART;TZID=Australia/Sydney:20300407T100000',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

interface Observance {
  onset: number;
  to: number;
  rule: { month: number; nth: number; weekday: number } | null;
}

const WALL = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})$/;
const wallMs = (v: string) => {
  const m = WALL.exec(v);
  assert.ok(m, `a local date-time: ${v}`);
  return Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!);
};
const offsetMs = (v: string) => {
  const m = /^([+-])(\d{2})(\d{2})(\d{2})?$/.exec(v);
  assert.ok(m, `an offset: ${v}`);
  return (m[1] === '-' ? -1 : 1) * ((+m[2]! * 60 + +m[3]!) * 60 + +(m[4] ?? 0)) * 1000;
};
const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** TZID → its observances, from a calendar's text. */
function readZones(text: string): Map<string, Observance[]> {
  const zones = new Map<string, Observance[]>();
  let tzid = '';
  let current: Record<string, string> | null = null;
  for (const line of unfold(text)) {
    const p = parseLine(line)!;
    if (p.name === 'BEGIN' && (p.value === 'STANDARD' || p.value === 'DAYLIGHT')) current = {};
    else if (p.name === 'END' && (p.value === 'STANDARD' || p.value === 'DAYLIGHT') && current) {
      const rule = current.RRULE ? /BYMONTH=(\d+);BYDAY=(-?\d)([A-Z]{2})/.exec(current.RRULE) : null;
      if (current.RRULE) assert.ok(rule, `a rule this reader knows: ${current.RRULE}`);
      zones.get(tzid)!.push({
        onset: wallMs(current.DTSTART!),
        to: offsetMs(current.TZOFFSETTO!),
        rule: rule ? { month: +rule[1]! - 1, nth: +rule[2]!, weekday: DAYS.indexOf(rule[3]!) } : null,
      });
      current = null;
    } else if (current) current[p.name] = p.value;
    else if (p.name === 'TZID') {
      tzid = p.value;
      zones.set(tzid, []);
    }
  }
  return zones;
}

/** The onsets of a yearly rule in one year, by walking the month's days. */
function ruleOnset(o: Observance, year: number): number {
  const rule = o.rule!;
  const matches: number[] = [];
  for (let day = 1; day <= 31; day++) {
    const d = new Date(Date.UTC(year, rule.month, day));
    if (d.getUTCMonth() === rule.month && d.getUTCDay() === rule.weekday) matches.push(day);
  }
  const day = rule.nth > 0 ? matches[rule.nth - 1]! : matches[matches.length + rule.nth]!;
  return Date.UTC(year, rule.month, day) + (o.onset % 86_400_000);
}

/** The offset a zone's observances give a wall time: the one with the latest onset at or before it. */
function offsetOfWall(observances: Observance[], wall: number): number {
  let best = -Infinity;
  let offset: number | null = null;
  for (const o of observances) {
    const onsets = o.rule
      ? Array.from({ length: new Date(wall).getUTCFullYear() - new Date(o.onset).getUTCFullYear() + 1 }, (_, i) =>
          ruleOnset(o, new Date(o.onset).getUTCFullYear() + i),
        )
      : [o.onset];
    for (const t of onsets) {
      if (t <= wall && t > best) {
        best = t;
        offset = o.to;
      }
    }
  }
  assert.notEqual(offset, null, `an observance begins before ${new Date(wall).toISOString()}`);
  return offset!;
}

const event = (over: Partial<CalendarEvent> & Pick<CalendarEvent, 'id' | 'start' | 'end' | 'timeZone'>): CalendarEvent => ({
  title: over.id,
  allDay: false,
  location: '',
  description: '',
  recurrence: null,
  exceptions: [],
  reminderMinutes: null,
  seriesId: null,
  originalStart: null,
  version: 1,
  createdAt: '2030-01-01T00:00:00.000Z',
  updatedAt: '2030-01-01T00:00:00.000Z',
  deletedAt: null,
  ...over,
} as CalendarEvent);

const EVENTS: CalendarEvent[] = [
  // Weekly 09:00 in New York with no end: the block must carry DST on for ever.
  event({ id: 'standup', start: '2030-01-07T14:00:00.000Z', end: '2030-01-07T14:30:00.000Z', timeZone: 'America/New_York', recurrence: 'FREQ=WEEKLY;BYDAY=MO', exceptions: ['2030-03-18T13:00:00.000Z'] }),
  // Berlin, one event in summer, another in winter.
  event({ id: 'summer', start: '2031-07-01T08:00:00.000Z', end: '2031-07-01T09:00:00.000Z', timeZone: 'Europe/Berlin' }),
  event({ id: 'winter', start: '2030-12-01T09:00:00.000Z', end: '2030-12-01T10:00:00.000Z', timeZone: 'Europe/Berlin' }),
  // Southern hemisphere; a 30-minute DST; no DST; DST abolished inside the span (2019).
  event({ id: 'sydney', start: '2030-04-06T23:00:00.000Z', end: '2030-04-07T01:00:00.000Z', timeZone: 'Australia/Sydney', recurrence: 'FREQ=MONTHLY;UNTIL=20311231T000000Z' }),
  event({ id: 'lord-howe', start: '2030-10-06T12:00:00.000Z', end: '2030-10-06T13:00:00.000Z', timeZone: 'Australia/Lord_Howe' }),
  event({ id: 'kolkata', start: '2030-05-05T04:30:00.000Z', end: '2030-05-05T05:30:00.000Z', timeZone: 'Asia/Kolkata' }),
  event({ id: 'sao-paulo-old', start: '2018-12-01T12:00:00.000Z', end: '2018-12-01T13:00:00.000Z', timeZone: 'America/Sao_Paulo' }),
  event({ id: 'sao-paulo-new', start: '2020-12-01T12:00:00.000Z', end: '2020-12-01T13:00:00.000Z', timeZone: 'America/Sao_Paulo' }),
  event({ id: 'utc', start: '2030-02-01T10:00:00.000Z', end: '2030-02-01T11:00:00.000Z', timeZone: 'UTC' }),
  // All-day: dates, no TZID, so no block for its zone.
  event({ id: 'holiday', start: '2030-08-01', end: '2030-08-02', allDay: true, timeZone: 'Asia/Tokyo' }),
];

test('zoneTransitions finds each change of a year to the second', () => {
  assert.deepEqual(zoneTransitions('America/New_York', Date.UTC(2030, 0, 1), Date.UTC(2031, 0, 1)), [
    { at: Date.UTC(2030, 2, 10, 7), from: -5 * 3_600_000, to: -4 * 3_600_000 },
    { at: Date.UTC(2030, 10, 3, 6), from: -4 * 3_600_000, to: -5 * 3_600_000 },
  ]);
  assert.deepEqual(zoneTransitions('Asia/Kolkata', Date.UTC(2030, 0, 1), Date.UTC(2031, 0, 1)), []);
});

test('a closed span lists its changes; an open one ends in the yearly rules', () => {
  const closed = vtimezone('Europe/Berlin', { fromMs: Date.UTC(2030, 5, 1), toMs: Date.UTC(2031, 5, 1), open: false });
  assert.deepEqual(closed.slice(0, 2), ['BEGIN:VTIMEZONE', 'TZID:Europe/Berlin']);
  // Summer time ends on the last Sunday of October 2030, at 03:00 summer time.
  assert.ok(closed.join('\n').includes('BEGIN:STANDARD\nDTSTART:20301027T030000\nTZOFFSETFROM:+0200\nTZOFFSETTO:+0100\nEND:STANDARD'));
  assert.ok(closed.join('\n').includes('BEGIN:DAYLIGHT\nDTSTART:20310330T020000\nTZOFFSETFROM:+0100\nTZOFFSETTO:+0200\nEND:DAYLIGHT'));
  assert.ok(!closed.some((l) => l.startsWith('RRULE')));
  const open = vtimezone('America/New_York', { fromMs: Date.UTC(2030, 0, 7), toMs: Date.UTC(2030, 0, 7), open: true });
  assert.ok(open.includes('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU'));
  assert.ok(open.includes('RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU'));
  // "Last Sunday" is -1SU (in a year where it is also the 4th, 4SU would be wrong the next).
  const berlin = vtimezone('Europe/Berlin', { fromMs: Date.UTC(2030, 0, 7), toMs: Date.UTC(2030, 0, 7), open: true });
  assert.ok(berlin.includes('RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU'));
  assert.ok(berlin.includes('RRULE:FREQ=YEARLY;BYMONTH=10;BYDAY=-1SU'));
  // A zone whose changes follow no weekday rule in the years after gets them listed instead.
  const tehran = vtimezone('Asia/Tehran', { fromMs: Date.UTC(2021, 0, 1), toMs: Date.UTC(2021, 0, 1), open: true });
  assert.ok(!tehran.some((l) => l.startsWith('RRULE')));
});

test('every time an export writes names the same instant through its VTIMEZONE alone', () => {
  const text = writeIcs(EVENTS, new Date('2030-01-01T00:00:00Z'));
  const zones = readZones(text);
  assert.deepEqual([...zones.keys()].sort(), ['America/New_York', 'America/Sao_Paulo', 'Asia/Kolkata', 'Australia/Lord_Howe', 'Australia/Sydney', 'Europe/Berlin', 'UTC']);
  let checked = 0;
  for (const line of unfold(text)) {
    const p = parseLine(line)!;
    const tzid = p.params.get('TZID');
    if (!tzid) continue;
    const wall = wallMs(p.value);
    const instant = wall - offsetOfWall(zones.get(tzid)!, wall);
    // What Intl says the zone's wall clock read at that instant.
    assert.equal(instant + zoneOffsetMs(instant, tzid), wall, `${p.name};TZID=${tzid}:${p.value}`);
    checked++;
  }
  // DTSTART, DTEND and one EXDATE of the standup; DTSTART and DTEND of the other eight timed events.
  assert.equal(checked, 3 + 8 * 2);
  // The open series: its occurrences years on still read right, in summer and in winter.
  const ny = zones.get('America/New_York')!;
  for (const date of [Date.UTC(2041, 6, 1, 9), Date.UTC(2041, 11, 2, 9), Date.UTC(2055, 2, 15, 9), Date.UTC(2055, 10, 8, 9)]) {
    const instant = date - offsetOfWall(ny, date);
    assert.equal(offsetOfWall(ny, date), zoneOffsetMs(instant, 'America/New_York'), new Date(date).toISOString());
  }
});

test('an export imports back as the same events (VTIMEZONE blocks read past, not as events)', () => {
  const text = writeIcs(EVENTS, new Date('2030-01-01T00:00:00Z'));
  const parsed = parseIcs(text, 'Pacific/Kiritimati');
  assert.deepEqual(parsed.skipped, []);
  assert.deepEqual(
    parsed.events.map((e) => [e.input.title, e.input.start, e.input.end, e.input.timeZone, e.input.recurrence, e.input.exceptions]),
    EVENTS.map((e) => [e.title, e.start, e.end, e.timeZone, e.recurrence, e.exceptions]),
  );
});

test('a hand-written Apple Calendar export with VTIMEZONE blocks imports at the right instants', () => {
  const text = APPLE_EXPORT;
  const parsed = parseIcs(text, 'Pacific/Kiritimati');
  assert.deepEqual(parsed.skipped, []);
  assert.deepEqual(
    parsed.events.map((e) => [e.input.title, e.input.start, e.input.end, e.input.timeZone, e.input.recurrence]),
    [
      ['Wochenmarkt', '2030-03-30T08:00:00.000Z', '2030-03-30T09:00:00.000Z', 'Europe/Berlin', 'FREQ=WEEKLY;BYDAY=SA'],
      ['Flight to Sydney', '2030-04-05T21:00:00.000Z', '2030-04-06T13:00:00.000Z', 'Europe/Berlin', null],
      ['Harbour walk', '2030-04-07T00:00:00.000Z', '2030-04-07T02:00:00.000Z', 'Australia/Sydney', null],
    ],
  );
  // Our own blocks for the same events agree with Apple's about every one of these times.
  const zones = readZones(text);
  const ours = readZones(writeIcs([event({ id: 'x', start: '2030-03-30T08:00:00.000Z', end: '2030-04-06T13:00:00.000Z', timeZone: 'Europe/Berlin' })], new Date()));
  for (const wall of [Date.UTC(2030, 2, 30, 9), Date.UTC(2030, 3, 5, 23), Date.UTC(2030, 3, 6, 15)]) {
    assert.equal(offsetOfWall(ours.get('Europe/Berlin')!, wall), offsetOfWall(zones.get('Europe/Berlin')!, wall));
  }
});
