// Crash safety: real writers in child processes (crash-writer.ts) are killed with
// SIGKILL at random moments, then the data directory is opened again as the next
// start of the app would. After every trial: every database opens, integrity_check
// is ok, every acknowledged write is there (at least at its acknowledged version), no
// imported table is partial, staging holds no leftovers, and no half-created or
// half-deleted profile survives.
//
// The seed is printed; CRASH_SEED=<n> repeats a run's choices (the kill moments
// themselves depend on the machine's speed).
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { TableInfo } from '../../shared/analytics.js';
import type { ProfileSummary } from '../../shared/profiles.js';
import { STAGING_DIR } from './analytics/sandbox.js';
import { openEnclave } from './enclave.js';
import { profileDir, profilesRoot, SQLITE_FILE } from './paths.js';
import { REGISTRY_FILE } from './registry/registry.js';
import { sha256, type CrashAck } from './testing/crash-ack.js';
import { ManualClock } from './testing/manual-clock.js';
import { mulberry32 } from './testing/prng.js';
import { expectOk } from './testing/results.js';
import { makeTempDir, removeTempDir } from './testing/temp-dir.js';
import { testKeychain } from './testing/test-keychain.js';

const SEED = Number(process.env.CRASH_SEED ?? 20261123);
const DATA_TRIALS = Number(process.env.CRASH_TRIALS ?? 50);
const PROFILE_TRIALS = 10;
const CSV_ROWS = 100_000;
const WRITER = fileURLToPath(new URL('./testing/crash-writer.js', import.meta.url));

const keychain = testKeychain('crash');
const dataDir = makeTempDir();
const sourceDir = makeTempDir();
const csv = path.join(sourceDir, 'orders.csv');
const random = mulberry32(SEED);
const between = (lo: number, hi: number) => Math.round(lo + random() * (hi - lo));
let profileId = '';

/** The next start of the app: its clock is hours ahead, so leftovers of any age count as stale. */
const restart = () => openEnclave({ dataDir, secrets: keychain.store, clock: new ManualClock(new Date(Date.now() + 3 * 3600_000).toISOString()) });

before(async () => {
  // A few MB, so that kills land mid-import in a good share of the trials.
  const lines = ['id,customer,amount,day'];
  for (let i = 0; i < CSV_ROWS; i++) lines.push(`${i},customer ${i % 977},${(i * 7.31).toFixed(2)},2024-01-${String(1 + (i % 28)).padStart(2, '0')}`);
  fs.writeFileSync(csv, `${lines.join('\n')}\n`);
  const enclave = await openEnclave({ dataDir, secrets: keychain.store });
  profileId = (await enclave.profiles.create({ name: 'Writer' })).id;
  await enclave.close();
});

after(async () => {
  await keychain.clear();
  removeTempDir(dataDir);
  removeTempDir(sourceDir);
});

interface Run {
  acks: CrashAck[];
  killedBy: NodeJS.Signals | null;
  stderr: string;
}

/** Runs the writer and kills it `delayMs` after it is ready (or after spawning, with `duringStart`). */
function runAndKill(args: readonly string[], delayMs: number, duringStart: boolean): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [WRITER, ...args], { stdio: ['ignore', 'pipe', 'pipe'] });
    const acks: CrashAck[] = [];
    let pending = '';
    let stderr = '';
    let timer: NodeJS.Timeout | undefined;
    const arm = () => (timer ??= setTimeout(() => child.kill('SIGKILL'), delayMs));
    if (duringStart) arm();
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      pending += chunk;
      const lines = pending.split('\n');
      pending = lines.pop()!;
      for (const line of lines) {
        const ack = JSON.parse(line) as CrashAck;
        acks.push(ack);
        if (ack.kind === 'ready') arm();
      }
    });
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (_code, signal) => {
      clearTimeout(timer);
      resolve({ acks, killedBy: signal, stderr });
    });
  });
}

function checkSqlite(file: string): Database.Database {
  const db = new Database(file, { fileMustExist: true });
  assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', `${path.basename(file)} integrity_check`);
  return db;
}

const expected = { tasks: new Map<string, { version: number; title: string }>(), notes: new Map<string, { version: number; bodySha: string }>() };
let importsDone = 0;
let noteSaves = 0;
const totals = { trials: 0, killsMidImport: 0, killsDuringStart: 0, startsChecked: 0, acknowledgedChecked: 0, profileTrials: 0 };

/** The databases as the next start opens them: whole, with every acknowledged write. */
function verifySqlite(trial: number): void {
  checkSqlite(path.join(dataDir, REGISTRY_FILE)).close();
  const db = checkSqlite(path.join(profileDir(dataDir, profileId), SQLITE_FILE));
  try {
    const task = db.prepare('SELECT version, title FROM tasks WHERE id = ?');
    for (const [id, want] of expected.tasks) {
      const row = task.get(id) as { version: number; title: string } | undefined;
      assert.ok(row, `trial ${trial}: acknowledged task ${id} is missing`);
      assert.ok(row.version >= want.version, `trial ${trial}: task ${id} went back from version ${want.version} to ${row.version}`);
      if (row.version === want.version) assert.equal(row.title, want.title, `trial ${trial}: task ${id} v${row.version}`);
    }
    const note = db.prepare('SELECT version, body FROM notes WHERE id = ?');
    for (const [id, want] of expected.notes) {
      const row = note.get(id) as { version: number; body: string } | undefined;
      assert.ok(row, `trial ${trial}: acknowledged note ${id} is missing`);
      assert.ok(row.version >= want.version, `trial ${trial}: note ${id} went back from version ${want.version} to ${row.version}`);
      if (row.version === want.version) assert.equal(sha256(row.body), want.bodySha, `trial ${trial}: note ${id} v${row.version} body`);
    }
    totals.acknowledgedChecked += expected.tasks.size + expected.notes.size;
  } finally {
    db.close();
  }
}

/**
 * What a start found after the previous kill (the next writer's start is that start;
 * the test itself starts the app once more after the last trial): no staging
 * leftovers, and an imported table is whole, since an import is one transaction,
 * or else absent only if no import was ever acknowledged.
 */
function verifyStart(trial: number, found: { staging?: string[]; tables?: { name: string; rows: number | null }[] }): void {
  assert.deepEqual(found.staging, [], `trial ${trial}: staging leftovers after the restart`);
  for (const t of found.tables ?? []) assert.equal(t.rows, CSV_ROWS, `trial ${trial}: table ${t.name} holds ${t.rows} of ${CSV_ROWS} rows`);
  if (importsDone > 0) assert.ok(found.tables?.some((t) => t.name === 'orders'), `trial ${trial}: the acknowledged import is missing`);
  totals.startsChecked++;
}

test(`${DATA_TRIALS} writers killed with SIGKILL at random moments lose no acknowledged write`, { timeout: 600_000 }, async () => {
  console.log(`crash seed: ${SEED} (CRASH_SEED=${SEED} repeats it)`);
  for (let trial = 1; trial <= DATA_TRIALS; trial++) {
    // One trial in six is killed while the app starts (opening, migrating, recovering).
    const duringStart = random() < 1 / 6;
    const delay = duringStart ? between(50, 700) : between(50, 1500);
    const run = await runAndKill(['data', dataDir, keychain.service, profileId, csv, String(SEED + trial), String(trial)], delay, duringStart);
    assert.equal(run.killedBy, 'SIGKILL', `trial ${trial}: the writer stopped by itself:\n${run.stderr}`);
    totals.trials++;
    const ready = run.acks.find((a) => a.kind === 'ready');
    if (ready) verifyStart(trial, ready);
    else totals.killsDuringStart++;
    for (const ack of run.acks) {
      if (ack.kind === 'task') expected.tasks.set(ack.id, { version: ack.version, title: ack.title });
      if (ack.kind === 'note') {
        expected.notes.set(ack.id, { version: ack.version, bodySha: ack.bodySha });
        noteSaves++;
      }
      if (ack.kind === 'import') importsDone++;
    }
    if (run.acks.some((a) => a.kind === 'import-start') && !run.acks.some((a) => a.kind === 'import')) totals.killsMidImport++;
    verifySqlite(trial);
  }

  // The app's own start after the last kill, in this process.
  const enclave = await restart();
  try {
    expectOk(await enclave.handle(1, 'unlockProfile', { profileId }), 'unlock after the last kill');
    const tables = expectOk<TableInfo[]>(await enclave.handle(1, 'listTables', undefined), 'listTables');
    const staging = fs.readdirSync(path.join(profileDir(dataDir, profileId), STAGING_DIR));
    verifyStart(DATA_TRIALS + 1, { staging, tables: tables.map((t) => ({ name: t.name, rows: t.rowCount })) });
    expectOk(await enclave.handle(1, 'runQuery', { sql: 'SELECT count(*) FROM orders' }), 'a query after the last kill');
  } finally {
    await enclave.close();
  }
  console.log(
    `crash trials: ${totals.trials}, kills during start: ${totals.killsDuringStart}, kills mid-import: ${totals.killsMidImport}, ` +
      `imports completed: ${importsDone}, restarts checked: ${totals.startsChecked}, acknowledged writes checked: ${totals.acknowledgedChecked} ` +
      `(${expected.tasks.size} tasks, ${noteSaves} note autosaves), failures: 0`,
  );
  assert.ok(expected.tasks.size > 0 && expected.notes.size > 0 && importsDone > 0, 'the writers acknowledged writes and an import');
});

test(`${PROFILE_TRIALS} kills during profile creation and deletion leave no half-made profile`, { timeout: 300_000 }, async () => {
  const kept = new Set<string>();
  const deleted = new Set<string>();
  let createdCount = 0;
  let killsMidDeletion = 0;
  for (let trial = 1; trial <= PROFILE_TRIALS; trial++) {
    const run = await runAndKill(['profiles', dataDir, keychain.service, String(SEED + 1000 + trial), String(trial)], between(50, 3000), false);
    assert.equal(run.killedBy, 'SIGKILL', `profile trial ${trial}: the writer stopped by itself:\n${run.stderr}`);
    totals.profileTrials++;
    const madeNow = new Set<string>();
    let inDoubt: string | null = null; // deletion started, not acknowledged: either outcome is fine
    for (const ack of run.acks) {
      if (ack.kind === 'profile') {
        kept.add(ack.id);
        madeNow.add(ack.id);
        createdCount++;
      } else if (ack.kind === 'deleting') {
        kept.delete(ack.id);
        inDoubt = ack.id;
      } else if (ack.kind === 'deleted') {
        deleted.add(ack.id);
        inDoubt = null;
      }
    }

    if (inDoubt !== null) killsMidDeletion++;
    const enclave = await restart();
    try {
      const listed = new Set(expectOk<ProfileSummary[]>(await enclave.handle(1, 'listProfiles', undefined)).map((p) => p.id));
      assert.ok(listed.has(profileId), 'the data profile is still listed');
      for (const id of kept) assert.ok(listed.has(id), `profile trial ${trial}: created profile ${id} is missing`);
      for (const id of deleted) assert.ok(!listed.has(id), `profile trial ${trial}: deleted profile ${id} is listed again`);
      if (inDoubt !== null && listed.has(inDoubt)) kept.add(inDoubt);
      // Nothing on disk or in the keychain belongs to a profile that is not listed:
      // a half-created one was swept, a half-deleted one finished.
      const all = [...listed].sort();
      assert.deepEqual(fs.readdirSync(profilesRoot(dataDir)).sort(), all, `profile trial ${trial}: profile directories`);
      assert.deepEqual(await keychain.accounts(), all, `profile trial ${trial}: keychain entries`);
      // The profiles this trial made open, their databases whole.
      for (const id of madeNow) {
        if (!listed.has(id)) continue;
        expectOk(await enclave.handle(2, 'unlockProfile', { profileId: id }), `unlock ${id}`);
        checkSqlite(path.join(profileDir(dataDir, id), SQLITE_FILE)).close();
      }
    } finally {
      await enclave.close();
    }
  }
  console.log(
    `profile crash trials: ${totals.profileTrials}, profiles created: ${createdCount}, deleted: ${deleted.size}, kills mid-deletion: ${killsMidDeletion}, failures: 0`,
  );
});
