import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProfileSummary, SessionInfo } from '../../../shared/profiles/profiles.js';
import { KeychainUnavailableError, type SecretStore } from '../keychain/secret-store.js';
import { Registry } from '../registry/registry.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { createProfile as create, listProfiles as list, unlockProfile as unlock } from '../testing/profile-calls.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';
import { listTree, listTreeStable } from '../testing/temp-dir.js';

const fixture = enclaveFixture('profiles');
const { keychain } = fixture;

async function setup(clock = new ManualClock(), secrets: SecretStore = keychain.store) {
  const dataDir = fixture.tempDir();
  const enclave = await fixture.open({ dataDir, secrets, clock });
  return { dataDir, clock, enclave };
}

/** The data directory's tree down to the profile directories (what is inside one is the profile's own business). */
const topLevel = (dataDir: string) => listTreeStable(dataDir).filter((p) => !/^profiles\/[^/]+\/./.test(p));
const hasDatabases = (dataDir: string, id: string) => {
  const tree = listTree(dataDir);
  return tree.includes(`profiles/${id}/data.sqlite`) && tree.includes(`profiles/${id}/analytics.duckdb`);
};

const PASSWORD = 'correct horse battery';
const WRONG = 'wrong horse battery';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;


describe('creating profiles', () => {
  test('with and without a password', async () => {
    const { enclave, clock } = await setup();
    const plain = await create(enclave, { name: 'Plain' });
    const locked = await create(enclave, { name: 'Locked', password: PASSWORD });
    assert.match(plain.id, UUID);
    assert.match(locked.id, UUID);
    assert.notEqual(plain.id, locked.id);
    assert.deepEqual(
      { ...plain, id: '' },
      { id: '', name: 'Plain', color: plain.color, hasPassword: false, createdAt: clock.now().toISOString(), lastOpenedAt: null, unlockBlockedUntil: null },
    );
    assert.equal(locked.hasPassword, true);
    assert.notEqual(plain.color, locked.color, 'colours rotate');
    assert.deepEqual((await list(enclave)).map((p) => p.name).sort(), ['Locked', 'Plain']);
    const accounts = await keychain.accounts();
    assert.ok(accounts.includes(plain.id) && accounts.includes(locked.id), 'both have a keychain entry');
  });

  test('a passwordless profile opens without a password', async () => {
    const { enclave } = await setup();
    const p = await create(enclave, { name: 'Open' });
    const info = expectOk<SessionInfo>(await unlock(enclave, p.id));
    assert.deepEqual(info, { name: 'Open', color: p.color, hasPassword: false });
    assert.deepEqual(expectOk(await enclave.handle(1, 'currentSession', undefined)), info);
    assert.ok((await list(enclave))[0]!.lastOpenedAt);
  });

  test('the profile directory is named by the uuid, never by the name', async () => {
    const { enclave, dataDir } = await setup();
    assert.deepEqual(listTreeStable(dataDir), ['registry.sqlite']);
    const p = await create(enclave, { name: '../../etc' });
    const q = await create(enclave, { name: 'a/b\\c' });
    assert.deepEqual(topLevel(dataDir), ['profiles/', `profiles/${p.id}/`, `profiles/${q.id}/`, 'registry.sqlite'].sort());
    assert.ok(hasDatabases(dataDir, p.id) && hasDatabases(dataDir, q.id));
    assert.deepEqual(
      (await list(enclave)).map((x) => x.name).sort(),
      ['../../etc', 'a/b\\c'],
    );
  });

  test('an unknown profile id is NOT_FOUND', async () => {
    const { enclave } = await setup();
    expectError(await unlock(enclave, '00000000-0000-4000-8000-000000000000', PASSWORD), 'NOT_FOUND');
  });
});

describe('failed creation leaves nothing behind', () => {
  test('when the keychain refuses the secret', async () => {
    const refusing: SecretStore = {
      ...keychain.store,
      set: async () => {
        throw new KeychainUnavailableError('the keychain is locked (test)');
      },
    };
    const { enclave, dataDir } = await setup(new ManualClock(), refusing);
    const before = await keychain.accounts();
    const error = expectError(await enclave.handle(1, 'createProfile', { name: 'Doomed', password: PASSWORD }), 'KEYCHAIN_UNAVAILABLE');
    assert.match(error.message, /keychain is locked/);
    assert.deepEqual(listTreeStable(dataDir), ['profiles/', 'registry.sqlite']);
    assert.deepEqual(await list(enclave), []);
    assert.deepEqual(await keychain.accounts(), before);
  });

  test('when two creations race for one name: one wins, the loser removes its directory and keychain entry', async () => {
    const { enclave, dataDir } = await setup();
    const before = await keychain.accounts();
    const results = await Promise.all([
      enclave.handle(1, 'createProfile', { name: 'Twin' }),
      enclave.handle(2, 'createProfile', { name: 'twin' }),
    ]);
    const won = results.filter((r) => r.ok);
    assert.equal(won.length, 1, JSON.stringify(results));
    expectError(results.find((r) => !r.ok)!, 'ALREADY_EXISTS');
    const id = expectOk<ProfileSummary>(won[0]!).id;
    assert.deepEqual(topLevel(dataDir), ['profiles/', `profiles/${id}/`, 'registry.sqlite']);
    assert.ok(hasDatabases(dataDir, id));
    assert.deepEqual(await keychain.accounts(), [...before, id].sort());
  });

  test('an invalid name never reaches the disk', async () => {
    const { enclave, dataDir } = await setup();
    const before = listTree(dataDir);
    for (const name of ['', '   ', 'x'.repeat(65), 'bad\u0000name', 'tab\tname']) {
      expectError(await enclave.handle(1, 'createProfile', { name }), 'INVALID_INPUT', JSON.stringify(name));
    }
    expectError(await enclave.handle(1, 'createProfile', { name: 'Short', password: 'short' }), 'INVALID_INPUT');
    assert.deepEqual(listTree(dataDir), before);
  });
});

describe('unlocking with a password', () => {
  test('wrong and missing passwords are AUTH_FAILED and do not bind the window', async () => {
    const { enclave } = await setup();
    const p = await create(enclave, { name: 'Guarded', password: PASSWORD });
    const wrong = expectError(await unlock(enclave, p.id, WRONG), 'AUTH_FAILED');
    assert.equal(wrong.field, 'password');
    assert.equal(wrong.retryAfterSeconds, undefined);
    expectError(await unlock(enclave, p.id), 'AUTH_FAILED');
    expectError(await unlock(enclave, p.id, ''), 'AUTH_FAILED');
    assert.equal(expectOk(await enclave.handle(1, 'currentSession', undefined)), null);
    expectError(await enclave.handle(1, 'profileOverview', undefined), 'LOCKED');
    expectOk(await unlock(enclave, p.id, PASSWORD));
    assert.equal(expectOk<SessionInfo>(await enclave.handle(1, 'currentSession', undefined)).name, 'Guarded');
  });

  test('five failures throttle, the block survives a restart, the clock lifts it, and success resets the count', async () => {
    const { enclave, dataDir, clock } = await setup();
    const p = await create(enclave, { name: 'Throttled', password: PASSWORD });

    for (let i = 1; i <= 4; i++) {
      const e = expectError(await unlock(enclave, p.id, WRONG), 'AUTH_FAILED', `failure ${i}`);
      assert.equal(e.retryAfterSeconds, undefined, `failure ${i} is free`);
    }
    // A missing password counts like a wrong one.
    const fifth = expectError(await unlock(enclave, p.id), 'AUTH_FAILED', 'failure 5');
    assert.equal(fifth.retryAfterSeconds, 30);

    const throttled = expectError(await unlock(enclave, p.id, PASSWORD), 'THROTTLED', 'right password while throttled');
    assert.equal(throttled.retryAfterSeconds, 30);
    assert.equal((await list(enclave))[0]!.unlockBlockedUntil, new Date(clock.now().getTime() + 30_000).toISOString());

    // A full restart of the core on the same data directory.
    await enclave.close();
    const reopened = await fixture.open({ dataDir, secrets: keychain.store, clock });
    clock.advance(10_000);
    assert.equal(expectError(await unlock(reopened, p.id, PASSWORD), 'THROTTLED').retryAfterSeconds, 20);

    clock.advance(20_000);
    assert.equal((await list(reopened))[0]!.unlockBlockedUntil, null);
    // The next wrong password doubles the block.
    assert.equal(expectError(await unlock(reopened, p.id, WRONG), 'AUTH_FAILED').retryAfterSeconds, 60);
    assert.equal(expectError(await unlock(reopened, p.id, PASSWORD), 'THROTTLED').retryAfterSeconds, 60);
    clock.advance(59_000);
    assert.equal(expectError(await unlock(reopened, p.id, PASSWORD), 'THROTTLED').retryAfterSeconds, 1);
    clock.advance(1_000);
    expectOk(await unlock(reopened, p.id, PASSWORD), 'unlock after the block');
    expectOk(await reopened.handle(1, 'lockSession', undefined));

    // Success reset the counter: four more failures are free again.
    for (let i = 1; i <= 4; i++) {
      assert.equal(expectError(await unlock(reopened, p.id, WRONG), 'AUTH_FAILED').retryAfterSeconds, undefined);
    }
    await reopened.close();
    const registry = Registry.open(dataDir, clock);
    try {
      assert.equal(registry.failures(p.id)?.failures, 4);
    } finally {
      registry.close();
    }
  });

  test('concurrent wrong guesses cannot slip past the throttle', async () => {
    const { enclave } = await setup();
    const p = await create(enclave, { name: 'Raced', password: PASSWORD });
    const results = await Promise.all(Array.from({ length: 10 }, (_, i) => unlock(enclave, p.id, `${WRONG} ${i}`, i + 1)));
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    assert.equal(codes.filter((c) => c === 'AUTH_FAILED').length, 5, codes.join());
    assert.equal(codes.filter((c) => c === 'THROTTLED').length, 5, codes.join());
    expectError(await unlock(enclave, p.id, PASSWORD), 'THROTTLED');
  });
});
