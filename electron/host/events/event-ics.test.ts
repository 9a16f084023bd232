import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, test } from 'node:test';
import { fold, unfold } from '../../../shared/events/ics/ics-lines.js';
import { exportIcs, importIcs } from './event-ics.js';
import { openTestStore, storePerTest, type TestStore } from '../testing/test-store.js';

// The fixture sits in the source tree; tests run from build/.
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const FIXTURE = path.join(root, 'electron/core/testing/fixtures/google-outlook-export.ics');

const RANGE = { from: '2029-01-01T00:00:00Z', to: '2032-01-01T00:00:00Z', limit: 500 } as const;

describe('.ics import and export', () => {
  const s = storePerTest();

  test('a Google Calendar / Outlook export: TZID, folded lines, escapes, EXDATE, RECURRENCE-ID, VALARM, DURATION, Windows zones', () => {
    const result = importIcs(s.events, fs.readFileSync(FIXTURE, 'utf8'), 'UTC');
    assert.equal(result.added, 4);
    assert.equal(result.skipped.length, 1);
    assert.match(result.skipped[0]!.reason, /Bad rule.*FREQ/);
    const items = s.events.list(RANGE).items;
    const standups = items.filter((e) => e.title.startsWith('Team standup'));
    // Mondays 09:00 New York from March 4 until March 30 (UNTIL, local), DST on March 10, the 18th
    // removed, the 11th moved to Tuesday 14:00.
    assert.deepEqual(
      standups.map((e) => [e.start, e.title]),
      [
        ['2030-03-04T14:00:00.000Z', 'Team standup'],
        ['2030-03-12T18:00:00.000Z', 'Team standup (moved to Tuesday)'],
        ['2030-03-25T13:00:00.000Z', 'Team standup'],
      ],
    );
    const series = s.events.get(standups[0]!.id);
    assert.equal(series.timeZone, 'America/New_York');
    assert.equal(series.description, 'Agenda:\n1. Yesterday, today\n2. Blockers; risks\nJoin at https://meet.example.com/abc-defg-hij');
    assert.equal(series.location, 'Room 4, Building B');
    assert.equal(series.reminderMinutes, 10);
    assert.deepEqual(series.exceptions, ['2030-03-18T13:00:00.000Z']);
    assert.equal(standups[1]!.seriesId, series.id);
    assert.equal(standups[1]!.originalStart, '2030-03-11T13:00:00.000Z');

    const trip = items.find((e) => e.title.startsWith('Long weekend'))!;
    // DTEND of a date is exclusive: May 25–27 inclusive. The folded line kept its space.
    assert.deepEqual([trip.start, trip.end, trip.allDay], ['2030-05-25', '2030-05-27', true]);
    assert.equal(trip.title, 'Long weekend trip – 🏕️ Lake Placid with the whole family and the dog and the canoe');

    const dentist = items.filter((e) => e.title === 'Zahnarzt');
    assert.deepEqual(
      dentist.map((e) => [e.start, e.end, e.timeZone]),
      [
        // 10:00 Berlin: CET (+01:00) on March 29, CEST (+02:00) from March 31.
        ['2030-03-29T09:00:00.000Z', '2030-03-29T10:30:00.000Z', 'Europe/Berlin'],
        ['2030-04-29T08:00:00.000Z', '2030-04-29T09:30:00.000Z', 'Europe/Berlin'],
        ['2030-05-29T08:00:00.000Z', '2030-05-29T09:30:00.000Z', 'Europe/Berlin'],
      ],
    );
  });

  test('imports what it exports: every occurrence, zone, exception, edited occurrence and reminder comes back', () => {
    const weekly = s.events.create({
      title: 'Weekly; with, punctuation \\ and a very long title that will need folding at seventy-five octets — ünïcödé',
      start: '2030-03-04T14:00:00.000Z',
      end: '2030-03-04T15:00:00.000Z',
      timeZone: 'America/New_York',
      recurrence: 'FREQ=WEEKLY;BYDAY=MO,TH;UNTIL=20300430T000000Z',
      exceptions: ['2030-03-07T14:00:00.000Z'],
      reminderMinutes: 30,
      description: 'Line one\nLine two',
      location: 'Café',
    });
    s.events.editOccurrence({ id: weekly.id, version: 1, occurrenceStart: '2030-03-11T13:00:00.000Z', scope: 'this', title: 'Moved', start: '2030-03-11T20:00:00.000Z', end: '2030-03-11T21:00:00.000Z' });
    s.events.create({ title: 'Holiday', start: '2030-12-24', end: '2030-12-26', allDay: true, timeZone: 'Europe/Berlin', recurrence: 'FREQ=YEARLY;COUNT=2' });
    s.events.create({ title: 'Once', start: '2030-06-01T10:00:00.000Z', end: '2030-06-01T11:00:00.000Z', timeZone: 'UTC' });
    s.events.create({ title: 'Tokyo', start: '2030-06-02T01:00:00.000Z', end: '2030-06-02T02:00:00.000Z', timeZone: 'Asia/Tokyo', recurrence: 'FREQ=DAILY;COUNT=2' });
    const exported = exportIcs(s.events, new Date('2030-01-01T00:00:00Z'));
    assert.equal(exported.events, 5);
    // Every physical line is at most 75 octets and CRLF-terminated.
    for (const line of exported.text.split('\r\n').slice(0, -1)) assert.ok(Buffer.byteLength(line) <= 75, line);

    const shape = (store: TestStore) =>
      store.events.list(RANGE).items.map((e) => [e.title, e.start, e.end, e.allDay, e.timeZone, e.location, e.description, e.reminderMinutes]);
    const before = shape(s);
    const other = openTestStore();
    try {
      const result = importIcs(other.events, exported.text, 'Pacific/Honolulu');
      assert.deepEqual(result, { added: 5, skipped: [] });
      assert.deepEqual(shape(other), before);
      assert.ok(before.length > 10);
      // Exported again, the file says the same (ids aside).
      const again = exportIcs(other.events, new Date('2030-01-01T00:00:00Z')).text;
      const strip = (t: string) => unfold(t).filter((l) => !l.startsWith('UID:'));
      assert.deepEqual(strip(again).sort(), strip(exported.text).sort());
    } finally {
      other.close();
    }
  });

  test('folding never splits a UTF-8 character and unfolds to the same line', () => {
    const line = `SUMMARY:${'é'.repeat(50)}${'🏕️'.repeat(20)}`;
    const folded = fold(line);
    for (const l of folded.split('\r\n').slice(0, -1)) {
      assert.ok(Buffer.byteLength(l) <= 75);
      assert.ok(!l.includes('\uFFFD'));
    }
    assert.deepEqual(unfold(folded), [line]);
  });

  test('a file with nothing usable adds nothing and says why', () => {
    const r = importIcs(s.events, 'BEGIN:VCALENDAR\r\nBEGIN:VEVENT\r\nSUMMARY:No start\r\nEND:VEVENT\r\nEND:VCALENDAR\r\n', 'UTC');
    assert.deepEqual(r, { added: 0, skipped: [{ reason: '“No start”: No DTSTART' }] });
  });
});
