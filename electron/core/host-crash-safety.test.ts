// Crash safety of a profile's HOST process: main (this test's process) stays up while
// the profile's forked host, the process that owns data.sqlite and analytics.duckdb,
// is killed with SIGKILL in the middle of its writes. crash-safety.test.ts kills the
// whole app; this kills only the host, as an out-of-memory kill or a DuckDB abort
// would, and the profile is reopened by main's own recovery path (reopenProfile).
//
// Three kinds of trial, each on a profile of its own (the crash backoff allows five
// crashes a minute per profile):
//   writes    task creates/updates and note autosaves, killed at a random moment;
//   import    the same writes plus a large CSV import, killed at one of the import's
//             progress reports (it reported running and never its end: mid-import);
//   deletion  Trash emptied of large notes, killed the moment the host is seen holding
//             data.sqlite's write lock (a BEGIN IMMEDIATE probe answers SQLITE_BUSY):
//             provably inside the deleting transaction.
// After every kill: the profile reopens, data.sqlite passes integrity_check, every
// acknowledged write is there at least at its acknowledged version, a deletion killed
// midway left every trashed note in the Trash (none half-deleted), an imported table
// is whole, staging is empty. How many kills landed mid-import and mid-deletion is
// asserted, not printed.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import type { ImportProgress, TableInfo } from '../../shared/analysis/analytics.js';
import type { EventName } from '../../shared/contract.js';
import type { Note } from '../../shared/notes/notes.js';
import type { Task } from '../../shared/tasks/tasks.js';
import { STAGING_DIR } from './analytics/sandbox.js';
import type { Enclave } from './enclave.js';
import { profileDir, SQLITE_FILE } from './paths.js';
import { enclaveFixture } from './testing/enclave-fixture.js';
import { readToken } from './testing/file-tokens.js';
import { mulberry32 } from './testing/prng.js';
import { expectOk } from './testing/results.js';

const SEED = Number(process.env.CRASH_SEED ?? 20261201);
/** Trials per kind (writes, import, deletion); at most 4, under the crash backoff. */
const TRIALS = Math.min(4, Number(process.env.HOST_CRASH_TRIALS ?? 3));
// Large enough that the import reports progress well before it ends, even on a loaded
// machine: with 300,000 rows (8 MB) a loaded CI run saw two of three imports end within
// the few milliseconds between their first report and the kill.
const CSV_ROWS = 1_500_000;
const TRASHED_NOTES = 12;

const fixture = enclaveFixture('host-crash');
const dataDir = fixture.tempDir();
const csv = path.join(fixture.tempDir(), 'orders.csv');
const random = mulberry32(SEED);
const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
let enclave: Enclave;

type Kind = 'writes' | 'import' | 'deletion';
const ALL_KINDS: Kind[] = ['writes', 'import', 'deletion'];
/** HOST_CRASH_KINDS=import narrows a run (the mutation check's) to some kinds. */
const KINDS = ALL_KINDS.filter((k) => (process.env.HOST_CRASH_KINDS ?? ALL_KINDS.join(',')).split(',').includes(k));

interface ProfileState {
  id: string;
  window: number;
  tasks: Map<string, { version: number; title: string }>;
  notes: Map<string, { version: number; body: string }>;
  note: Note | null;
  /** Notes in the Trash whose deletion for good has not been acknowledged. */
  trashed: Set<string>;
  importAcknowledged: boolean;
}
const profiles = new Map<Kind, ProfileState>();
const progress: { window: number; payload: ImportProgress }[] = [];
const progressListeners = new Set<(window: number, p: ImportProgress) => void>();

const totals = { foundStopped: 0, stoppedAfterReopen: 0, kills: 0, killsMidImport: 0, aimedAtImport: 0, killsMidDeletion: 0, aimedAtDeletion: 0, acknowledged: 0, reopened: 0 };
const failures: string[] = [];

async function call<T>(w: number, channel: string, input?: unknown): Promise<T> {
  const r = await enclave.handle(w, channel, input);
  if (!r.ok) throw Object.assign(new Error(`${channel}: ${r.error.code}: ${r.error.message}`), { code: r.error.code });
  return r.value as T;
}

before(async () => {
  const lines = ['id,customer,amount'];
  for (let i = 0; i < CSV_ROWS; i++) lines.push(`${i},customer ${i % 977},${(i * 7.31).toFixed(2)}`);
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  enclave = await fixture.open({
    dataDir,
    secrets: fixture.keychain.store,
    events: (w: number, event: EventName, payload: unknown) => {
      if (event !== 'importProgress') return;
      const p = payload as ImportProgress;
      progress.push({ window: w, payload: p });
      for (const l of progressListeners) l(w, p);
    },
  });
  for (const [i, kind] of KINDS.entries()) {
    const id = (await enclave.profiles.create({ name: `Host crash ${kind}` })).id;
    const window = i + 1;
    expectOk(await enclave.handle(window, 'unlockProfile', { profileId: id }), `unlock ${kind}`);
    profiles.set(kind, { id, window, tasks: new Map(), notes: new Map(), note: null, trashed: new Set(), importAcknowledged: false });
  }
  // An import that finished before the kills: each later one replaces its table, and a kill
  // mid-way must leave this one whole (the replacement is one transaction).
  const imp = profiles.get('import');
  if (imp) {
    expectOk(await enclave.handle(imp.window, 'startImport', { file: readToken(enclave, csv, imp.window), table: 'orders', onConflict: 'replace' }), 'first import');
    imp.importAcknowledged = true;
  }
});

function hostPid(p: ProfileState): number {
  const pid = enclave.hostPid(p.id);
  assert.ok(pid !== null && pid > 0, `the profile has a running host (${p.window})`);
  return pid;
}

/** Writes until a call fails (the host was killed); records what was acknowledged. */
async function writeUntilKilled(p: ProfileState, trial: number, firstAck: () => void): Promise<void> {
  const tasks: Task[] = [];
  // An autosave the kill cut off may still have committed: carry on from the stored version.
  p.note = p.note ? await call<Note>(p.window, 'getNote', { id: p.note.id }) : await call<Note>(p.window, 'createNote', { title: 'Autosaved' });
  p.notes.set(p.note.id, { version: p.note.version, body: p.note.body });
  for (let n = 0; ; n++) {
    const r = random();
    try {
      if (r < 0.4 || tasks.length === 0) {
        const task = await call<Task>(p.window, 'createTask', { title: `task ${trial}.${n}` });
        tasks.push(task);
        p.tasks.set(task.id, { version: task.version, title: task.title });
      } else if (r < 0.65) {
        const i = Math.floor(random() * tasks.length);
        const task = await call<Task>(p.window, 'updateTask', { id: tasks[i]!.id, version: tasks[i]!.version, title: `edited ${trial}.${n}` });
        tasks[i] = task;
        p.tasks.set(task.id, { version: task.version, title: task.title });
      } else {
        const body = `Draft ${trial}.${n}\n${'lorem ipsum dolor sit amet '.repeat(50 + Math.floor(random() * 200))}`;
        p.note = await call<Note>(p.window, 'updateNote', { id: p.note.id, version: p.note.version, body });
        p.notes.set(p.note.id, { version: p.note.version, body: p.note.body });
      }
    } catch (e) {
      if ((e as { code?: string }).code === 'PROFILE_CRASHED') return;
      throw e;
    }
    if (n === 0) firstAck();
  }
}

/** True while another connection (the host) holds data.sqlite's write lock. */
function hostHoldsWriteLock(db: Database.Database): boolean {
  try {
    db.exec('BEGIN IMMEDIATE');
  } catch (e) {
    if ((e as { code?: string }).code === 'SQLITE_BUSY') return true;
    throw e;
  }
  db.exec('ROLLBACK');
  return false;
}

const turn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Waits until main has seen the profile's killed host stop (its exit is an event, not a
 * call). Every kill is followed by this before the profile is reopened: until main has
 * seen the exit, the host is still registered as running, reopenProfile leaves it alone
 * (a no-op), and the next call goes to the dead process and answers PROFILE_CRASHED
 * (signal SIGKILL). A host can answer its last call just before the kill lands (see the
 * deletion trial), so a call answered after the kill proves nothing about the exit.
 */
async function untilStopped(p: ProfileState): Promise<void> {
  const deadline = Date.now() + 30_000;
  while (enclave.hostPid(p.id) !== null) {
    assert.ok(Date.now() < deadline, `main never saw the killed host of ${p.window} stop`);
    await new Promise((resolve) => setTimeout(resolve, 5));
  }
}

/** Large notes moved to the Trash (acknowledged), so that emptying it takes a while. */
async function fillTrash(p: ProfileState, trial: number): Promise<void> {
  const words = Array.from({ length: 4000 }, (_, i) => `word${i.toString(36)}${(i * 7919) % 1009}`);
  while (p.trashed.size < TRASHED_NOTES) {
    const body = Array.from({ length: 40_000 }, () => words[Math.floor(random() * words.length)]).join(' ');
    const note = await call<Note>(p.window, 'createNote', { title: `trash ${trial}.${p.trashed.size}`, body });
    await call<Note>(p.window, 'deleteNote', { id: note.id });
    p.trashed.add(note.id);
  }
}

async function runTrial(kind: Kind, trial: number): Promise<void> {
  const p = profiles.get(kind)!;
  // A previous trial's host must never be found stopped here (a deletion trial that killed
  // after its answer now waits for main to see the stop before reopening); if it is, reopen
  // it, count it, and say so in the summary.
  if (enclave.hostPid(p.id) === null) {
    totals.foundStopped++;
    expectOk(await enclave.handle(p.window, 'reopenProfile', undefined), `${kind} trial ${trial}: reopen a stopped host`);
  }
  const pid = hostPid(p);
  const kill = () => {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // already gone
    }
  };
  if (kind === 'deletion') {
    const task = await call<Task>(p.window, 'createTask', { title: `before emptying ${trial}` });
    p.tasks.set(task.id, { version: task.version, title: task.title });
    await fillTrash(p, trial);
    const probe = new Database(path.join(profileDir(dataDir, p.id), SQLITE_FILE), { fileMustExist: true, timeout: 0 });
    try {
      totals.aimedAtDeletion++;
      let answered = false;
      const emptying = call<{ purged: number }>(p.window, 'emptyTrash').then(
        () => {
          answered = true;
          p.trashed.clear();
        },
        (e: unknown) => {
          answered = true;
          if ((e as { code?: string }).code !== 'PROFILE_CRASHED') throw e;
        },
      );
      // A barrier, not a guess: wait (yielding to the event loop) until the host is seen
      // inside its write transaction, then kill it there.
      let inside = false;
      while (!answered && !(inside = hostHoldsWriteLock(probe))) await turn();
      if (inside) kill();
      await emptying;
      // Seen inside, the host may still have committed and sent its answer in the
      // microseconds before the SIGKILL landed: that answer then reaches main before the
      // exit does. Such a kill did not land mid-deletion.
      if (inside && p.trashed.size > 0) totals.killsMidDeletion++;
      // The Trash was emptied before the probe saw the lock: killed now.
      if (!inside) kill();
      // Either way, main must have seen the stop before the reopen (untilStopped says why):
      // CI's "reopened host found stopped at its first call" was this reopen, made when the
      // host had answered emptyTrash just before the kill landed, and so a no-op.
      await untilStopped(p);
    } finally {
      probe.close();
    }
  } else {
    let landedMidImport = false;
    let importAnswered = false;
    let timer: NodeJS.Timeout | undefined;
    const listener = (w: number, pr: ImportProgress) => {
      // Bytes read: DuckDB is running the import's own statement (not still sniffing the
      // file), and most of the file is still ahead of it.
      if (w !== p.window || pr.phase !== 'reading' || pr.bytesRead <= 0 || pr.bytesRead * 2 >= pr.totalBytes) return;
      progressListeners.delete(listener);
      // The kill is the deliberate part of the trial: a random moment after a progress report.
      timer = setTimeout(() => {
        landedMidImport = !importAnswered;
        kill();
      }, between(0, 10));
    };
    if (kind === 'import') {
      totals.aimedAtImport++;
      progressListeners.add(listener);
    }
    const writing = writeUntilKilled(p, trial, () => {
      if (kind === 'writes') timer ??= setTimeout(kill, between(20, 600));
    });
    const importing =
      kind !== 'import'
        ? Promise.resolve()
        : call(p.window, 'startImport', { file: readToken(enclave, csv, p.window), table: 'orders', onConflict: 'replace' }).then(
            () => {
              importAnswered = true;
              p.importAcknowledged = true;
              // Finished before any progress report was seen: killed now, not counted as mid-import.
              if (progressListeners.delete(listener)) kill();
            },
            (e: unknown) => {
              importAnswered = true;
              progressListeners.delete(listener);
              if ((e as { code?: string }).code !== 'PROFILE_CRASHED') throw e;
            },
          );
    await writing;
    await importing;
    clearTimeout(timer);
    if (landedMidImport) totals.killsMidImport++;
  }
  totals.kills++;
}

/**
 * The tables of a just-reopened profile. In two CI runs (not in 8 runs on a developer
 * machine) the "reopened" host was gone by this call, stopped by SIGKILL: it was the
 * killed host itself, reopened before main had seen it stop (see untilStopped, which
 * every kill now waits for). Should a reopened host ever be found stopped again, it is
 * counted and reported in the summary, the profile is reopened once more, and the
 * checks of what the kill left go on; a second stop fails the trial.
 */
async function listTablesAfterReopen(p: ProfileState, label: string): Promise<TableInfo[]> {
  try {
    return await call<TableInfo[]>(p.window, 'listTables');
  } catch (e) {
    if ((e as { code?: string }).code !== 'PROFILE_CRASHED') throw e;
    totals.stoppedAfterReopen++;
    console.log(`${label}: the reopened host had stopped (${e instanceof Error ? e.message : String(e)}); reopening once more`);
    await untilStopped(p);
    expectOk(await enclave.handle(p.window, 'reopenProfile', undefined), `${label}: reopen after a stopped reopen`);
    return call<TableInfo[]>(p.window, 'listTables');
  }
}

/** Reopens the profile from its window (main's recovery path) and checks what the kill left. */
async function reopenAndVerify(kind: Kind, label: string): Promise<void> {
  const p = profiles.get(kind)!;
  assert.equal(enclave.hostPid(p.id), null, `${label}: reopening before main has seen the killed host stop (a no-op reopen)`);
  expectOk(await enclave.handle(p.window, 'reopenProfile', undefined), `${label}: reopenProfile`);
  totals.reopened++;
  const dir = profileDir(dataDir, p.id);
  try {
    const db = new Database(path.join(dir, SQLITE_FILE), { fileMustExist: true, readonly: true });
    try {
      assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', 'integrity_check');
      const task = db.prepare('SELECT version, title FROM tasks WHERE id = ?');
      for (const [id, want] of p.tasks) {
        const row = task.get(id) as { version: number; title: string } | undefined;
        assert.ok(row, `acknowledged task ${id} is missing`);
        assert.ok(row.version >= want.version, `task ${id} went back from v${want.version} to v${row.version}`);
        if (row.version === want.version) assert.equal(row.title, want.title);
      }
      const note = db.prepare('SELECT version, body, deleted_at FROM notes WHERE id = ?');
      for (const [id, want] of p.notes) {
        const row = note.get(id) as { version: number; body: string } | undefined;
        assert.ok(row, `acknowledged note ${id} is missing`);
        assert.ok(row.version >= want.version, `note ${id} went back from v${want.version} to v${row.version}`);
        if (row.version === want.version) assert.equal(row.body, want.body, `note ${id} v${row.version}`);
      }
      totals.acknowledged += p.tasks.size + p.notes.size;
      // The Trash is emptied in one transaction: after a kill, all of it or none of it.
      if (p.trashed.size > 0) {
        const left = [...p.trashed].filter((id) => (note.get(id) as { deleted_at: string | null } | undefined)?.deleted_at);
        assert.ok(left.length === 0 || left.length === p.trashed.size, `${left.length} of ${p.trashed.size} trashed notes left: a half-emptied Trash`);
        if (left.length === 0) p.trashed.clear();
      }
    } finally {
      db.close();
    }
    const tables = await listTablesAfterReopen(p, label);
    const orders = tables.find((t) => t.name === 'orders');
    if (p.importAcknowledged) assert.ok(orders, 'the acknowledged import is missing');
    if (orders) assert.equal(orders.rowCount, CSV_ROWS, 'a partial imported table');
    assert.deepEqual(fs.readdirSync(path.join(dir, STAGING_DIR)), [], 'staging leftovers');
  } catch (e) {
    failures.push(`${label}: ${e instanceof Error ? e.message : String(e)}`);
  }
}

test('a host killed just after it answered: reopened once main has seen it stop, its first call is answered by a new host', async () => {
  // A profile of its own, so that this kill does not count against the trials' crash backoff.
  const window = 100;
  const id = (await enclave.profiles.create({ name: 'Host crash after an answer' })).id;
  expectOk(await enclave.handle(window, 'unlockProfile', { profileId: id }));
  const p: ProfileState = { id, window, tasks: new Map(), notes: new Map(), note: null, trashed: new Set(), importAcknowledged: false };
  const pid = hostPid(p);
  // Answered, then killed: what the deletion trial meets when its SIGKILL lands just after the commit.
  await call<Task>(window, 'createTask', { title: 'answered before the kill' });
  process.kill(pid, 'SIGKILL');
  await untilStopped(p);
  expectOk(await enclave.handle(window, 'reopenProfile', undefined), 'reopenProfile');
  assert.notEqual(hostPid(p), pid, 'a new host');
  expectOk(await enclave.handle(window, 'listTables', undefined), 'the first call after the reopen');
  const tasks = expectOk<{ items: { title: string }[] }>(await enclave.handle(window, 'listTasks', {}), 'listTasks');
  assert.ok(tasks.items.some((t) => t.title === 'answered before the kill'));
  await enclave.lockWindow(window, 'user');
});

test(`profile hosts killed with SIGKILL mid-write (${TRIALS} trials of writes, import, deletion) lose no acknowledged write`, { timeout: 600_000 }, async () => {
  console.log(`host crash seed: ${SEED} (CRASH_SEED=${SEED} repeats it)`);
  for (let trial = 1; trial <= TRIALS; trial++) {
    for (const kind of KINDS) {
      await runTrial(kind, trial);
      await reopenAndVerify(kind, `${kind} trial ${trial}`);
    }
  }
  console.log(
    `host kills: ${totals.kills}, mid-import: ${totals.killsMidImport} of ${totals.aimedAtImport} aimed, ` +
      `mid-deletion: ${totals.killsMidDeletion} of ${totals.aimedAtDeletion} aimed, reopened: ${totals.reopened}, ` +
      `acknowledged writes checked: ${totals.acknowledged}, hosts found stopped before a trial: ${totals.foundStopped}, reopened hosts found stopped: ${totals.stoppedAfterReopen}, failures: ${failures.length}`,
  );
  assert.deepEqual(failures, []);
  assert.equal(totals.kills, TRIALS * KINDS.length);
  if (KINDS.includes('import')) {
    // A report can come just before the end on a loaded machine; most aimed kills must land inside.
    assert.ok(
      totals.killsMidImport > 0 && totals.killsMidImport * 2 >= totals.aimedAtImport,
      `kills mid-import: ${totals.killsMidImport} of ${totals.aimedAtImport}`,
    );
  }
  if (KINDS.includes('deletion')) {
    // The probe can miss a short transaction on a loaded machine; most aimed kills must land inside.
    assert.ok(
      totals.killsMidDeletion > 0 && totals.killsMidDeletion * 2 >= totals.aimedAtDeletion,
      `kills mid-deletion: ${totals.killsMidDeletion} of ${totals.aimedAtDeletion}`,
    );
  }
  assert.ok(totals.acknowledged > 0, 'writes were acknowledged and checked');
  for (const p of profiles.values()) assert.ok(p.tasks.size + p.notes.size > 0, 'every profile acknowledged writes');
});
