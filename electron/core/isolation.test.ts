// The isolation suite: what people who share a computer worry about. Two profiles,
// real keychain, real databases, real workers; one window must never reach the other's data.
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CHANNEL_NAMES, type EventName } from '../../shared/contract.js';
import type { ProfileOverview, ProfileSummary, SessionInfo } from '../../shared/profiles/profiles.js';
import { openEnclave, type Enclave, type EventSink } from './enclave.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from './paths.js';
import { Registry } from './registry/registry.js';
import { ProfileWorkerClient } from './storage/profile-worker-client.js';
import { channelSamples, FOREIGN_ITEMS, type SampleContext } from './testing/channel-samples.js';
import { dataChecksum, sqliteDump } from './testing/db-checksum.js';
import { readToken } from './testing/file-tokens.js';
import { buildModule, runCliProcess, runScript } from './testing/cli-process.js';
import { ManualClock } from './testing/manual-clock.js';
import { expectError, expectOk } from './testing/results.js';
import { makeTempDir, removeTempDir } from './testing/temp-dir.js';
import { testKeychain } from './testing/test-keychain.js';

const keychain = testKeychain('isolation');
const dataDir = makeTempDir();
const filesDir = makeTempDir();
const clock = new ManualClock();

type Pushed = [windowId: number, event: EventName, payload: unknown];
const pushed: Pushed[] = [];
const sink: EventSink = (windowId, event, payload) => void pushed.push([windowId, event, payload]);
const drainEvents = () => pushed.splice(0);
const locked = (windowId: number, reason: string): Pushed => [windowId, 'sessionLocked', { reason }];

// Watch worker starts and closes, to see sharing without reaching into Sessions.
const workerLog: string[] = [];
const originalStart = ProfileWorkerClient.start;

let enclave: Enclave;
const A = { name: 'Alice Isolation', password: 'alice password 1', id: '' };
const B = { name: 'Bob Isolation', password: 'bob password 22', id: '' };
const B_MARKER = 'bobprivatemarker7f3a';
const A_MARKER = 'aliceprivatemarker19c2';
const B_TABLE = 'bob_secret';
/** B's items, seeded straight into B's data.sqlite; A's items have other ids. */
const B_ITEMS = FOREIGN_ITEMS;
/** A's counts once the channel loop has added its own items (it creates some in A, never in B). */
let aCounts: ProfileOverview['counts'];
/** B's counts once filled: the seeded item of each kind, three more each, one each in the Trash. */
const B_COUNTS = { tasks: 3, notes: 3, events: 3, tables: 2 };
const sampleContext = (freshName: string): SampleContext => ({
  otherProfileId: B.id,
  otherItems: B_ITEMS,
  otherText: B_MARKER,
  otherTable: B_TABLE,
  otherFile: path.join(profileDir(dataDir, B.id), SQLITE_FILE),
  freshName,
});

const W_A = 1;
const W_B = 2;
const W_A2 = 3;
const W_NONE = 4;

const unlock = (windowId: number, profileId: string, password?: string) =>
  enclave.handle(windowId, 'unlockProfile', password === undefined ? { profileId } : { profileId, password });
const overview = async (windowId: number) => expectOk<ProfileOverview>(await enclave.handle(windowId, 'profileOverview', undefined));
const sessionName = async (windowId: number) =>
  expectOk<SessionInfo | null>(await enclave.handle(windowId, 'currentSession', undefined))?.name ?? null;

function seed(profileId: string, sql: string) {
  const db = new Database(path.join(profileDir(dataDir, profileId), SQLITE_FILE));
  try {
    db.exec(sql);
  } finally {
    db.close();
  }
}

async function seedDuckdb(profileId: string, sql: string) {
  const instance = await DuckDBInstance.create(path.join(profileDir(dataDir, profileId), DUCKDB_FILE));
  try {
    const conn = await instance.connect();
    try {
      await conn.run(sql);
      await conn.run('CHECKPOINT');
    } finally {
      conn.closeSync();
    }
  } finally {
    instance.closeSync();
  }
}

/**
 * Data in every table of a profile, through its own window: tasks, notes and events (one of
 * each in the Trash), an imported table, a query history, a backup, audit entries. A call
 * misrouted to this profile, even one that carries no id (emptyTrash), then has something to change.
 */
async function fillEverything(windowId: number, tag: string): Promise<void> {
  const call = async <T>(channel: string, input?: unknown) => expectOk<T>(await enclave.handle(windowId, channel, input), `${tag} ${channel}`);
  const made: Record<string, string[]> = { Task: [], Note: [], Event: [] };
  for (let i = 0; i < 3; i++) {
    made.Task!.push((await call<{ id: string }>('createTask', { title: `${tag} task ${i}`, tags: [tag] })).id);
    made.Note!.push((await call<{ id: string }>('createNote', { title: `${tag} note ${i}`, body: `${tag} body ${i}` })).id);
    made.Event!.push(
      (await call<{ id: string }>('createEvent', { title: `${tag} event ${i}`, start: '2030-01-05T10:00:00Z', end: '2030-01-05T11:00:00Z', timeZone: 'UTC' })).id,
    );
  }
  for (const kind of ['Task', 'Note', 'Event']) await call(`delete${kind}`, { id: made[kind]![0] });
  const csv = path.join(filesDir, `${tag}.csv`);
  fs.writeFileSync(csv, `id,label\n1,${tag} one\n2,${tag} two\n`);
  await call('startImport', { file: readToken(enclave, csv, windowId), table: `${tag}_imported` });
  await call('runQuery', { sql: `SELECT count(*) FROM ${tag}_imported` });
  await call('backupNow');
}

/**
 * B as checked while its worker holds its files: every table of data.sqlite (read beside the
 * worker through WAL) and, through B's own window, its DuckDB tables, query history and backups.
 */
async function bWhileOpen(): Promise<string> {
  const read = async (channel: string, input?: unknown) => expectOk(await enclave.handle(W_B, channel, input), `B ${channel}`);
  return JSON.stringify({
    sqlite: sqliteDump(path.join(profileDir(dataDir, B.id), SQLITE_FILE)),
    tables: await read('listTables'),
    history: await read('listQueryHistory', {}),
    backups: await read('listBackups'),
    trash: await read('listTrash', {}),
    files: fs.readdirSync(profileDir(dataDir, B.id), { recursive: true }).map(String).filter((f) => !/-(wal|shm)$|\.wal$/.test(f)).sort(),
  });
}

before(async () => {
  enclave = await openEnclave({ dataDir, secrets: keychain.store, clock, events: sink });
  A.id = expectOk<ProfileSummary>(await enclave.handle(W_A, 'createProfile', { name: A.name, password: A.password })).id;
  B.id = expectOk<ProfileSummary>(await enclave.handle(W_B, 'createProfile', { name: B.name, password: B.password })).id;
  // Each profile gets data of its own, written while no worker holds it.
  const at = '2030-01-01T00:00:00.000Z';
  seed(
    A.id,
    `INSERT INTO notes (id, title, created_at, updated_at) VALUES
       ('01890a5d-ac96-774b-bcce-b302099a0001', '${A_MARKER}', '${at}', '${at}'),
       ('01890a5d-ac96-774b-bcce-b302099a0002', 'second', '${at}', '${at}')`,
  );
  seed(
    B.id,
    `INSERT INTO tasks (id, title, position, created_at, updated_at) VALUES ('${B_ITEMS.task}', '${B_MARKER} task', 1, '${at}', '${at}');
     INSERT INTO notes (id, title, body, created_at, updated_at) VALUES ('${B_ITEMS.note}', '${B_MARKER} note', '${B_MARKER}', '${at}', '${at}');
     INSERT INTO events (id, title, start_at, end_at, time_zone, created_at, updated_at)
       VALUES ('${B_ITEMS.event}', '${B_MARKER} event', '2030-01-02T10:00:00Z', '2030-01-02T11:00:00Z', 'UTC', '${at}', '${at}')`,
  );

  await seedDuckdb(B.id, `CREATE TABLE ${B_TABLE} AS SELECT '${B_MARKER} row' AS v`);

  ProfileWorkerClient.start = async (dir: string) => {
    const id = path.basename(dir);
    workerLog.push(`start ${id}`);
    const worker = await originalStart.call(ProfileWorkerClient, dir);
    const close = worker.close.bind(worker);
    worker.close = () => {
      workerLog.push(`close ${id}`);
      return close();
    };
    return worker;
  };
});

after(async () => {
  ProfileWorkerClient.start = originalStart;
  await enclave.close();
  await keychain.clear();
  removeTempDir(dataDir);
  removeTempDir(filesDir);
});

describe('two profiles, two windows', () => {
  test('each window unlocks its own profile and sees only its own name and data', async () => {
    assert.equal(expectOk<SessionInfo>(await unlock(W_A, A.id, A.password)).name, A.name);
    assert.equal(expectOk<SessionInfo>(await unlock(W_B, B.id, B.password)).name, B.name);
    assert.deepEqual(drainEvents(), []);

    const a = await overview(W_A);
    const b = await overview(W_B);
    assert.equal(a.name, A.name);
    assert.deepEqual(a.counts, { tasks: 0, notes: 2, events: 0, tables: 0 });
    assert.equal(b.name, B.name);
    assert.deepEqual(b.counts, { tasks: 1, notes: 1, events: 1, tables: 1 });

    // From here on both profiles hold data in every table, the Trash included.
    await fillEverything(W_A, 'alpha');
    await fillEverything(W_B, 'bravo');
    assert.deepEqual((await overview(W_B)).counts, B_COUNTS);
    assert.equal(expectOk<{ items: unknown[] }>(await enclave.handle(W_B, 'listTrash', {})).items.length, 3);
    drainEvents();
    assert.equal(await sessionName(W_A), A.name);
    assert.equal(await sessionName(W_B), B.name);
    assert.equal(await sessionName(W_NONE), null);
  });

  test("one profile's password does not unlock the other", async () => {
    expectError(await unlock(W_NONE, A.id, B.password), 'AUTH_FAILED');
    expectError(await unlock(W_NONE, B.id, A.password), 'AUTH_FAILED');
    // A failed attempt from a bound window leaves it bound to its own profile.
    expectError(await unlock(W_A, B.id, A.password), 'AUTH_FAILED');
    assert.equal(await sessionName(W_A), A.name);
    assert.equal(await sessionName(W_NONE), null);
    assert.deepEqual(drainEvents(), []);
  });

  test("a window bound to A reaches none of B's name or data through any channel", async () => {
    // Ids are not on the list: every window learns profile ids from the picker, and B's item
    // ids and paths are the caller's own input, which errors and query history may name back.
    // B's full content (DuckDB rows included) needs B's files closed: before and after the loop.
    await enclave.lockWindow(W_B, 'user');
    const bClosed = await dataChecksum(dataDir, B.id);
    expectOk(await unlock(W_B, B.id, B.password));
    const bBefore = await overview(W_B);
    const bState = await bWhileOpen();
    drainEvents();
    for (const name of CHANNEL_NAMES) {
      if ((await sessionName(W_A)) !== A.name) expectOk(await unlock(W_A, A.id, A.password));
      const input = channelSamples[name](sampleContext(`Carol via ${name}`));
      const result = await enclave.handle(W_A, name, input);
      // renameProfile renames A itself; the checks below want A's own name back.
      if (name === 'renameProfile') expectOk(await enclave.handle(W_A, 'renameProfile', { name: A.name }));
      const text = JSON.stringify(result);
      const leaks = [B.name, B_MARKER];
      if (name === 'listProfiles') {
        // The picker lists every profile by design, but only its summary: no data of any profile.
        const summaries = expectOk<ProfileSummary[]>(result);
        for (const s of summaries) {
          assert.deepEqual(Object.keys(s).sort(), ['color', 'createdAt', 'hasPassword', 'id', 'lastOpenedAt', 'name', 'unlockBlockedUntil']);
        }
        assert.ok(!text.includes(B_MARKER) && !text.includes(A_MARKER));
      } else {
        for (const leak of leaks) assert.ok(!text.includes(leak), `${name} returned ${leak}: ${text}`);
      }
      if (name !== 'lockSession') assert.equal(await sessionName(W_A), A.name, `${name} kept window A on A`);
      // B, with data in every table and open in its own window, is exactly as it was.
      assert.equal(await sessionName(W_B), B.name, `${name} kept window B on B`);
      assert.equal(await bWhileOpen(), bState, `${name} from A's window changed B`);
    }
    expectOk(await unlock(W_A, A.id, A.password));
    assert.equal((await overview(W_A)).name, A.name);
    // B's data is as it was, and whatever the calls announced went to A's window only.
    assert.deepEqual(await overview(W_B), bBefore);
    aCounts = (await overview(W_A)).counts;
    const pushedTo = new Set(drainEvents().map(([windowId]) => windowId));
    assert.ok(!pushedTo.has(W_B) && !pushedTo.has(W_NONE), [...pushedTo].join());
    await enclave.lockWindow(W_B, 'user');
    const bAfter = await dataChecksum(dataDir, B.id);
    assert.deepEqual(bAfter.summary, bClosed.summary);
    assert.deepEqual([bAfter.sqlite, bAfter.duckdb], [bClosed.sqlite, bClosed.duckdb], "B's files have the same content");
    expectOk(await unlock(W_B, B.id, B.password));
    drainEvents();
  });

  test("passing B's id as an extra key is INVALID_INPUT on every channel", async () => {
    for (const name of CHANNEL_NAMES) {
      const sample = channelSamples[name](sampleContext('Never created'));
      const attempts =
        sample === undefined
          ? [{ profileId: B.id }, { id: B.id }]
          : [
              // unlockProfile takes a profileId of its own, so there the id rides in other keys.
              ...('profileId' in sample ? [] : [{ ...sample, profileId: B.id }]),
              { ...sample, id: B.id },
              { ...sample, targetProfileId: B.id },
            ];
      for (const input of attempts) {
        expectError(await enclave.handle(W_A, name, input), 'INVALID_INPUT', `${name} ${JSON.stringify(input)}`);
      }
    }
    assert.equal((await overview(W_A)).name, A.name);
    assert.ok(!expectOk<ProfileSummary[]>(await enclave.handle(W_A, 'listProfiles', undefined)).some((p) => p.name === 'Never created'));
  });
});

describe('push events', () => {
  test('sessionLocked reaches only the window that was locked', async () => {
    drainEvents();
    await enclave.lockWindow(W_B, 'user');
    assert.deepEqual(drainEvents(), [locked(W_B, 'user')]);
    await enclave.lockWindow(W_NONE, 'user');
    assert.deepEqual(drainEvents(), [], 'a window bound to nothing hears nothing');
    assert.equal((await overview(W_A)).name, A.name, 'A is untouched');

    expectOk(await unlock(W_B, B.id, B.password));
    expectOk(await enclave.handle(W_B, 'lockSession', undefined));
    assert.deepEqual(drainEvents(), [locked(W_B, 'user')]);
  });

  test('switching a window to another profile tells only that window', async () => {
    expectOk(await unlock(W_B, A.id, A.password));
    expectOk(await unlock(W_B, B.id, B.password));
    assert.deepEqual(drainEvents(), [locked(W_B, 'switch')]);
    assert.equal((await overview(W_B)).name, B.name);
    assert.equal((await overview(W_A)).name, A.name);
  });

  test('lockAll tells each bound window once, and no other', async () => {
    await enclave.lockAll('system');
    const got = drainEvents().sort((x, y) => x[0] - y[0]);
    assert.deepEqual(got, [locked(W_A, 'system'), locked(W_B, 'system')]);
    expectError(await enclave.handle(W_A, 'profileOverview', undefined), 'LOCKED');
    expectError(await enclave.handle(W_B, 'profileOverview', undefined), 'LOCKED');
  });
});

describe('workers', () => {
  test('two windows on one profile share one worker; locking one keeps the other working', async () => {
    workerLog.length = 0;
    drainEvents();
    expectOk(await unlock(W_A, A.id, A.password));
    expectOk(await unlock(W_A2, A.id, A.password));
    assert.deepEqual(workerLog, [`start ${A.id}`]);

    await enclave.lockWindow(W_A, 'user');
    assert.deepEqual(workerLog, [`start ${A.id}`], 'the worker stays open for the other window');
    assert.deepEqual((await overview(W_A2)).counts, aCounts);
    expectError(await enclave.handle(W_A, 'profileOverview', undefined), 'LOCKED');
    assert.deepEqual(drainEvents(), [locked(W_A, 'user')]);
  });

  test('locking the last window closes the worker', async () => {
    await enclave.lockWindow(W_A2, 'idle');
    assert.deepEqual(workerLog, [`start ${A.id}`, `close ${A.id}`]);
    assert.deepEqual(drainEvents(), [locked(W_A2, 'idle')]);
    // A fresh unlock starts a fresh worker.
    expectOk(await unlock(W_A, A.id, A.password));
    assert.equal((await overview(W_A)).name, A.name);
    await enclave.lockWindow(W_A, 'user');
    assert.deepEqual(workerLog.slice(2), [`start ${A.id}`, `close ${A.id}`]);
  });
});

describe('after a full restart in a new process', () => {
  before(async () => {
    await enclave.close();
    const registry = Registry.open(dataDir, clock);
    try {
      const locked = registry.auditLog().filter((e) => e.event === 'locked');
      assert.ok(locked.some((e) => e.profileId === A.id) && locked.some((e) => e.profileId === B.id));
    } finally {
      registry.close();
    }
  });

  test('the CLI lists both profiles', async () => {
    const r = await runCliProcess(['profile', 'list', '--json', '--data-dir', dataDir], {
      env: { ENCLAVE_KEYCHAIN_SERVICE: keychain.service },
    });
    assert.equal(r.code, 0, r.stderr);
    const names = (JSON.parse(r.stdout) as ProfileSummary[]).map((p) => p.name);
    assert.ok(names.includes(A.name) && names.includes(B.name), names.join());
  });

  test("each profile's data is still there and still separate", async () => {
    const script = `
      const { openEnclave } = await import(${JSON.stringify(buildModule('electron/core/enclave.js'))});
      const { keytarStore } = await import(${JSON.stringify(buildModule('electron/core/keychain/keytar-store.js'))});
      const input = JSON.parse(process.env.ISOLATION_INPUT);
      const enclave = await openEnclave({ dataDir: input.dataDir, secrets: keytarStore(input.service) });
      try {
        const out = {};
        out.crossUnlock = await enclave.handle(3, 'unlockProfile', { profileId: input.a, password: input.bPassword });
        out.a = await enclave.handle(1, 'unlockProfile', { profileId: input.a, password: input.aPassword });
        out.b = await enclave.handle(2, 'unlockProfile', { profileId: input.b, password: input.bPassword });
        out.aOverview = await enclave.handle(1, 'profileOverview');
        out.bOverview = await enclave.handle(2, 'profileOverview');
        process.stdout.write(JSON.stringify(out));
      } finally {
        await enclave.close();
      }
    `;
    const r = await runScript(script, {
      env: {
        ISOLATION_INPUT: JSON.stringify({
          dataDir,
          service: keychain.service,
          a: A.id,
          b: B.id,
          aPassword: A.password,
          bPassword: B.password,
        }),
      },
    });
    assert.equal(r.code, 0, r.stderr);
    const out = JSON.parse(r.stdout) as Record<string, { ok: boolean; value?: ProfileOverview; error?: { code: string } }>;
    assert.equal(out.crossUnlock!.error?.code, 'AUTH_FAILED');
    assert.ok(out.a!.ok && out.b!.ok, r.stdout);
    assert.equal(out.aOverview!.value!.name, A.name);
    assert.deepEqual(out.aOverview!.value!.counts, aCounts);
    assert.equal(out.bOverview!.value!.name, B.name);
    assert.deepEqual(out.bOverview!.value!.counts, B_COUNTS);
  });
});
