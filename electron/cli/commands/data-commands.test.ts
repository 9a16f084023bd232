// enclave task / note / event / search, run in process with captured io.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { CalendarEvent } from '../../../shared/events/events.js';
import type { NoteSummary } from '../../../shared/notes/notes.js';
import type { SearchHit } from '../../../shared/search/search.js';
import type { Task } from '../../../shared/tasks/tasks.js';
import { cliTestBed } from '../testing/cli-test-bed.js';

const bed = cliTestBed('cli-data', { TZ: 'UTC' });
const { dataDir } = bed;
const ID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-7[0-9a-f]{3}-[0-9a-f]{4}-[0-9a-f]{12}\n$/;

const cli = (...argv: string[]) => bed.cli(argv);
const ok = (...argv: string[]) => bed.ok(argv);
const json = async <T>(...argv: string[]) => JSON.parse(await ok(...argv, '--json')) as T;

before(async () => {
  await ok('profile', 'create', 'Cleo');
  await ok('profile', 'create', 'Dan');
});

describe('enclave task', () => {
  test('add prints the id; list shows it; done marks it done', async () => {
    const out = await ok('task', 'add', '--profile', 'Cleo', 'Water the plants', '--due', '2030-01-05', '--priority', 'high');
    assert.match(out, ID_LINE);
    const id = out.trim();
    await ok('task', 'add', '--profile', 'Cleo', 'Second');
    const tasks = await json<Task[]>('task', 'list', '--profile', 'Cleo');
    assert.deepEqual(tasks.map((t) => [t.title, t.due, t.priority]), [
      ['Water the plants', '2030-01-05', 'high'],
      ['Second', null, 'none'],
    ]);
    const table = await ok('task', 'list', '--profile', 'Cleo');
    assert.match(table, /^ID +STATUS +PRIORITY +DUE +TITLE\n/);
    assert.ok(table.includes('Water the plants'));
    assert.equal(await ok('task', 'done', '--profile', 'Cleo', id), `done ${id}\n`);
    assert.deepEqual((await json<Task[]>('task', 'list', '--profile', 'Cleo', '--status', 'done')).map((t) => t.id), [id]);
    assert.deepEqual(await json<Task[]>('task', 'list', '--profile', 'Dan'), [], "Dan sees none of Cleo's tasks");
  });

  test('bad input is `error: INVALID_INPUT:` with exit code 1; an unknown id is NOT_FOUND', async () => {
    for (const argv of [
      ['task', 'add', '--profile', 'Cleo', ''],
      ['task', 'add', '--profile', 'Cleo', 'x', '--due', 'tomorrow'],
      ['task', 'add', '--profile', 'Cleo', 'x', '--priority', 'urgent'],
      ['task', 'list', '--profile', 'Cleo', '--status', 'someday'],
    ]) {
      const r = await cli(...argv);
      assert.equal(r.code, 1, argv.join(' '));
      assert.match(r.stderr, /^error: INVALID_INPUT: /);
    }
    const r = await cli('task', 'done', '--profile', 'Cleo', '01890a5d-ac96-774b-bcce-b302099a8057');
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: NOT_FOUND: /);
    assert.equal((await cli('task', 'add', 'No profile')).code, 1);
  });
});

describe('enclave note, event and search', () => {
  test('note add reads the body from a file; note list shows it', async () => {
    const file = path.join(dataDir, 'body.md');
    fs.writeFileSync(file, '# Harvest\n\nPick the **tomatoes** on Sunday.\n');
    assert.match(await ok('note', 'add', '--profile', 'Cleo', 'Garden', '--body-file', file), ID_LINE);
    const notes = await json<NoteSummary[]>('note', 'list', '--profile', 'Cleo');
    assert.deepEqual(notes.map((n) => [n.title, n.excerpt]), [['Garden', '# Harvest\n\nPick the **tomatoes** on Sunday.\n']]);
    const missing = await cli('note', 'add', '--profile', 'Cleo', 'x', '--body-file', path.join(dataDir, 'nope.md'));
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: INVALID_INPUT: cannot read --body-file \(ENOENT\)/);
    assert.ok(!missing.stderr.includes(dataDir));
  });

  test('event add and list, with end before start refused', async () => {
    assert.match(
      await ok('event', 'add', '--profile', 'Cleo', 'Market', '--start', '2030-01-05T08:00:00Z', '--end', '2030-01-05T09:30:00Z'),
      ID_LINE,
    );
    await ok('event', 'add', '--profile', 'Cleo', 'Later', '--start', '2030-02-05T08:00:00Z', '--end', '2030-02-05T09:00:00Z');
    const bad = await cli('event', 'add', '--profile', 'Cleo', 'Back', '--start', '2030-01-05T08:00:00Z', '--end', '2030-01-05T07:00:00Z');
    assert.equal(bad.code, 1);
    assert.match(bad.stderr, /^error: INVALID_INPUT: end: /);
    assert.equal((await cli('event', 'add', '--profile', 'Cleo', 'No times')).code, 2);
    const events = await json<CalendarEvent[]>('event', 'list', '--profile', 'Cleo', '--from', '2030-01-01T00:00:00Z', '--to', '2030-02-01T00:00:00Z');
    assert.deepEqual(events.map((e) => [e.title, e.start, e.timeZone]), [['Market', '2030-01-05T08:00:00.000Z', 'UTC']]);
    const table = await ok('event', 'list', '--profile', 'Cleo');
    assert.match(table, /^ID +START +END +ZONE +TITLE\n/);
    assert.match(table, /2030-01-05 08:00 +2030-01-05 09:30 +UTC +Market\n/);
  });

  test('event list prints all-day events as their dates and timed events in their own zone', async () => {
    const add = (...argv: string[]) => ok('event', 'add', '--profile', 'Dan', ...argv);
    await add('New Year Berlin', '--all-day', '--start', '2027-01-01', '--end', '2027-01-01', '--time-zone', 'Europe/Berlin');
    await add('New Year Kiritimati', '--all-day', '--start', '2027-01-01', '--end', '2027-01-02', '--time-zone', 'pacific/kiritimati');
    await add('Breakfast', '--start', '2027-01-03T09:00:00+01:00', '--end', '2027-01-03T09:30:00+01:00', '--time-zone', 'europe/berlin');
    await add('Lunch', '--start', '2027-01-03T12:00:00-05:00', '--end', '2027-01-03T13:00:00-05:00', '--time-zone', 'US/Eastern');
    const table = await ok('event', 'list', '--profile', 'Dan', '--from', '2027-01-01T00:00:00Z', '--to', '2027-01-04T00:00:00Z');
    assert.match(table, /2027-01-01 +2027-01-01 +all day +New Year Berlin \(all day\)\n/);
    assert.match(table, /2027-01-01 +2027-01-02 +all day +New Year Kiritimati \(all day\)\n/);
    assert.match(table, /2027-01-03 09:00 +2027-01-03 09:30 +Europe\/Berlin +Breakfast\n/);
    assert.match(table, /2027-01-03 12:00 +2027-01-03 13:00 +America\/New_York +Lunch\n/);
    assert.ok(!table.includes('2026-12-31'), table);
    const events = await json<CalendarEvent[]>('event', 'list', '--profile', 'Dan', '--from', '2027-01-01T00:00:00Z', '--to', '2027-01-04T00:00:00Z');
    assert.deepEqual(
      events.map((e) => [e.title, e.start, e.end, e.timeZone]),
      [
        ['New Year Berlin', '2027-01-01', '2027-01-01', 'Europe/Berlin'],
        ['New Year Kiritimati', '2027-01-01', '2027-01-02', 'Pacific/Kiritimati'],
        ['Breakfast', '2027-01-03T08:00:00.000Z', '2027-01-03T08:30:00.000Z', 'Europe/Berlin'],
        ['Lunch', '2027-01-03T17:00:00.000Z', '2027-01-03T18:00:00.000Z', 'America/New_York'],
      ],
    );
  });

  test('event add --all-day: one day before the start is refused, times become dates, 9999-12-31 works', async () => {
    const add = (...argv: string[]) => cli('event', 'add', '--profile', 'Dan', '--time-zone', 'Europe/Berlin', ...argv);
    const back = await add('Back', '--all-day', '--start', '2028-05-02', '--end', '2028-05-01');
    assert.equal(back.code, 1);
    assert.match(back.stderr, /^error: INVALID_INPUT: end: /);
    const timed = await add('Short', '--all-day', '--start', '2028-05-01T13:37:00+02:00', '--end', '2028-05-01T14:00:00+02:00');
    assert.equal(timed.code, 0, timed.stderr);
    const last = await add('Last', '--all-day', '--start', '9999-12-31', '--end', '9999-12-31');
    assert.equal(last.code, 0, last.stderr);
    const ancient = await add('Ancient', '--all-day', '--start', '0012-03-01', '--end', '0012-03-01');
    assert.equal(ancient.code, 0, ancient.stderr);
    const est = await cli('event', 'add', '--profile', 'Dan', 'Eastern?', '--start', '2028-05-01T09:00:00Z', '--end', '2028-05-01T10:00:00Z', '--time-zone', 'EST');
    assert.equal(est.code, 1);
    assert.match(est.stderr, /^error: INVALID_INPUT: .*abbreviation/);
    const events = await json<CalendarEvent[]>('event', 'list', '--profile', 'Dan', '--from', '2028-01-01T00:00:00Z');
    assert.deepEqual(
      events.map((e) => [e.title, e.start, e.end]),
      [
        ['Short', '2028-05-01', '2028-05-01'],
        ['Last', '9999-12-31', '9999-12-31'],
      ],
    );
    const old = await json<CalendarEvent[]>('event', 'list', '--profile', 'Dan', '--to', '0013-01-01T00:00:00Z');
    assert.deepEqual(old.map((e) => [e.title, e.start]), [['Ancient', '0012-03-01']]);
    assert.match(await ok('event', 'list', '--profile', 'Dan', '--from', '9999-12-31T00:00:00Z'), /9999-12-31 +9999-12-31 +all day +Last \(all day\)/);
  });

  test('search finds across kinds, highlights, and stays within the profile', async () => {
    await ok('task', 'add', '--profile', 'Cleo', 'Buy tomato seeds');
    const hits = await json<SearchHit[]>('search', '--profile', 'Cleo', 'tomato');
    assert.deepEqual(hits.map((h) => h.kind).sort(), ['note', 'task']);
    assert.ok(hits.some((h) => h.title === 'Buy \u0002tomato\u0003 seeds'));
    assert.match(await ok('search', '--profile', 'Cleo', 'tomato'), /Buy «tomato» seeds/);
    assert.deepEqual(await json<SearchHit[]>('search', '--profile', 'Dan', 'tomato'), []);
    assert.equal(await ok('search', '--profile', 'Dan', 'tomato'), 'No matches.\n');
  });
});
