// A host's analytics threads run below its main thread, so one profile's running
// queries yield the CPU to another profile's unlock and pages (electron/host/thread-priority.ts).
// Real forked hosts; each thread's niceness is read from /proc.
import assert from 'node:assert/strict';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import { before, describe, test } from 'node:test';
import type { Enclave } from '../enclave.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { expectOk } from '../testing/results.js';
import { BACKGROUND_NICE, workerNice } from '../storage/host-budget.js';

const fixture = enclaveFixture('thread-priority');
let enclave: Enclave;

/** Each thread of a process and its niceness (field 19 of /proc/PID/task/TID/stat). */
function niceness(pid: number): Map<number, number> {
  const threads = new Map<number, number>();
  for (const tid of fs.readdirSync(`/proc/${pid}/task`)) {
    const stat = fs.readFileSync(`/proc/${pid}/task/${tid}/stat`, 'utf8');
    threads.set(Number(tid), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[16]));
  }
  return threads;
}

before(async () => {
  enclave = await fixture.open({ dataDir: fixture.tempDir(), secrets: fixture.keychain.store });
});

describe('analytics threads yield to interactive work', { skip: process.platform !== 'linux' && 'thread priorities are set on Linux' }, () => {
  test("a host's DuckDB and pool threads run at the lower priority; its main thread, main's threads and another host's main thread do not", async () => {
    const ids: string[] = [];
    for (const [w, name] of [[1, 'A'], [2, 'B']] as const) {
      const id = expectOk<{ id: string }>(await enclave.handle(w, 'createProfile', { name })).id;
      expectOk(await enclave.handle(w, 'unlockProfile', { profileId: id }));
      ids.push(id);
    }
    expectOk(await enclave.handle(1, 'runQuery', { sql: 'SELECT sum(range) FROM range(10000000)' }));
    expectOk(await enclave.handle(2, 'listTasks', { limit: 10 }));

    // Relative to the niceness this test runs at (a `nice npm test` starts everything lower).
    const base = niceness(process.pid).get(process.pid)!;
    const a = enclave.hostPid(ids[0]!)!;
    const threadsA = niceness(a);
    assert.ok(workerNice(base) > base, 'the test runs at a niceness that can go lower');
    assert.equal(threadsA.get(a), base, "the host's main thread (SQLite answers) keeps the normal priority");
    const workers = [...threadsA].filter(([tid]) => tid !== a);
    assert.ok(workers.length >= 3, `DuckDB and libuv threads exist (${workers.length})`);
    // At least to the worker priority: on a loaded machine even a short call may pass LONG_CALL_MS and go lower still.
    assert.deepEqual(workers.filter(([, nice]) => nice < workerNice(base)), [], 'every other thread of the host is lowered');

    const b = enclave.hostPid(ids[1]!)!;
    assert.equal(niceness(b).get(b), base, "another host's main thread is untouched");
    assert.deepEqual([...niceness(process.pid)].filter(([, nice]) => nice !== base), [], "main's threads (scrypt, the UI's calls) are untouched");
    for (const w of [1, 2]) expectOk(await enclave.handle(w, 'lockSession', undefined));
  });

  test("a long call's threads drop to the lowest priority; the host's main thread and another host's threads keep theirs", async (t) => {
    const base = niceness(process.pid).get(process.pid)!;
    if (workerNice(base) >= BACKGROUND_NICE) return t.skip(`at niceness ${base} the worker priority is already the lowest`);
    const ids: string[] = [];
    for (const [w, name] of [[3, 'Long A'], [4, 'Short B']] as const) {
      const id = expectOk<{ id: string }>(await enclave.handle(w, 'createProfile', { name })).id;
      expectOk(await enclave.handle(w, 'unlockProfile', { profileId: id }));
      ids.push(id);
    }
    // B runs nothing long (no DuckDB call at all, so nothing of B's can pass LONG_CALL_MS on a loaded machine).
    expectOk(await enclave.handle(4, 'listTasks', { limit: 10 }));
    const a = enclave.hostPid(ids[0]!)!;
    const b = enclave.hostPid(ids[1]!)!;

    // Minutes of work in A unless cancelled.
    const queryId = randomUUID();
    const running = enclave.handle(3, 'runQuery', { sql: 'SELECT count(*) FROM range(200000) x, range(200000) y WHERE (x.range + y.range) % 7 = 3', queryId });
    const deadline = performance.now() + 30_000;
    const lowered = () => [...niceness(a)].filter(([tid, nice]) => tid !== a && nice === BACKGROUND_NICE);
    while (lowered().length === 0 && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    try {
      assert.ok(lowered().length > 0, "the threads running A's long query drop to the lowest priority");
      assert.equal(niceness(a).get(a), base, "A's main thread (its tasks, notes, events) keeps the normal priority");
      const workersB = [...niceness(b)].filter(([tid]) => tid !== b);
      assert.equal(niceness(b).get(b), base, "B's main thread keeps the normal priority");
      assert.ok(workersB.length > 0);
      assert.deepEqual(workersB.filter(([, nice]) => nice !== workerNice(base)), [], "B's worker threads stay above A's long work");
    } finally {
      expectOk(await enclave.handle(3, 'cancelQuery', { queryId }));
      const r = await running;
      assert.equal(r.ok ? 'ok' : r.error.code, 'CANCELLED');
    }
    for (const w of [3, 4]) expectOk(await enclave.handle(w, 'lockSession', undefined));
  });
});
