// enclave event import / export and repeating events from the command line, in process with captured io.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { before, describe, test } from 'node:test';
import type { CalendarEvent } from '../../../shared/events/events.js';
import { cliTestBed } from '../testing/cli-test-bed.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../..');
const FIXTURE = path.join(root, 'electron/core/testing/fixtures/google-outlook-export.ics');

const bed = cliTestBed('cli-ics', { TZ: 'UTC' });
const files = bed.tempDir();
const cli = (...argv: string[]) => bed.cli(argv);
const ok = (...argv: string[]) => bed.ok(argv);
const list = async (profile: string) =>
  JSON.parse(await ok('event', 'list', '--profile', profile, '--from', '2030-01-01T00:00:00Z', '--to', '2031-01-01T00:00:00Z', '--json')) as CalendarEvent[];

before(async () => {
  await ok('profile', 'create', 'Ines');
  await ok('profile', 'create', 'Jon');
});

describe('enclave event import / export', () => {
  test('import adds the events of a calendar export, lists what it skipped on stderr, exit 0', async () => {
    const r = await cli('event', 'import', '--profile', 'Ines', FIXTURE);
    assert.equal(r.code, 0, r.stderr);
    assert.equal(r.stdout, 'added 4 events\n');
    assert.match(r.stderr, /^skipped: “Bad rule”: recurrence: Repeat rule: FREQ must be/);
    const titles = (await list('Ines')).map((e) => e.title);
    assert.equal(titles.filter((t) => t === 'Team standup').length, 2);
    assert.ok(titles.includes('Team standup (moved to Tuesday)'));
    assert.deepEqual(await list('Jon'), [], 'the other profile gets nothing');
  });

  test('export --out writes a file that imports into another profile as the same events', async () => {
    await ok('event', 'add', '--profile', 'Ines', 'Yoga', '--start', '2030-06-03T07:00:00+02:00', '--end', '2030-06-03T08:00:00+02:00',
      '--time-zone', 'Europe/Berlin', '--repeat', 'FREQ=WEEKLY;BYDAY=MO;COUNT=3', '--reminder', '15');
    const out = path.join(files, 'ines.ics');
    const written = await ok('event', 'export', '--profile', 'Ines', '--out', out);
    assert.equal(written, `${out}\t5\n`);
    const text = fs.readFileSync(out, 'utf8');
    assert.match(text, /^BEGIN:VCALENDAR\r\n/);
    assert.match(text, /RRULE:FREQ=WEEKLY;BYDAY=MO;COUNT=3\r\n/);
    assert.match(text, /DTSTART;TZID=Europe\/Berlin:20300603T070000\r\n/);
    // Every zone it names has its VTIMEZONE block (Berlin: summer time from the last Sunday of March).
    assert.match(text, /BEGIN:VTIMEZONE\r\nTZID:Europe\/Berlin\r\n/);
    assert.match(text, /BEGIN:DAYLIGHT\r\nDTSTART:\d{4}0\d{3}T020000\r\nTZOFFSETFROM:\+0100\r\nTZOFFSETTO:\+0200\r\n(RRULE:FREQ=YEARLY;BYMONTH=3;BYDAY=-1SU\r\n)?END:DAYLIGHT/);
    const json = JSON.parse(await ok('event', 'import', '--profile', 'Jon', out, '--json')) as { added: number; skipped: unknown[] };
    assert.deepEqual(json, { added: 5, skipped: [] });
    const shape = (events: CalendarEvent[]) => events.map((e) => [e.title, e.start, e.end, e.timeZone, e.reminderMinutes]);
    assert.deepEqual(shape(await list('Jon')), shape(await list('Ines')));
  });

  test('errors: a missing file, no --out, a bad rule, a bad reminder, no profile', async () => {
    const missing = await cli('event', 'import', '--profile', 'Ines', path.join(files, 'nope.ics'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: NOT_FOUND: /);
    const noOut = await cli('event', 'export', '--profile', 'Ines');
    assert.equal(noOut.code, 2);
    assert.match(noOut.stderr, /--out FILE\.ics is required/);
    const noFile = await cli('event', 'import', '--profile', 'Ines');
    assert.equal(noFile.code, 2);
    for (const extra of [['--repeat', 'FREQ=HOURLY'], ['--reminder', 'soon'], ['--reminder', '99999']]) {
      const r = await cli('event', 'add', '--profile', 'Ines', 'X', '--start', '2030-01-01T09:00:00Z', '--end', '2030-01-01T10:00:00Z', ...extra);
      assert.equal(r.code, 1, extra.join(' '));
      assert.match(r.stderr, /^error: INVALID_INPUT: /);
    }
    const noProfile = await cli('event', 'export', '--out', path.join(files, 'x.ics'));
    assert.equal(noProfile.code, 1);
    assert.ok(!fs.existsSync(path.join(files, 'x.ics')));
  });
});
