// Tasks, notes, events and search through the real router, sessions and workers:
// validation at the bridge, change events per profile, conflicts between windows.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventName, EventPayload } from '../../../../shared/contract.js';
import type { CalendarEvent } from '../../../../shared/events/events.js';
import type { Note } from '../../../../shared/notes/notes.js';
import type { ProfileOverview, ProfileSummary } from '../../../../shared/profiles/profiles.js';
import type { SearchHit } from '../../../../shared/search/search.js';
import type { Page, Task } from '../../../../shared/tasks/tasks.js';
import { openEnclave, type Enclave, type EventSink } from '../../enclave.js';
import { expectError, expectOk } from '../../testing/results.js';
import { makeTempDir, removeTempDir } from '../../testing/temp-dir.js';
import { testKeychain } from '../../testing/test-keychain.js';

const keychain = testKeychain('data-handlers');
const dataDir = makeTempDir();
const pushed: { windowId: number; event: EventName; payload: EventPayload<EventName> }[] = [];
const sink: EventSink = (windowId, event, payload) => void pushed.push({ windowId, event, payload });
const drain = () => pushed.splice(0).map((p) => [p.windowId, p.event, p.payload] as const);

const W_A = 1;
const W_A2 = 2;
const W_B = 3;
let enclave: Enclave;
let profileA = '';

const call = <T>(windowId: number, channel: string, input?: unknown) =>
  enclave.handle(windowId, channel, input).then((r) => expectOk<T>(r, channel));
const counts = async (windowId: number) => (await call<ProfileOverview>(windowId, 'profileOverview')).counts;

before(async () => {
  enclave = await openEnclave({ dataDir, secrets: keychain.store, events: sink });
  profileA = (await call<ProfileSummary>(W_A, 'createProfile', { name: 'Ann' })).id;
  const b = await call<ProfileSummary>(W_B, 'createProfile', { name: 'Ben' });
  await call(W_A, 'unlockProfile', { profileId: profileA });
  await call(W_A2, 'unlockProfile', { profileId: profileA });
  await call(W_B, 'unlockProfile', { profileId: b.id });
  drain();
});

after(async () => {
  await enclave.close();
  await keychain.clear();
  removeTempDir(dataDir);
});

describe('invalid input', () => {
  const event = { title: 'E', start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z', timeZone: 'Europe/Berlin' };
  const cases: [string, string, unknown, string][] = [
    ['missing title', 'createTask', {}, 'title'],
    ['blank title', 'createTask', { title: '   ' }, 'title'],
    ['title over 500 characters', 'createTask', { title: 'x'.repeat(501) }, 'title'],
    ['unknown status', 'createTask', { title: 'x', status: 'later' }, 'status'],
    ['unknown priority', 'createTask', { title: 'x', priority: 'urgent' }, 'priority'],
    ['bad due date', 'createTask', { title: 'x', due: '2030-02-30' }, 'due'],
    ['due time without offset', 'createTask', { title: 'x', due: '2030-02-01T10:00' }, 'due'],
    ['highlight marker in a title', 'createTask', { title: 'a\u0002b' }, 'title'],
    ['too many tags', 'createTask', { title: 'x', tags: Array.from({ length: 33 }, (_, i) => `t${i}`) }, 'tags'],
    ['an extra profileId', 'createTask', { title: 'x', profileId: '9d4c3f5e-1c1d-4c4e-8f57-7e0b0c1a2b3c' }, ''],
    ['update with nothing to change', 'updateTask', { id: '01890a5d-ac96-774b-bcce-b302099a8057', version: 1 }, ''],
    ['a v4 id', 'getTask', { id: '9d4c3f5e-1c1d-4c4e-8f57-7e0b0c1a2b3c' }, 'id'],
    ['page size over 500', 'listTasks', { limit: 501 }, 'limit'],
    ['due filter without a clock', 'listTasks', { due: 'today' }, 'now'],
    ['unknown zone', 'listTasks', { due: 'today', now: '2030-01-01T00:00:00Z', timeZone: 'Mars/Olympus' }, 'timeZone'],
    ['body over 1 MiB', 'createNote', { body: 'é'.repeat(524_289) }, 'body'],
    ['end before start', 'createEvent', { ...event, end: '2030-01-01T09:59:59Z' }, 'end'],
    ['start without offset', 'createEvent', { ...event, start: '2030-01-01T10:00:00' }, 'start'],
    ['a date on a timed event', 'createEvent', { ...event, start: '2030-01-01' }, 'start'],
    ['unknown zone on an event', 'createEvent', { ...event, timeZone: 'Berlin' }, 'timeZone'],
    ['query over 500 characters', 'search', { query: 'q'.repeat(501) }, 'query'],
  ];
  for (const [what, channel, input, field] of cases) {
    test(`${what}: INVALID_INPUT${field ? ` naming ${field}` : ''}, and nothing changes`, async () => {
      const before = await counts(W_A);
      const error = expectError(await enclave.handle(W_A, channel, input), 'INVALID_INPUT', what);
      if (field) assert.equal(error.field, field, error.message);
      assert.deepEqual(await counts(W_A), before);
      assert.deepEqual(drain(), []);
    });
  }
});

describe('change events', () => {
  test("reach every window of the profile that changed, and no other profile's window", async () => {
    const task = await call<Task>(W_A, 'createTask', { title: 'Shared task' });
    assert.deepEqual(
      drain().sort((x, y) => x[0] - y[0]),
      [
        [W_A, 'tasksChanged', { ids: [task.id] }],
        [W_A2, 'tasksChanged', { ids: [task.id] }],
      ],
    );
    const note = await call<Note>(W_A2, 'createNote', { title: 'Shared note' });
    const event = await call<CalendarEvent>(W_A, 'createEvent', {
      title: 'Shared event',
      start: '2030-01-01T10:00:00Z',
      end: '2030-01-01T11:00:00Z',
      timeZone: 'UTC',
    });
    await call(W_A, 'deleteNote', { id: note.id });
    await call(W_A, 'purgeTrash', { items: [{ kind: 'note', id: note.id }] });
    const got = drain();
    assert.ok(got.every(([w]) => w === W_A || w === W_A2), JSON.stringify(got));
    assert.deepEqual(
      got.filter(([w]) => w === W_A2).map(([, e, p]) => [e, p]),
      [
        ['notesChanged', { ids: [note.id] }],
        ['eventsChanged', { ids: [event.id] }],
        ['notesChanged', { ids: [note.id] }],
        ['notesChanged', { ids: [note.id] }],
      ],
    );
    await call(W_B, 'createTask', { title: "Ben's task" });
    assert.deepEqual(drain(), [[W_B, 'tasksChanged', { ids: [(await call<Page<Task>>(W_B, 'listTasks', {})).items[0]!.id] }]]);
  });

  test('reads push nothing', async () => {
    await call(W_A, 'listTasks', {});
    await call(W_A, 'search', { query: 'shared' });
    await call(W_A, 'listTrash', {});
    assert.deepEqual(drain(), []);
  });
});

describe('two windows editing one task', () => {
  test('the edit based on a stale version is a CONFLICT and changes nothing', async () => {
    const task = await call<Task>(W_A, 'createTask', { title: 'Draft' });
    const seenByA2 = await call<Task>(W_A2, 'getTask', { id: task.id });
    const saved = await call<Task>(W_A, 'updateTask', { id: task.id, version: task.version, title: 'From A' });
    drain();
    const error = expectError(
      await enclave.handle(W_A2, 'updateTask', { id: task.id, version: seenByA2.version, title: 'From A2' }),
      'CONFLICT',
    );
    assert.match(error.message, /version 2/);
    assert.deepEqual(await call<Task>(W_A2, 'getTask', { id: task.id }), saved);
    assert.deepEqual(drain(), []);
  });
});

describe('isolation', () => {
  test("profile B's search, get and trash never see A's items", async () => {
    const note = await call<Note>(W_A, 'createNote', { title: 'Ann diary', body: 'marmalade-secret-4711' });
    const task = await call<Task>(W_A, 'createTask', { title: 'marmalade task' });
    assert.equal((await call<SearchHit[]>(W_A, 'search', { query: 'marmalade' })).length, 2);
    assert.deepEqual(await call<SearchHit[]>(W_B, 'search', { query: 'marmalade' }), []);
    expectError(await enclave.handle(W_B, 'getNote', { id: note.id }), 'NOT_FOUND');
    expectError(await enclave.handle(W_B, 'updateTask', { id: task.id, version: 1, title: 'hijack' }), 'NOT_FOUND');
    expectError(await enclave.handle(W_B, 'deleteTask', { id: task.id }), 'NOT_FOUND');
    await call(W_A, 'deleteTask', { id: task.id });
    assert.deepEqual((await call<Page<unknown>>(W_B, 'listTrash', {})).items, []);
    assert.deepEqual(await call(W_B, 'purgeTrash', { items: [{ kind: 'task', id: task.id }] }), { purged: 0 });
    assert.equal((await call<Task>(W_A, 'restoreTask', { id: task.id })).title, 'marmalade task');
  });
});
