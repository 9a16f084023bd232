// Supervision of profile host processes, against real forked hosts and real databases:
// a host that dies (SIGKILL, SIGABRT, a statement that aborts DuckDB) answers
// PROFILE_CRASHED for its own profile only, tells only that profile's windows, and
// reopens; a lock or close leaves no host process behind.
import assert from 'node:assert/strict';
import { before, describe, test } from 'node:test';
import type { EventName } from '../../../shared/contract.js';
import type { Enclave } from '../enclave.js';
import { childPids } from '../testing/child-processes.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { expectError, expectOk } from '../testing/results.js';

const fixture = enclaveFixture('host-supervision');
const W_A = 1;
const W_B = 2;

type Pushed = [windowId: number, event: EventName, payload: unknown];
const pushed: Pushed[] = [];
let enclave: Enclave;
let A = '';
let B = '';

/** Resolves with the next event of that name pushed to that window. */
function nextEvent(windowId: number, event: EventName): Promise<unknown> {
  const seen = pushed.length;
  return new Promise((resolve) => {
    const check = setInterval(() => {
      const hit = pushed.slice(seen).find(([w, e]) => w === windowId && e === event);
      if (hit) {
        clearInterval(check);
        resolve(hit[2]);
      }
    }, 5);
  });
}

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

const pidOf = (profileId: string) => {
  const pid = enclave.hostPid(profileId);
  assert.ok(pid !== null && pid > 0, 'the open profile has a host process');
  return pid;
};

before(async () => {
  enclave = await fixture.open({
    dataDir: fixture.tempDir(),
    secrets: fixture.keychain.store,
    events: (windowId, event, payload) => void pushed.push([windowId, event, payload]),
  });
  A = (await enclave.profiles.create({ name: 'Alice' })).id;
  B = (await enclave.profiles.create({ name: 'Bob' })).id;
  expectOk(await enclave.handle(W_A, 'unlockProfile', { profileId: A }));
  expectOk(await enclave.handle(W_B, 'unlockProfile', { profileId: B }));
  expectOk(await enclave.handle(W_A, 'createTask', { title: 'kept through crashes' }));
  expectOk(await enclave.handle(W_B, 'createTask', { title: 'Bob carries on' }));
});

/** B answers, with its own data, whatever happened to A. */
async function bKeepsAnswering() {
  const page = expectOk<{ items: { title: string }[] }>(await enclave.handle(W_B, 'listTasks', {}), 'B listTasks');
  assert.deepEqual(page.items.map((t) => t.title), ['Bob carries on']);
  expectOk(await enclave.handle(W_B, 'runQuery', { sql: 'SELECT 42 AS answer' }), 'B runQuery');
}

/** A reopens from its window, without a password, and still has what it acknowledged. */
async function aReopens(killedPid: number) {
  const reopened = nextEvent(W_A, 'profileReopened');
  expectOk(await enclave.handle(W_A, 'reopenProfile', undefined), 'reopenProfile');
  await reopened;
  const pid = pidOf(A);
  assert.notEqual(pid, killedPid, 'a new host process');
  const page = expectOk<{ items: { title: string }[] }>(await enclave.handle(W_A, 'listTasks', {}), 'A listTasks after reopening');
  assert.ok(page.items.some((t) => t.title === 'kept through crashes'));
}

describe('a profile host that dies', () => {
  for (const signal of ['SIGKILL', 'SIGABRT'] as const) {
    test(`${signal} mid-call: PROFILE_CRASHED for A only, only A's window told, B answers, A reopens`, async () => {
      const pid = pidOf(A);
      const bPid = pidOf(B);
      const stopped = nextEvent(W_A, 'profileStopped');
      // A long query in flight when the host dies.
      const inFlight = enclave.handle(W_A, 'runQuery', { sql: 'SELECT count(*) FROM range(1000000000000) a' });
      process.kill(pid, signal);
      const error = expectError(await inFlight, 'PROFILE_CRASHED', 'the call in flight');
      assert.match(error.message, new RegExp(signal));
      await stopped;
      assert.ok(!pushed.some(([w, e]) => w === W_B && e === 'profileStopped'), "B's window is not told");
      // Until reopened, every data call of A's window answers the same typed error.
      expectError(await enclave.handle(W_A, 'listTasks', {}), 'PROFILE_CRASHED', 'A listTasks while stopped');
      assert.equal(enclave.hostPid(A), null);
      await bKeepsAnswering();
      assert.equal(enclave.hostPid(B), bPid, "B's host was not restarted");
      await aReopens(pid);
    });
  }

  test("a statement that aborts DuckDB's process answers a typed error in A; B answers; A is usable again", async () => {
    const pid = pidOf(A);
    const result = await enclave.handle(W_A, 'runQuery', { sql: `CALL enable_logging(storage_path='${fixture.tempDir()}')` });
    assert.equal(result.ok, false);
    // PROFILE_CRASHED while the host aborts on it; PERMISSION_DENIED once the statement policy refuses it first.
    assert.ok(!result.ok && ['PROFILE_CRASHED', 'PERMISSION_DENIED'].includes(result.error.code), JSON.stringify(result));
    await bKeepsAnswering();
    if (!result.ok && result.error.code === 'PROFILE_CRASHED') await aReopens(pid);
    expectOk(await enclave.handle(W_A, 'runQuery', { sql: 'SELECT 1' }), 'A runQuery afterwards');
  });

  test('a second window of the stopped profile is told too, and carries on when the first reopens it', async () => {
    const W_A2 = 3;
    expectOk(await enclave.handle(W_A2, 'unlockProfile', { profileId: A }));
    const pid = pidOf(A);
    const stopped = Promise.all([nextEvent(W_A, 'profileStopped'), nextEvent(W_A2, 'profileStopped')]);
    process.kill(pid, 'SIGKILL');
    await stopped;
    const reopenedInA2 = nextEvent(W_A2, 'profileReopened');
    await aReopens(pid);
    await reopenedInA2;
    expectOk(await enclave.handle(W_A2, 'listTasks', {}), "A's second window");
    await enclave.lockWindow(W_A2, 'user');
  });
});

describe('closing hosts', () => {
  test('locking a profile ends its host process; unlocking starts a new one', async () => {
    const pid = pidOf(A);
    await enclave.lockWindow(W_A, 'user');
    assert.equal(isAlive(pid), false, 'the host process is gone');
    assert.equal(enclave.hostPid(A), null);
    expectOk(await enclave.handle(W_A, 'unlockProfile', { profileId: A }));
    assert.notEqual(pidOf(A), pid);
  });

  test('closing the core ends every host process (no orphans), the spare host included', async () => {
    const before = new Set(childPids(process.pid, 'profile-host.js'));
    const local = await fixture.open({ dataDir: fixture.tempDir(), secrets: fixture.keychain.store, spareHost: true });
    const ids = [(await local.profiles.create({ name: 'One' })).id, (await local.profiles.create({ name: 'Two' })).id];
    expectOk(await local.handle(1, 'unlockProfile', { profileId: ids[0] }));
    expectOk(await local.handle(2, 'unlockProfile', { profileId: ids[1] }));
    const pids = ids.map((id) => local.hostPid(id)!);
    assert.ok(pids.every(isAlive));
    const started = childPids(process.pid, 'profile-host.js').filter((pid) => !before.has(pid));
    assert.equal(started.length, 3, 'two profiles and one spare');
    await local.close();
    assert.deepEqual(pids.map(isAlive), [false, false]);
    assert.deepEqual(started.filter(isAlive), [], 'no host process left behind');
  });
});

describe('budgets', () => {
  // The timeout turns a lost cancel into a failure instead of a run that never ends.
  test('kept results beyond the byte budget, and queries beyond the concurrency budget, answer LIMIT_REACHED', { timeout: 180_000 }, async () => {
    const local = await fixture.open({
      dataDir: fixture.tempDir(),
      secrets: fixture.keychain.store,
      hostBudget: { memoryLimitMb: 256, threads: 1, maxTempMb: 512, resultBytes: 1_000_000, concurrentQueries: 2 },
    });
    const id = (await local.profiles.create({ name: 'Small' })).id;
    expectOk(await local.handle(1, 'unlockProfile', { profileId: id }));
    // 100,000 rows × 2 columns is about 3.2 MB kept, over a 1 MB budget.
    const big = expectError(await local.handle(1, 'runQuery', { sql: 'SELECT range AS a, range AS b FROM range(100000)' }), 'LIMIT_REACHED');
    assert.match(big.message, /larger than the 1 MB a profile keeps/);
    assert.match(big.message, /LIMIT|filter|export/);
    expectOk(await local.handle(1, 'runQuery', { sql: 'SELECT range AS a FROM range(1000)' }), 'a small result is kept');

    const long = (queryId: string) => local.handle(1, 'runQuery', { sql: 'SELECT count(*) FROM range(1000000000000) a', queryId });
    const ids = ['00000000-0000-4000-8000-000000000001', '00000000-0000-4000-8000-000000000002'];
    const running = ids.map(long);
    // The host takes calls in order, so the third runQuery is admitted after both long ones.
    const third = expectError(await local.handle(1, 'runQuery', { sql: 'SELECT 1' }), 'LIMIT_REACHED');
    assert.match(third.message, /2 queries are already running/);
    for (const queryId of ids) expectOk(await local.handle(1, 'cancelQuery', { queryId }));
    for (const r of await Promise.all(running)) expectError(r, 'CANCELLED');
    expectOk(await local.handle(1, 'runQuery', { sql: 'SELECT 1' }), 'a query once the others ended');
    await local.close();
  });
});
