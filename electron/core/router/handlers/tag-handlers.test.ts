// listTags and renameTag through the real router and host: validation at the bridge, the
// profile's own tags only, and change events for the items a rename rewrote.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { EventName, EventPayload } from '../../../../shared/contract.js';
import type { Note } from '../../../../shared/notes/notes.js';
import type { TagCount, TagRenamed } from '../../../../shared/tags/tags.js';
import type { Task } from '../../../../shared/tasks/tasks.js';
import type { Enclave, EventSink } from '../../enclave.js';
import { enclaveFixture } from '../../testing/enclave-fixture.js';
import { expectError, expectOk } from '../../testing/results.js';
import { openUnlocked } from '../../testing/unlocked-enclave.js';

const fixture = enclaveFixture('tag-handlers');
const pushed: [number, EventName, EventPayload<EventName>][] = [];
const sink: EventSink = (windowId, event, payload) => void pushed.push([windowId, event, payload]);

const W_A = 1;
const W_A2 = 2;
const W_B = 3;
let enclave: Enclave;

const call = <T>(windowId: number, channel: string, input?: unknown) =>
  enclave.handle(windowId, channel, input).then((r) => expectOk<T>(r, channel));

before(async () => {
  ({ enclave } = await openUnlocked(fixture, [[W_A, 'Ann'], [W_A2, 'Ann'], [W_B, 'Ben']], { events: sink }));
});

describe('tags', () => {
  test('listTags: this profile’s tags only, with counts', async () => {
    await call<Task>(W_A, 'createTask', { title: 'a', tags: ['work', 'home'] });
    await call<Note>(W_A, 'createNote', { title: 'n', body: '', tags: ['work'] });
    await call<Task>(W_B, 'createTask', { title: 'b', tags: ['secret'] });
    assert.deepEqual(await call<TagCount[]>(W_A, 'listTags'), [
      { tag: 'home', tasks: 1, notes: 0 },
      { tag: 'work', tasks: 1, notes: 1 },
    ]);
    assert.deepEqual(await call<TagCount[]>(W_B, 'listTags'), [{ tag: 'secret', tasks: 1, notes: 0 }]);
  });

  test('renameTag: every window of the profile hears which items changed, the other profile nothing', async () => {
    pushed.length = 0;
    const changed = await call<TagRenamed>(W_A, 'renameTag', { from: 'work', to: 'job' });
    assert.equal(changed.tasks.length, 1);
    assert.equal(changed.notes.length, 1);
    const windows = (event: EventName) => pushed.filter(([, e]) => e === event).map(([w]) => w).sort();
    assert.deepEqual(windows('tasksChanged'), [W_A, W_A2]);
    assert.deepEqual(windows('notesChanged'), [W_A, W_A2]);
    assert.deepEqual(pushed.find(([, e]) => e === 'tasksChanged')?.[2], { ids: changed.tasks });
    assert.deepEqual(await call<TagCount[]>(W_B, 'listTags'), [{ tag: 'secret', tasks: 1, notes: 0 }]);
    expectError(await enclave.handle(W_B, 'renameTag', { from: 'job', to: 'x' }), 'NOT_FOUND');
  });

  test('invalid input is refused at the bridge', async () => {
    for (const input of [{ from: 'a', to: 'a' }, { from: '', to: 'b' }, { from: 'a' }, { from: 'a', to: 'x'.repeat(65) }, { from: 'a', to: 'b', extra: 1 }]) {
      expectError(await enclave.handle(W_A, 'renameTag', input), 'INVALID_INPUT', JSON.stringify(input));
    }
    expectError(await enclave.handle(W_A, 'listTags', { all: true }), 'INVALID_INPUT');
  });

  test('a locked window gets LOCKED', async () => {
    expectError(await enclave.handle(99, 'listTags', undefined), 'LOCKED');
  });
});
