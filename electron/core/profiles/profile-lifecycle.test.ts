// Renaming, changing passwords and deleting profiles: real registry, real keychain,
// real databases in temporary directories.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { EventName } from '../../../shared/contract.js';
import type { SessionInfo } from '../../../shared/profiles/profiles.js';
import type { EventSink } from '../enclave.js';
import { Registry } from '../registry/registry.js';
import { auditEvents } from '../testing/audit-events.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { createProfile as create, listProfiles as list, unlockProfile as unlock } from '../testing/profile-calls.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';
import { listTree, listTreeStable, removeTempDir } from '../testing/temp-dir.js';

const fixture = enclaveFixture('lifecycle');
const { keychain } = fixture;

type Pushed = [windowId: number, event: EventName, payload: unknown];

async function setup(dataDir = fixture.tempDir()) {
  const clock = new ManualClock();
  const pushed: Pushed[] = [];
  const events: EventSink = (windowId, event, payload) => void pushed.push([windowId, event, payload]);
  const enclave = await fixture.open({ dataDir, secrets: keychain.store, clock, events });
  return { dataDir, clock, enclave, pushed };
}

const PASSWORD = 'correct horse battery';
const NEW_PASSWORD = 'staple battery horse';


describe('renaming', () => {
  test('renames the unlocked profile; the name stays unique ignoring case', async () => {
    const { enclave, dataDir } = await setup();
    const alice = await create(enclave, { name: 'Alice' });
    await create(enclave, { name: 'Bob' });
    expectError(await enclave.handle(1, 'renameProfile', { name: 'Carol' }), 'LOCKED');

    expectOk(await unlock(enclave, alice.id));
    expectError(await enclave.handle(1, 'renameProfile', { name: 'bOB' }), 'ALREADY_EXISTS');
    expectError(await enclave.handle(1, 'renameProfile', { name: ' ' }), 'INVALID_INPUT');
    assert.deepEqual((await list(enclave)).map((p) => p.name).sort(), ['Alice', 'Bob']);

    const info = expectOk<SessionInfo>(await enclave.handle(1, 'renameProfile', { name: '  Alicia ' }));
    assert.equal(info.name, 'Alicia');
    // A change of case only is the same profile, so no clash with itself.
    assert.equal(expectOk<SessionInfo>(await enclave.handle(1, 'renameProfile', { name: 'ALICIA' })).name, 'ALICIA');
    assert.deepEqual((await list(enclave)).map((p) => p.name).sort(), ['ALICIA', 'Bob']);
    expectError(await enclave.handle(2, 'createProfile', { name: 'alicia' }), 'ALREADY_EXISTS');
    await enclave.close();
    assert.equal(auditEvents(dataDir, alice.id).filter((e) => e === 'profile renamed').length, 2);
  });
});

describe('changing the password', () => {
  test('change: the old password stops working at once, the data stays', async () => {
    const { enclave, dataDir } = await setup();
    const p = await create(enclave, { name: 'Guarded', password: PASSWORD });
    expectOk(await unlock(enclave, p.id, PASSWORD));
    expectOk(await enclave.handle(1, 'createTask', { title: 'kept across the change' }));

    expectError(await enclave.handle(1, 'changePassword', { newPassword: NEW_PASSWORD }), 'AUTH_FAILED');
    expectError(
      await enclave.handle(1, 'changePassword', { currentPassword: 'not the password', newPassword: NEW_PASSWORD }),
      'AUTH_FAILED',
    );
    expectError(await unlock(enclave, p.id, NEW_PASSWORD, 2), 'AUTH_FAILED');

    const info = expectOk<SessionInfo>(
      await enclave.handle(1, 'changePassword', { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    );
    assert.equal(info.hasPassword, true);
    expectError(await unlock(enclave, p.id, PASSWORD, 2), 'AUTH_FAILED');
    expectOk(await unlock(enclave, p.id, NEW_PASSWORD, 2));
    const overview = expectOk<{ counts: { tasks: number } }>(await enclave.handle(2, 'profileOverview', undefined));
    assert.equal(overview.counts.tasks, 1);
    await enclave.close();
    assert.ok(auditEvents(dataDir, p.id).includes('password changed'));
  });

  test('remove, then set again', async () => {
    const { enclave } = await setup();
    const p = await create(enclave, { name: 'Toggled', password: PASSWORD });
    expectOk(await unlock(enclave, p.id, PASSWORD));

    const removed = expectOk<SessionInfo>(await enclave.handle(1, 'changePassword', { currentPassword: PASSWORD }));
    assert.equal(removed.hasPassword, false);
    assert.equal((await list(enclave))[0]!.hasPassword, false);
    expectOk(await unlock(enclave, p.id, undefined, 2));

    // A passwordless profile needs no current password to get one.
    expectOk<SessionInfo>(await enclave.handle(1, 'changePassword', { newPassword: NEW_PASSWORD }));
    assert.equal((await list(enclave))[0]!.hasPassword, true);
    expectError(await unlock(enclave, p.id, undefined, 3), 'AUTH_FAILED');
    expectOk(await unlock(enclave, p.id, NEW_PASSWORD, 3));
  });

  test('a too-short new password is INVALID_INPUT and changes nothing', async () => {
    const { enclave } = await setup();
    const p = await create(enclave, { name: 'Short', password: PASSWORD });
    expectOk(await unlock(enclave, p.id, PASSWORD));
    expectError(await enclave.handle(1, 'changePassword', { currentPassword: PASSWORD, newPassword: 'short' }), 'INVALID_INPUT');
    expectOk(await unlock(enclave, p.id, PASSWORD, 2));
  });

  test('wrong current passwords count towards the unlock throttle', async () => {
    const { enclave } = await setup();
    const p = await create(enclave, { name: 'Throttled', password: PASSWORD });
    expectOk(await unlock(enclave, p.id, PASSWORD));
    for (let i = 0; i < 5; i++) {
      expectError(await enclave.handle(1, 'changePassword', { currentPassword: `wrong ${i} password` }), 'AUTH_FAILED');
    }
    expectError(await enclave.handle(1, 'changePassword', { currentPassword: PASSWORD }), 'THROTTLED');
    expectError(await unlock(enclave, p.id, PASSWORD, 2), 'THROTTLED');
    assert.equal((await list(enclave))[0]!.hasPassword, true);
  });
});

describe('deleting', () => {
  test('locks its windows, leaves no file and no keychain entry, and keeps one audit line', async () => {
    const { enclave, dataDir, pushed } = await setup();
    const keep = await create(enclave, { name: 'Keep', password: PASSWORD });
    const doomed = await create(enclave, { name: 'Doomed', password: PASSWORD });
    expectOk(await unlock(enclave, doomed.id, PASSWORD, 1));
    expectOk(await unlock(enclave, doomed.id, PASSWORD, 2));
    expectOk(await enclave.handle(1, 'createTask', { title: 'gone soon' }));
    expectOk(await unlock(enclave, keep.id, PASSWORD, 3));
    pushed.length = 0;

    assert.equal(expectOk(await enclave.handle(4, 'deleteProfile', { profileId: doomed.id, password: PASSWORD })), null);
    assert.deepEqual(
      pushed.filter(([, e]) => e === 'sessionLocked').sort((a, b) => a[0] - b[0]),
      [
        [1, 'sessionLocked', { reason: 'deleted' }],
        [2, 'sessionLocked', { reason: 'deleted' }],
      ],
    );
    expectError(await enclave.handle(1, 'profileOverview', undefined), 'LOCKED');
    expectOk(await enclave.handle(3, 'profileOverview', undefined));
    assert.deepEqual((await list(enclave)).map((p) => p.id), [keep.id]);
    expectError(await unlock(enclave, doomed.id, PASSWORD), 'NOT_FOUND');
    expectError(await enclave.handle(4, 'deleteProfile', { profileId: doomed.id, password: PASSWORD }), 'NOT_FOUND');

    assert.ok(!listTree(dataDir).some((p) => p.includes(doomed.id)), listTree(dataDir).join('\n'));
    const accounts = await keychain.accounts();
    assert.ok(!accounts.includes(doomed.id) && accounts.includes(keep.id));
    assert.equal(await keychain.store.get(doomed.id), null);
    await enclave.close();
    assert.deepEqual(
      auditEvents(dataDir, doomed.id).filter((e) => e === 'profile deleted'),
      ['profile deleted'],
    );
    // The name is free again.
    const again = await setup(dataDir);
    await create(again.enclave, { name: 'doomed' });
  });

  test('a passwordless profile needs its exact name as confirmation', async () => {
    const { enclave, dataDir } = await setup();
    const p = await create(enclave, { name: 'Open Book' });
    expectError(await enclave.handle(1, 'deleteProfile', { profileId: p.id }), 'INVALID_INPUT');
    expectError(await enclave.handle(1, 'deleteProfile', { profileId: p.id, confirmName: 'open book' }), 'INVALID_INPUT');
    assert.equal((await list(enclave)).length, 1);
    expectOk(await enclave.handle(1, 'deleteProfile', { profileId: p.id, confirmName: 'Open Book' }));
    assert.deepEqual(listTreeStable(dataDir), ['profiles/', 'registry.sqlite']);
    assert.ok(!(await keychain.accounts()).includes(p.id));
  });

  test('refused with a wrong or missing password, changing nothing', async () => {
    const { enclave, dataDir } = await setup();
    const p = await create(enclave, { name: 'Stays', password: PASSWORD });
    expectOk(await unlock(enclave, p.id, PASSWORD, 1));
    const tree = listTree(dataDir).filter((f) => !f.startsWith('registry.sqlite'));

    expectError(await enclave.handle(2, 'deleteProfile', { profileId: p.id, password: 'not the password' }), 'AUTH_FAILED');
    expectError(await enclave.handle(2, 'deleteProfile', { profileId: p.id }), 'AUTH_FAILED');
    // The name does not stand in for a password.
    expectError(await enclave.handle(2, 'deleteProfile', { profileId: p.id, confirmName: 'Stays' }), 'AUTH_FAILED');

    assert.deepEqual(listTree(dataDir).filter((f) => !f.startsWith('registry.sqlite')), tree);
    assert.ok((await keychain.accounts()).includes(p.id));
    expectOk(await enclave.handle(1, 'profileOverview', undefined), 'the window stays unlocked');
    assert.deepEqual((await list(enclave)).map((x) => x.id), [p.id]);
    expectOk(await unlock(enclave, p.id, PASSWORD, 3));
  });

  test('a crash after the tombstone: invisible at once, finished by the next start', async () => {
    const { enclave, dataDir } = await setup();
    const keep = await create(enclave, { name: 'Survivor' });
    const p = await create(enclave, { name: 'Half Gone', password: PASSWORD });
    await enclave.close();

    // The first step of a deletion, then the "crash": nothing else happened.
    const registry = Registry.open(dataDir, new ManualClock());
    registry.markDeleting(p.id);
    assert.equal(registry.get(p.id), null, 'a tombstoned profile cannot be read');
    assert.equal(registry.findByName('Half Gone'), null);
    assert.deepEqual(registry.list().map((r) => r.id), [keep.id]);
    registry.close();
    assert.ok(listTree(dataDir).includes(`profiles/${p.id}/data.sqlite`));
    assert.ok((await keychain.accounts()).includes(p.id));

    const restarted = await setup(dataDir);
    assert.deepEqual((await list(restarted.enclave)).map((r) => r.id), [keep.id]);
    expectError(await unlock(restarted.enclave, p.id, PASSWORD), 'NOT_FOUND');
    const left = listTreeStable(dataDir).filter((f) => f !== 'profiles/' && f !== 'registry.sqlite');
    assert.ok(left.length > 0 && left.every((f) => f.startsWith(`profiles/${keep.id}/`)), left.join('\n'));
    assert.equal(await keychain.store.get(p.id), null);
    await restarted.enclave.close();
    assert.deepEqual(auditEvents(dataDir, p.id).filter((e) => e === 'profile deleted'), ['profile deleted']);
  });

  test('a crash after the files went but before the row: the next start drops the row', async () => {
    const { enclave, dataDir } = await setup();
    const p = await create(enclave, { name: 'Nearly Gone' });
    await enclave.close();
    const registry = Registry.open(dataDir, new ManualClock());
    registry.markDeleting(p.id);
    registry.close();
    removeTempDir(`${dataDir}/profiles/${p.id}`);
    await keychain.store.delete(p.id);

    const restarted = await setup(dataDir);
    assert.deepEqual(await list(restarted.enclave), []);
    await create(restarted.enclave, { name: 'Nearly Gone' });
  });
});

describe('storage usage', () => {
  test('the picker sees sizes and last opened of every profile, nothing of their contents', async () => {
    const { enclave } = await setup();
    const a = await create(enclave, { name: 'Sized', password: PASSWORD });
    const b = await create(enclave, { name: 'Unopened' });
    expectOk(await unlock(enclave, a.id, PASSWORD));
    const usage = expectOk<Record<string, unknown>[]>(await enclave.handle(2, 'profileUsage', undefined));
    assert.deepEqual(usage.map((u) => u.profileId).sort(), [a.id, b.id].sort());
    for (const u of usage) {
      assert.deepEqual(Object.keys(u).sort(), ['duckdbBytes', 'lastOpenedAt', 'profileId', 'sqliteBytes']);
      assert.ok((u.sqliteBytes as number) > 0 && (u.duckdbBytes as number) > 0, JSON.stringify(u));
    }
    assert.ok(usage.find((u) => u.profileId === a.id)!.lastOpenedAt);
    assert.equal(usage.find((u) => u.profileId === b.id)!.lastOpenedAt, null);

    expectOk(await enclave.handle(3, 'deleteProfile', { profileId: b.id, confirmName: 'Unopened' }));
    assert.deepEqual(expectOk<Record<string, unknown>[]>(await enclave.handle(2, 'profileUsage', undefined)).map((u) => u.profileId), [a.id]);
  });
});
