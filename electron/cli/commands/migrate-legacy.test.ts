// enclave migrate-legacy, in process with captured io, over real SQLite files and the
// real keychain: one profile per legacy user, all or nothing.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import type { AuditLogPage } from '../../../shared/activity/audit.js';
import type { CalendarEvent } from '../../../shared/events/events.js';
import type { Note, NoteSummary } from '../../../shared/notes/notes.js';
import type { ProfileOverview, ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { SearchHit } from '../../../shared/search/search.js';
import type { Page, Task } from '../../../shared/tasks/tasks.js';
import { openEnclave, type Enclave } from '../../core/enclave.js';
import type { LegacyMigrationReport } from '../legacy/migrate-legacy.js';
import { profilesRoot } from '../../core/paths.js';
import { expectOk } from '../../core/testing/results.js';
import { listTree, tempDirs } from '../../core/testing/temp-dir.js';
import { testKeychain } from '../../core/testing/test-keychain.js';
import { runCaptured } from '../testing/run-captured.js';

const keychain = testKeychain('cli-legacy');
const temp = tempDirs();
after(async () => {
  await keychain.clear();
  temp.removeAll();
});

const cli = (dataDir: string, ...argv: string[]) => runCaptured(argv, { keychain, dataDir });

const LEGACY_SCHEMA = `
  CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT);
  CREATE TABLE tasks (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT, notes TEXT, done INTEGER, due TEXT, priority INTEGER, created_at TEXT);
  CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT, body TEXT, pinned INTEGER);
  CREATE TABLE events (id INTEGER PRIMARY KEY, user_id INTEGER, title TEXT, starts_at TEXT, ends_at TEXT, all_day INTEGER, location TEXT);
`;

/** A legacy file with three users: 1 Alice (2 tasks, 1 note, 1 event), 2 Bob (1, 2, 0), 3 without a users row (0, 0, 2). */
function legacyFile(dir: string, extra = ''): string {
  const file = path.join(dir, 'legacy.db');
  const db = new Database(file);
  db.exec(LEGACY_SCHEMA);
  db.exec(`
    INSERT INTO users VALUES (1, 'Alice'), (2, 'Bob');
    INSERT INTO tasks VALUES (1, 1, 'alice pays rent', 'by transfer', 0, '2030-02-01', 3, '2020-05-01 10:00:00');
    INSERT INTO tasks VALUES (2, 1, 'alice waters plants', NULL, 1, NULL, 0, NULL);
    INSERT INTO tasks VALUES (3, 2, 'bob fixes bike', NULL, 0, '2030-03-01T09:00:00+01:00', NULL, NULL);
    INSERT INTO notes VALUES (1, 1, 'alice diary', 'zebracorn secret of alice', 1);
    INSERT INTO notes VALUES (2, 2, 'bob recipes', 'pancakes', 0);
    INSERT INTO notes VALUES (3, 2, NULL, 'bob scribble', NULL);
    INSERT INTO events VALUES (1, 1, 'alice dentist', '2030-01-10 09:00:00', '2030-01-10 10:00:00', 0, 'Main St');
    INSERT INTO events VALUES (2, 3, 'carol holiday', '2030-07-01', '2030-07-14', 1, NULL);
    INSERT INTO events VALUES (3, 3, 'carol call', '2030-07-20T08:00:00Z', '2030-07-20T08:30:00Z', 0, NULL);
    ${extra}
  `);
  db.close();
  return file;
}

const call = async <T>(e: Enclave, w: number, channel: string, input?: unknown) => expectOk<T>(await e.handle(w, channel, input), channel);

describe('enclave migrate-legacy', () => {
  const dataDir = temp.make();
  const files = temp.make();
  const file = legacyFile(files);

  test('makes one profile per user with the right counts, data visible through the app and isolated', async () => {
    const before = fs.readFileSync(file);
    const startedAt = new Date().toISOString();
    const r = await cli(dataDir, 'migrate-legacy', file, '--json', '--time-zone', 'Europe/Berlin');
    const endedAt = new Date().toISOString();
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as LegacyMigrationReport;
    assert.deepEqual(
      report.users.map((u) => [u.userId, u.profile, u.tasks, u.notes, u.events]),
      [
        ['1', 'Alice', 2, 1, 1],
        ['2', 'Bob', 1, 2, 0],
        ['3', 'user 3', 0, 0, 2],
      ],
    );
    assert.deepEqual(report.skippedOwnerless, { tasks: 0, notes: 0, events: 0 });
    assert.deepEqual(fs.readFileSync(file), before, 'the legacy file is only read');

    const e = await openEnclave({ dataDir, secrets: keychain.store });
    try {
      const profiles = await call<ProfileSummary[]>(e, 1, 'listProfiles');
      assert.deepEqual(profiles.map((p) => [p.name, p.hasPassword]).sort(), [['Alice', false], ['Bob', false], ['user 3', false]]);
      const byName = new Map(profiles.map((p) => [p.name, p.id]));
      await call(e, 1, 'unlockProfile', { profileId: byName.get('Alice') });
      await call(e, 2, 'unlockProfile', { profileId: byName.get('Bob') });
      await call(e, 3, 'unlockProfile', { profileId: byName.get('user 3') });

      for (const [w, counts] of [[1, [2, 1, 1]], [2, [1, 2, 0]], [3, [0, 0, 2]]] as const) {
        const o = await call<ProfileOverview>(e, w, 'profileOverview');
        assert.deepEqual([o.counts.tasks, o.counts.notes, o.counts.events], counts);
      }
      const tasks = (await call<Page<Task>>(e, 1, 'listTasks', { sort: 'manual' })).items;
      const createdAt = tasks.find((t) => t.title === 'alice waters plants')?.createdAt ?? '';
      assert.deepEqual(
        tasks.map((t) => [t.title, t.details, t.status, t.priority, t.due, t.title === 'alice waters plants' ? null : t.createdAt.slice(0, 10)]),
        [
          ['alice pays rent', 'by transfer', 'todo', 'high', '2030-02-01', '2020-05-01'],
          ['alice waters plants', '', 'done', 'none', null, null],
        ],
      );
      // A legacy row without created_at is stamped with the time of the migration.
      assert.ok(createdAt >= startedAt && createdAt <= endedAt, `${createdAt} within ${startedAt} … ${endedAt}`);
      assert.equal((await call<Page<Task>>(e, 2, 'listTasks', {})).items[0]!.due, '2030-03-01T08:00:00.000Z');
      const notes = (await call<Page<NoteSummary>>(e, 1, 'listNotes', {})).items;
      assert.deepEqual(notes.map((n) => [n.title, n.pinned]), [['alice diary', true]]);
      assert.equal((await call<Note>(e, 1, 'getNote', { id: notes[0]!.id })).body, 'zebracorn secret of alice');
      const events = (await call<Page<CalendarEvent>>(e, 3, 'listEvents', {})).items;
      assert.deepEqual(
        events.map((ev) => [ev.title, ev.allDay, ev.start, ev.end]),
        [
          // All-day events are their dates, first and last day inclusive.
          ['carol holiday', true, '2030-07-01', '2030-07-14'],
          ['carol call', false, '2030-07-20T08:00:00.000Z', '2030-07-20T08:30:00.000Z'],
        ],
      );
      // Full-text search works (the app's own triggers indexed the rows) and sees only its own profile.
      assert.equal((await call<SearchHit[]>(e, 1, 'search', { query: 'zebracorn' })).length, 1);
      for (const w of [2, 3]) assert.deepEqual(await call<SearchHit[]>(e, w, 'search', { query: 'zebracorn' }), []);
      assert.deepEqual(await call<SearchHit[]>(e, 1, 'search', { query: 'pancakes' }), []);
      const activity = await call<AuditLogPage>(e, 1, 'auditLog', { limit: 10 });
      assert.ok(activity.entries.some((a) => a.event === 'legacy data migrated' && a.detail === '2 tasks, 1 notes, 1 events'));
    } finally {
      await e.close();
    }
  });

  test('a second run finds the names taken and adds a suffix', async () => {
    const r = await cli(dataDir, 'migrate-legacy', file, '--time-zone', 'UTC');
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /^USER ID\s+PROFILE\s+TASKS\s+NOTES\s+EVENTS\n1\s+Alice \(2\)\s+2\s+1\s+1\n2\s+Bob \(2\)\s+1\s+2\s+0\n3\s+user 3 \(2\)\s+0\s+0\s+2\n/);
    assert.match(r.stdout, /enclave profile passwd/);
    const list = await cli(dataDir, 'profile', 'list', '--json');
    assert.equal((JSON.parse(list.stdout) as ProfileSummary[]).length, 6);
  });
});

describe('enclave migrate-legacy refuses, and changes nothing', () => {
  const files = temp.make();

  /** Runs against a fresh data dir and checks that no profile, file or keychain entry appeared. */
  async function refused(file: string, code: string, ...flags: string[]) {
    const dataDir = temp.make();
    const accounts = await keychain.accounts();
    const r = await cli(dataDir, 'migrate-legacy', file, ...flags);
    assert.equal(r.code, 1, r.stdout + r.stderr);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, new RegExp(`^error: ${code}: `));
    assert.deepEqual(fs.existsSync(profilesRoot(dataDir)) ? listTree(profilesRoot(dataDir)) : [], []);
    assert.deepEqual(await keychain.accounts(), accounts);
    const list = await cli(dataDir, 'profile', 'list', '--json');
    assert.deepEqual(JSON.parse(list.stdout), []);
    return r.stderr;
  }

  test('rows without an owner, with counts per table', async () => {
    const dir = temp.make();
    const file = legacyFile(dir, `INSERT INTO tasks VALUES (9, NULL, 'orphan', NULL, 0, NULL, NULL, NULL);
      INSERT INTO notes VALUES (9, NULL, 'orphan', 'x', 0); INSERT INTO notes VALUES (10, NULL, 'orphan 2', 'x', 0);`);
    const stderr = await refused(file, 'LEGACY_OWNERLESS_ROWS');
    assert.match(stderr, /3 rows have no user_id \(tasks 1, notes 2\)/);
  });

  test('a blank user_id counts as no owner; --skip-ownerless leaves those rows out and reports them', async () => {
    const dir = temp.make();
    const file = legacyFile(dir, `INSERT INTO events VALUES (9, '  ', 'orphan', '2030-01-01T00:00:00Z', '2030-01-01T01:00:00Z', 0, NULL);`);
    await refused(file, 'LEGACY_OWNERLESS_ROWS');
    const dataDir = temp.make();
    const r = await cli(dataDir, 'migrate-legacy', file, '--skip-ownerless', '--json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as LegacyMigrationReport;
    assert.deepEqual(report.skippedOwnerless, { tasks: 0, notes: 0, events: 1 });
    assert.equal(report.users.length, 3);
  });

  test('a missing table', async () => {
    const file = path.join(files, 'no-events.db');
    const db = new Database(file);
    db.exec(LEGACY_SCHEMA.replace(/CREATE TABLE events[^;]*;/, ''));
    db.close();
    assert.match(await refused(file, 'LEGACY_SCHEMA'), /missing table: events/);
  });

  test('a missing user_id column', async () => {
    const file = path.join(files, 'no-owner-column.db');
    const db = new Database(file);
    db.exec(LEGACY_SCHEMA.replace('notes (id INTEGER PRIMARY KEY, user_id INTEGER,', 'notes (id INTEGER PRIMARY KEY,'));
    db.close();
    assert.match(await refused(file, 'LEGACY_SCHEMA'), /missing column: notes\.user_id/);
  });

  test('a file that is not SQLite, and one that does not exist', async () => {
    const file = path.join(files, 'not-sqlite.db');
    fs.writeFileSync(file, 'id,user_id,title\n1,1,hello\n'.repeat(100));
    assert.match(await refused(file, 'INVALID_INPUT'), /not an SQLite database/);
    await refused(path.join(files, 'missing.db'), 'NOT_FOUND');
  });

  test('a row the app would not accept names the row', async () => {
    const dir = temp.make();
    const file = legacyFile(dir, `INSERT INTO tasks VALUES (77, 2, '   ', NULL, 0, NULL, NULL, NULL);`);
    assert.match(await refused(file, 'INVALID_INPUT'), /tasks row 77: title: Title is required/);
  });

  test('a failure half-way removes the profiles made before it', async () => {
    const dir = temp.make();
    // The third user's event is a date without all_day: only the repository catches it, after two profiles exist.
    const file = legacyFile(dir, `INSERT INTO events VALUES (9, 3, 'bad', '2030-01-01', '2030-01-02', 0, NULL);`);
    const stderr = await refused(file, 'INVALID_INPUT');
    assert.match(stderr, /user 3: .*all-day/);
  });

  /** A legacy file whose user_id columns have no type, so every value keeps the type it was written with. */
  function untypedFile(name: string, owners: string[], users = '') {
    const file = path.join(files, `${name}.db`);
    const db = new Database(file);
    db.exec(`
      CREATE TABLE tasks (id INTEGER PRIMARY KEY, user_id, title TEXT);
      CREATE TABLE notes (id INTEGER PRIMARY KEY, user_id, title TEXT, body TEXT);
      CREATE TABLE events (id INTEGER PRIMARY KEY, user_id, title TEXT, starts_at TEXT, ends_at TEXT);
      ${users}
    `);
    owners.forEach((owner, i) => db.exec(`INSERT INTO ${['tasks', 'notes', 'tasks'][i % 3]} (user_id, title) VALUES (${owner}, 'private of ${i}')`));
    db.close();
    return file;
  }

  test('ids that would be one person after a cast, trim, case or notation are refused, naming them', async () => {
    const variants: [string, string[]][] = [
      ['int-text-spaced', ['7', "'7'", "' 7'"]],
      ['int-text', ['7', "'7'"]],
      ['text-spaced', ["'7'", "'7 '"]],
      ['int-real', ['7', '7.0']],
      ['leading-zero', ['7', "'007'"]],
      ['case', ["'ada'", "'ADA'"]],
      ['width', ["'ada'", "'ａｄａ'"]],
    ];
    for (const [name, owners] of variants) {
      const stderr = await refused(untypedFile(name, owners), 'LEGACY_ID_COLLISION');
      for (const owner of owners) assert.ok(stderr.includes(owner), `${name}: names ${owner} in ${stderr}`);
    }
  });

  test('an id repeated in users is refused (it would give one owner two names)', async () => {
    const users = `CREATE TABLE users (id, name); INSERT INTO users VALUES (1, 'Alice'), (1, 'Mallory');`;
    assert.match(await refused(untypedFile('users-twice', ['1', '2'], users), 'LEGACY_ID_COLLISION'), /users\.id 1 appears 2 times/);
    const spaced = `CREATE TABLE users (id, name); INSERT INTO users VALUES (1, 'Alice'), (' 1', 'Mallory');`;
    await refused(untypedFile('users-spaced', ['1'], spaced), 'LEGACY_ID_COLLISION');
  });

  test('distinct exact ids stay apart: each owner gets only their own rows', async () => {
    const dataDir = temp.make();
    const file = untypedFile('distinct', ["'7'", "'8'", '9'], `CREATE TABLE users (id INTEGER PRIMARY KEY, name TEXT); INSERT INTO users VALUES (7, 'Seven');`);
    const r = await cli(dataDir, 'migrate-legacy', file, '--json');
    assert.equal(r.code, 0, r.stderr);
    const report = JSON.parse(r.stdout) as LegacyMigrationReport;
    assert.deepEqual(report.users.map((u) => u.userId), ['7', '8', '9']);
    assert.equal(report.users[0]!.profile, 'Seven', 'users.id 7 names the owner stored as text 7');
  });

  test('a file inside the data folder', async () => {
    const dataDir = temp.make();
    const inside = legacyFile(dataDir);
    const r = await cli(dataDir, 'migrate-legacy', inside);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: PERMISSION_DENIED: /);
  });
});
