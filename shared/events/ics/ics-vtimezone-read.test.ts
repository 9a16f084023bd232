// Importing times whose TZID names no zone we know, placed by the file's own VTIMEZONE:
// Outlook writes "Customized Time Zone" or a display name when a meeting's zone came from
// elsewhere. Without the block such times used to land in the importer's zone.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { zoneOffsetMs } from '../../zoned-time.js';
import { parseIcs } from './ics-events.js';
import { parseLine } from './ics-lines.js';
import { observanceOf, offsetOfWall } from './ics-vtimezone-read.js';

// As Outlook (Microsoft 365, desktop) exports a calendar, written by hand.
const OUTLOOK_EXPORT = [
  'BEGIN:VCALENDAR',
  'PRODID:-//Microsoft Corporation//Outlook 16.0 MIMEDIR//EN',
  'VERSION:2.0',
  'METHOD:PUBLISH',
  'X-MS-OLK-FORCEINSPECTOROPEN:TRUE',
  'BEGIN:VTIMEZONE',
  'TZID:Customized Time Zone',
  'BEGIN:STANDARD',
  'DTSTART:16011104T020000',
  'RRULE:FREQ=YEARLY;BYDAY=1SU;BYMONTH=11',
  'TZOFFSETFROM:-0400',
  'TZOFFSETTO:-0500',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010311T020000',
  'RRULE:FREQ=YEARLY;BYDAY=2SU;BYMONTH=3',
  'TZOFFSETFROM:-0500',
  'TZOFFSETTO:-0400',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VTIMEZONE',
  'TZID:(UTC+01:00) Amsterdam\\, Berlin\\, Bern\\, Rome\\, Stockholm\\, Vienna',
  'BEGIN:STANDARD',
  'DTSTART:16011028T030000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10',
  'TZOFFSETFROM:+0200',
  'TZOFFSETTO:+0100',
  'END:STANDARD',
  'BEGIN:DAYLIGHT',
  'DTSTART:16010325T020000',
  'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3',
  'TZOFFSETFROM:+0100',
  'TZOFFSETTO:+0200',
  'END:DAYLIGHT',
  'END:VTIMEZONE',
  'BEGIN:VTIMEZONE',
  'TZID:Base camp',
  'BEGIN:STANDARD',
  'DTSTART:16010101T000000',
  'TZOFFSETFROM:+0517',
  'TZOFFSETTO:+0517',
  'END:STANDARD',
  'END:VTIMEZONE',
  'BEGIN:VEVENT',
  'CLASS:PUBLIC',
  'DTSTART;TZID="Customized Time Zone":20300107T090000',
  'DTEND;TZID="Customized Time Zone":20300107T093000',
  'RRULE:FREQ=WEEKLY;COUNT=20;BYDAY=MO',
  'DTSTAMP:20300101T120000Z',
  'SUMMARY;LANGUAGE=en-us:Planning',
  'UID:040000008200E00074C5B7101A82E00800000000A1B2C3D4E5F6A7B8C9D0E1F2A3B4C5D6',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID="Customized Time Zone":20300715T140000',
  'DTEND;TZID="Customized Time Zone":20300715T150000',
  'DTSTAMP:20300101T120000Z',
  'SUMMARY:Summer review',
  'UID:040000008200E00074C5B7101A82E00800000000F6E5D4C3B2A1',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20300715T090000',
  'DTEND;TZID="(UTC+01:00) Amsterdam, Berlin, Bern, Rome, Stockholm, Vienna":20300715T100000',
  'DTSTAMP:20300101T120000Z',
  'SUMMARY:Kick-off',
  'UID:040000008200E00074C5B7101A82E008000000001111',
  'END:VEVENT',
  'BEGIN:VEVENT',
  'DTSTART;TZID="Base camp":20300601T120000',
  'DTEND;TZID="Base camp":20300601T130000',
  'DTSTAMP:20300101T120000Z',
  'SUMMARY:Radio check',
  'UID:040000008200E00074C5B7101A82E008000000002222',
  'END:VEVENT',
  'END:VCALENDAR',
].join('\r\n');

const offsetH = (zone: string, iso: string) => zoneOffsetMs(Date.parse(iso), zone) / 3_600_000;

test('a "Customized Time Zone" takes a zone with the same rules: 09:00 stays 09:00 across DST', () => {
  const { events, skipped } = parseIcs(OUTLOOK_EXPORT, 'Pacific/Kiritimati');
  assert.deepEqual(skipped, []);
  const planning = events.find((e) => e.input.title === 'Planning')!;
  // 09:00 at UTC−5 in January.
  assert.equal(planning.input.start, '2030-01-07T14:00:00.000Z');
  assert.equal(planning.input.end, '2030-01-07T14:30:00.000Z');
  // Its zone keeps US Eastern rules in both seasons, so the series' summer occurrences are 09:00 at UTC−4.
  const zone = planning.input.timeZone;
  assert.deepEqual([offsetH(zone, '2030-01-15T12:00:00Z'), offsetH(zone, '2030-07-15T12:00:00Z')], [-5, -4]);
  assert.deepEqual([offsetH(zone, '2035-03-01T12:00:00Z'), offsetH(zone, '2035-03-20T12:00:00Z')], [-5, -4]);
  const summer = events.find((e) => e.input.title === 'Summer review')!;
  assert.equal(summer.input.start, '2030-07-15T18:00:00.000Z');
});

test('a display-name TZID takes the zone of a city it names', () => {
  const { events } = parseIcs(OUTLOOK_EXPORT, 'Pacific/Kiritimati');
  const kickoff = events.find((e) => e.input.title === 'Kick-off')!;
  assert.equal(kickoff.input.start, '2030-07-15T07:00:00.000Z');
  assert.ok(['Europe/Amsterdam', 'Europe/Berlin', 'Europe/Rome', 'Europe/Stockholm', 'Europe/Vienna', 'Europe/Brussels', 'Europe/Zurich'].includes(kickoff.input.timeZone), kickoff.input.timeZone);
});

test('a block no zone keeps still places its times by its offset, in the importer’s zone', () => {
  const { events } = parseIcs(OUTLOOK_EXPORT, 'Pacific/Kiritimati');
  const radio = events.find((e) => e.input.title === 'Radio check')!;
  // 12:00 at UTC+05:17.
  assert.equal(radio.input.start, '2030-06-01T06:43:00.000Z');
  assert.equal(radio.input.timeZone, 'Pacific/Kiritimati');
});

test('a TZID with neither a known name nor a block falls back to the calendar’s zone, as before', () => {
  const text = OUTLOOK_EXPORT.replace('TZID:Base camp', 'TZID:Other camp');
  const radio = parseIcs(text, 'Europe/Lisbon').events.find((e) => e.input.title === 'Radio check')!;
  assert.equal(radio.input.timeZone, 'Europe/Lisbon');
  assert.equal(radio.input.start, '2030-06-01T11:00:00.000Z');
});

test('offsetOfWall reads yearly rules: the last Sunday, the 2nd Sunday, the year before the first onset', () => {
  const observance = (...lines: string[]) => observanceOf(lines.map((l) => parseLine(l)!))!;
  const berlin = [
    observance('DTSTART:16011028T030000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=10', 'TZOFFSETTO:+0100'),
    observance('DTSTART:16010325T020000', 'RRULE:FREQ=YEARLY;BYDAY=-1SU;BYMONTH=3', 'TZOFFSETTO:+0200'),
  ];
  const h = (list: typeof berlin, y: number, m: number, d: number, hh: number) => offsetOfWall(list, Date.UTC(y, m - 1, d, hh))! / 3_600_000;
  // 2030: summer time from Sunday 31 March 02:00 to Sunday 27 October 03:00.
  assert.deepEqual([h(berlin, 2030, 3, 30, 12), h(berlin, 2030, 3, 31, 1), h(berlin, 2030, 3, 31, 3), h(berlin, 2030, 10, 27, 2), h(berlin, 2030, 10, 27, 4)], [1, 1, 2, 2, 1]);
  // New Year reads last year's October onset.
  assert.equal(h(berlin, 2031, 1, 1, 0), 1);
  const eastern = [
    observance('DTSTART:20070311T020000', 'RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=2SU', 'TZOFFSETTO:-0400'),
    observance('DTSTART:20071104T020000', 'RRULE:FREQ=YEARLY;BYMONTH=11;BYDAY=1SU', 'TZOFFSETTO:-0500'),
  ];
  assert.deepEqual([h(eastern, 2030, 3, 9, 12), h(eastern, 2030, 3, 10, 12), h(eastern, 2030, 11, 2, 12), h(eastern, 2030, 11, 3, 12)], [-5, -4, -4, -5]);
  // Before the first onset there is no offset to give.
  assert.equal(offsetOfWall(eastern, Date.UTC(2006, 0, 1)), null);
});
