// Strings that are dangerous elsewhere (SQL, paths, HTML, NUL, bidi controls) are
// stored and read back as plain text, byte for byte, through every way the app reads
// them; and the databases still have every table afterwards.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { ImportOutcome, QueryResultInfo, TableInfo } from '../../shared/analysis/analytics.js';
import type { CalendarEvent } from '../../shared/events/events.js';
import { NOTE_EXCERPT_CHARS, type Note, type NoteSummary } from '../../shared/notes/notes.js';
import { HIGHLIGHT_END, HIGHLIGHT_START, type SearchHit } from '../../shared/search/search.js';
import type { Page, Task } from '../../shared/tasks/tasks.js';
import { pageRows, type WirePage } from '../../shared/wire.js';
import type { Enclave } from './enclave.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from './paths.js';
import { duckdbDump, sqliteDump } from './testing/db-checksum.js';
import { expectError, expectOk } from './testing/results.js';
import { enclaveFixture } from './testing/enclave-fixture.js';
import { openUnlocked } from './testing/unlocked-enclave.js';
import { readToken } from './testing/file-tokens.js';

const HOSTILE = {
  sql: "'); DROP TABLE tasks; --",
  path: '../../etc/passwd',
  html: '<script>window.__pwned=1</script><img src=x onerror="window.__pwned=1">',
  rtl: '\u202Eevil\u202C',
} as const;
type HostileKind = keyof typeof HOSTILE;
const KINDS = Object.keys(HOSTILE) as HostileKind[];
/** A word only the item made for that kind has, to find it by search. */
const marker = (kind: HostileKind) => `hostilemarker${kind}`;
/** The body each note is made with, and the excerpt a list must show of it: its first characters, unaltered. */
const noteBody = (kind: HostileKind) => `# ${HOSTILE[kind]}\n\n${marker(kind)} ${HOSTILE[kind]}\n`;
const expectedExcerpt = (kind: HostileKind) => noteBody(kind).slice(0, NOTE_EXCERPT_CHARS);

const fixture = enclaveFixture('hostile-strings');
const filesDir = fixture.tempDir();
let dataDir = '';
const W = 1;
let enclave: Enclave;
let profileId = '';

const call = async <T>(channel: string, input?: unknown): Promise<T> => expectOk<T>(await enclave.handle(W, channel, input), channel);
const plain = (highlighted: string) => highlighted.replaceAll(HIGHLIGHT_START, '').replaceAll(HIGHLIGHT_END, '');

const tasks = new Map<HostileKind, Task>();
const notes = new Map<HostileKind, Note>();
const events = new Map<HostileKind, CalendarEvent>();

before(async () => {
  const opened = await openUnlocked(fixture, [[W, 'Hostile']]);
  ({ enclave, dataDir } = opened);
  profileId = opened.profiles.Hostile.id;
});

describe('tasks, notes and events keep hostile text as plain text', () => {
  test('they are created with the text as given', async () => {
    for (const kind of KINDS) {
      const s = HOSTILE[kind];
      const tag = s.length <= 64 ? [s] : [];
      const task = await call<Task>('createTask', { title: s, details: `${s}\n${marker(kind)}\n${s}`, tags: tag });
      assert.equal(task.title, s);
      assert.deepEqual(task.tags, tag);
      tasks.set(kind, task);
      const note = await call<Note>('createNote', { title: s, body: noteBody(kind), tags: tag });
      assert.equal(note.title, s);
      notes.set(kind, note);
      const event = await call<CalendarEvent>('createEvent', {
        title: s,
        start: '2030-01-01T10:00:00Z',
        end: '2030-01-01T11:00:00Z',
        timeZone: 'UTC',
        location: s,
        description: `${s} ${marker(kind)}`,
      });
      assert.equal(event.location, s);
      events.set(kind, event);
    }
  });

  test('get returns every field byte for byte', async () => {
    for (const kind of KINDS) {
      const s = HOSTILE[kind];
      const task = await call<Task>('getTask', { id: tasks.get(kind)!.id });
      assert.equal(task.title, s);
      assert.equal(task.details, `${s}\n${marker(kind)}\n${s}`);
      assert.deepEqual(task, tasks.get(kind));
      const note = await call<Note>('getNote', { id: notes.get(kind)!.id });
      assert.equal(note.body, `# ${s}\n\n${marker(kind)} ${s}\n`);
      assert.deepEqual(note, notes.get(kind));
      const event = await call<CalendarEvent>('getEvent', { id: events.get(kind)!.id });
      assert.equal(event.title, s);
      assert.equal(event.description, `${s} ${marker(kind)}`);
      assert.deepEqual(event, events.get(kind));
    }
  });

  test('lists return the same text', async () => {
    const taskPage = await call<Page<Task>>('listTasks', {});
    const notePage = await call<Page<NoteSummary>>('listNotes', {});
    const eventPage = await call<Page<CalendarEvent>>('listEvents', {});
    for (const kind of KINDS) {
      const s = HOSTILE[kind];
      assert.deepEqual(taskPage.items.find((t) => t.id === tasks.get(kind)!.id), tasks.get(kind));
      const summary = notePage.items.find((n) => n.id === notes.get(kind)!.id);
      assert.ok(summary, kind);
      assert.equal(summary.title, s);
      assert.equal(summary.excerpt, expectedExcerpt(kind), kind);
      assert.deepEqual(eventPage.items.find((e) => e.id === events.get(kind)!.id), events.get(kind));
    }
    // Tag filters take the hostile text as a value, not as SQL.
    const byTag = await call<Page<Task>>('listTasks', { tag: HOSTILE.sql });
    assert.deepEqual(byTag.items.map((t) => t.id), [tasks.get('sql')!.id]);
  });

  test('search finds them and returns the titles unchanged (highlights aside)', async () => {
    for (const kind of KINDS) {
      const hits = await call<SearchHit[]>('search', { query: marker(kind) });
      assert.deepEqual(
        hits.map((h) => [h.kind, h.id, plain(h.title)]).sort(),
        [
          ['event', events.get(kind)!.id, HOSTILE[kind]],
          ['note', notes.get(kind)!.id, HOSTILE[kind]],
          ['task', tasks.get(kind)!.id, HOSTILE[kind]],
        ].sort(),
      );
      for (const hit of hits) assert.ok(plain(hit.snippet).includes(marker(kind)), hit.snippet);
    }
  });

  test('the hostile text itself is a search query like any other', async () => {
    for (const kind of KINDS) {
      const hits = await call<SearchHit[]>('search', { query: HOSTILE[kind] });
      const ids = new Set(hits.map((h) => h.id));
      // The bidi marks are no word characters: '\u202Eevil\u202C' is the word "evil", in no title.
      if (kind !== 'rtl') {
        for (const item of [tasks.get(kind)!, notes.get(kind)!, events.get(kind)!]) assert.ok(ids.has(item.id), `${kind}: ${item.id}`);
      }
    }
    for (const query of ['"', '"unbalanced', 'a OR', 'NEAR(', '*', 'title:x', '-x', '^x', "'", '\\', '%', '_']) {
      await call<SearchHit[]>('search', { query });
    }
  });

  test('NUL is refused with INVALID_INPUT naming the field, in one-line and multi-line fields alike', async () => {
    const nul = 'before\u0000after';
    const cases: [string, unknown, string][] = [
      ['createTask', { title: nul }, 'title'],
      ['createTask', { title: 'ok', details: nul }, 'details'],
      ['createTask', { title: 'ok', tags: [nul] }, 'tags.0'],
      ['createNote', { title: nul }, 'title'],
      ['createNote', { body: nul }, 'body'],
      ['createEvent', { title: 'ok', start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z', timeZone: 'UTC', description: nul }, 'description'],
    ];
    const counts = await call<unknown>('profileOverview');
    for (const [channel, input, field] of cases) {
      const error = expectError(await enclave.handle(W, channel, input), 'INVALID_INPUT', `${channel} ${field}`);
      assert.equal(error.field, field, error.message);
    }
    assert.deepEqual(await call<unknown>('profileOverview'), counts);
    // A search query is stored nowhere, so NUL is allowed there: it simply matches nothing.
    assert.deepEqual(await call<SearchHit[]>('search', { query: nul }), []);
  });
});

describe('analytics keeps hostile text as values', () => {
  const csvCell = (s: string) => `"${s.replaceAll('"', '""')}"`;

  test('an imported file with hostile cells reads back byte for byte', async () => {
    const file = path.join(filesDir, 'hostile.csv');
    fs.writeFileSync(file, `k,s\n${KINDS.map((k, i) => `${i},${csvCell(HOSTILE[k])}`).join('\n')}\n`);
    const outcome = await call<ImportOutcome>('startImport', { file: readToken(enclave, file), table: 'hostile', options: { csv: { allVarchar: true } } });
    assert.equal(outcome.status, 'imported');
    const result = await call<QueryResultInfo>('runQuery', { sql: 'SELECT s FROM hostile ORDER BY k::INTEGER' });
    assert.deepEqual(pageRows(result.firstPage), KINDS.map((k) => [HOSTILE[k]]));
    const page = await call<WirePage>('fetchRows', { resultId: result.resultId, offset: 0, limit: 10 });
    assert.deepEqual(pageRows(page), KINDS.map((k) => [HOSTILE[k]]));
  });

  test('a hostile table name becomes a plain identifier; hostile names elsewhere find nothing', async () => {
    const file = path.join(filesDir, 'plain.csv');
    fs.writeFileSync(file, 'v\n1\n2\n');
    const name = `x"; DROP TABLE hostile; --`;
    const outcome = await call<ImportOutcome>('startImport', { file: readToken(enclave, file), table: name });
    // Import names the table with the word characters of what it was given.
    assert.ok(outcome.status === 'imported', JSON.stringify(outcome));
    assert.equal(outcome.table, 'x_DROP_TABLE_hostile');
    const tables = (await call<TableInfo[]>('listTables')).map((t) => t.name).sort();
    assert.deepEqual(tables, ['hostile', 'x_DROP_TABLE_hostile']);
    expectError(await enclave.handle(W, 'profileColumn', { table: `hostile"; DROP TABLE hostile; --`, column: 's' }), 'NOT_FOUND');
    expectError(await enclave.handle(W, 'profileColumn', { table: 'hostile', column: `s"; DROP TABLE hostile; --` }), 'NOT_FOUND');
    assert.equal((await call<QueryResultInfo>('runQuery', { sql: 'SELECT count(*) AS n FROM hostile' })).firstPage.columns[0]?.[0], '4');
  });

  test('a query returning hostile literals returns them as text', async () => {
    const img = '<img src=x onerror=window.__pwned=1>';
    const result = await call<QueryResultInfo>('runQuery', {
      sql: `SELECT '${img}' AS s, '${HOSTILE.sql.replaceAll("'", "''")}' AS q, '${HOSTILE.rtl}' AS r, 'a' || chr(0) || 'b' AS nul`,
    });
    const [row] = pageRows(result.firstPage);
    assert.deepEqual(row?.slice(0, 3), [img, HOSTILE.sql, HOSTILE.rtl]);
    // DuckDB keeps NUL inside a VARCHAR; it must come back as that one character, not cut the string.
    assert.equal(row?.[3], 'a\u0000b');
  });
});

test('every table is still there, and the hostile rows are stored as given', async () => {
  await enclave.close();
  const dir = profileDir(dataDir, profileId);
  const sqliteTables = sqliteDump(path.join(dir, SQLITE_FILE)).map((t) => t.split(' ', 1)[0]);
  for (const table of ['tasks', 'notes', 'events', 'task_tags', 'tasks_fts', 'notes_fts', 'events_fts']) {
    assert.ok(sqliteTables.includes(table), `${table} in ${sqliteTables.join(', ')}`);
  }
  const [tasksDump] = sqliteDump(path.join(dir, SQLITE_FILE), ['tasks']);
  assert.match(tasksDump ?? '', /^tasks 4\n/);
  const duck = (await duckdbDump(path.join(dir, DUCKDB_FILE))).map((t) => t.split('\n', 1)[0]);
  assert.ok(duck.includes('"main"."hostile" 4'), duck.join(', '));
});
