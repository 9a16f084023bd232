// Profile archives, automatic backups and damaged databases: real registry, real
// keychain, real SQLite/DuckDB files in temporary directories, real workers.
import { DuckDBInstance } from '@duckdb/node-api';
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { QueryResultInfo } from '../../../shared/analytics.js';
import type { ArchiveOutcome, BackupInfo, DamageReport } from '../../../shared/backups.js';
import type { ProfileOverview, ProfileSummary } from '../../../shared/profiles.js';
import { pageRows } from '../../../shared/wire.js';
import type { Enclave } from '../enclave.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from '../paths.js';
import { AppException } from '../../../shared/errors.js';
import { auditEvents } from '../testing/audit-events.js';
import { duckdbDump, sqliteDump } from '../testing/db-checksum.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { readToken, writeToken } from '../testing/file-tokens.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';
import { listTreeStable } from '../testing/temp-dir.js';
import { MANIFEST_NAME } from './archive.js';
import type { BackupPolicy } from './backup-files.js';
import { BLOCK, endOfArchive, fileHeader, padding } from './tar.js';

const fixture = enclaveFixture('backup');
const { keychain } = fixture;

async function setup(backups?: BackupPolicy) {
  const dataDir = fixture.tempDir();
  const outside = fixture.tempDir(); // where archives go: never inside the data dir
  const clock = new ManualClock();
  const enclave = await fixture.open({ dataDir, secrets: keychain.store, clock, ...(backups ? { backups } : {}) });
  return { dataDir, outside, clock, enclave };
}

const W = 1;
const PASSWORD = 'correct horse battery';
const create = async (enclave: Enclave, name: string, password = PASSWORD) =>
  expectOk<ProfileSummary>(await enclave.handle(W, 'createProfile', { name, password }), `create ${name}`);
const unlock = (enclave: Enclave, profileId: string, password = PASSWORD, windowId = W) =>
  enclave.handle(windowId, 'unlockProfile', { profileId, password });
const call = async <T>(enclave: Enclave, channel: string, input?: unknown, windowId = W) =>
  expectOk<T>(await enclave.handle(windowId, channel, input), channel);
const overview = (enclave: Enclave, windowId = W) => call<ProfileOverview>(enclave, 'profileOverview', undefined, windowId);
const names = async (enclave: Enclave) => (await call<ProfileSummary[]>(enclave, 'listProfiles')).map((p) => p.name).sort();

/** Some of everything: tasks, a note, an event and a DuckDB table. */
async function fill(enclave: Enclave, tag: string, windowId = W) {
  for (let i = 0; i < 5; i++) await call(enclave, 'createTask', { title: `${tag} task ${i}` }, windowId);
  await call(enclave, 'createNote', { title: `${tag} note`, body: `# ${tag}\nbody` }, windowId);
  await call(enclave, 'createEvent', { title: `${tag} event`, start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z', timeZone: 'UTC' }, windowId);
  await call(enclave, 'runQuery', { sql: `CREATE TABLE ${tag}_numbers AS SELECT range AS v, 'x' || range AS s FROM range(1000)` }, windowId);
}

const DATA_TABLES = ['tasks', 'notes', 'events'];

describe('export and restore', () => {
  test('round trip: a new profile with equal data and counts, its own id and keychain entry', async () => {
    const { dataDir, outside, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await fill(enclave, 'alice');
    const before = await overview(enclave);
    const file = path.join(outside, 'alice.enclave');
    const outcome = await call<ArchiveOutcome>(enclave, 'exportProfile', { file: writeToken(enclave, file) });
    assert.equal(outcome.bytes, fs.statSync(file).size);
    assert.equal(outcome.counts.sqlite.tasks, 5);
    assert.equal(outcome.counts.duckdb['main.alice_numbers'], 1000);
    assert.deepEqual(fs.readdirSync(outside), ['alice.enclave'], 'no partial file is left beside it');

    const copy = await call<ProfileSummary>(enclave, 'restoreProfile', { file: readToken(enclave, file), name: 'Alice copy', password: 'another password' });
    assert.notEqual(copy.id, alice.id);
    assert.equal(copy.hasPassword, true);
    expectError(await unlock(enclave, copy.id, PASSWORD, 2), 'AUTH_FAILED');
    expectOk(await unlock(enclave, copy.id, 'another password', 2));
    const after = await overview(enclave, 2);
    assert.deepEqual(after.counts, before.counts);
    assert.equal(after.name, 'Alice copy');
    assert.ok((await keychain.accounts()).includes(copy.id));
    assert.deepEqual(auditEvents(dataDir, alice.id).filter((e) => e === 'profile exported'), ['profile exported']);
    assert.ok(auditEvents(dataDir, copy.id).includes('profile restored'));

    await enclave.close();
    const a = profileDir(dataDir, alice.id);
    const c = profileDir(dataDir, copy.id);
    assert.deepEqual(sqliteDump(path.join(c, SQLITE_FILE), DATA_TABLES), sqliteDump(path.join(a, SQLITE_FILE), DATA_TABLES));
    assert.deepEqual(await duckdbDump(path.join(c, DUCKDB_FILE)), await duckdbDump(path.join(a, DUCKDB_FILE)));
  });

  test('exports go nowhere inside the data folder', async () => {
    const { dataDir, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    const denied = (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED';
    assert.throws(() => writeToken(enclave, path.join(dataDir, 'x.enclave')), denied);
    assert.throws(() => writeToken(enclave, path.join(profileDir(dataDir, alice.id), SQLITE_FILE)), denied);
    assert.throws(() => readToken(enclave, path.join(profileDir(dataDir, alice.id), SQLITE_FILE)), denied);
  });

  test('the snapshot is consistent while writes keep coming', async () => {
    const { outside, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await call(enclave, 'runQuery', { sql: 'CREATE TABLE seq (n INTEGER)' });
    let stop = false;
    let written = 0;
    // The writer resolves `reached` when it has written that many steps: the test waits on
    // the writes themselves, not on a sleep.
    const waiting: { n: number; resolve: () => void }[] = [];
    const reached = (n: number) => new Promise<void>((resolve) => (written >= n ? resolve() : waiting.push({ n, resolve })));
    // Tasks and DuckDB rows numbered in order; a consistent snapshot holds exactly a prefix of each.
    const writer = (async () => {
      while (!stop) {
        await call(enclave, 'createTask', { title: `n ${written}` });
        await call(enclave, 'runQuery', { sql: `INSERT INTO seq VALUES (${written})` });
        written++;
        for (const w of waiting.filter((x) => written >= x.n)) w.resolve();
      }
    })();
    await reached(20);
    const file = path.join(outside, 'busy.enclave');
    const outcome = await call<ArchiveOutcome>(enclave, 'exportProfile', { file: writeToken(enclave, file) });
    await reached(written + 5);
    stop = true;
    await writer;

    const copy = await call<ProfileSummary>(enclave, 'restoreProfile', { file: readToken(enclave, file), name: 'Busy copy' });
    expectOk(await unlock(enclave, copy.id, undefined, 2));
    const tasks = outcome.counts.sqlite.tasks!;
    const rows = outcome.counts.duckdb['main.seq']!;
    assert.ok(tasks >= 20 && tasks < written, `${tasks} of ${written} tasks`);
    // Each step writes the task first, then the row: the row count is the task count or one less.
    assert.ok(rows === tasks || rows === tasks - 1, `${rows} rows for ${tasks} tasks`);
    const page = await call<{ items: { title: string }[] }>(enclave, 'listTasks', { limit: 500 }, 2);
    assert.deepEqual(page.items.map((t) => t.title).sort(), Array.from({ length: tasks }, (_, i) => `n ${i}`).sort());
    // The restored DuckDB holds exactly the rows 0..rows-1, each once.
    const seq = await call<QueryResultInfo>(enclave, 'runQuery', { sql: 'SELECT count(*) AS c, count(DISTINCT n) AS d, max(n) AS m, min(n) AS lo FROM seq' }, 2);
    assert.deepEqual(pageRows(seq.firstPage), [[String(rows), String(rows), String(rows - 1), '0']]);
    const q = await call<{ firstPage: { rows?: unknown } }>(enclave, 'runQuery', { sql: `SELECT n FROM seq WHERE n >= ${rows} OR n < 0` }, 2);
    assert.equal((q as unknown as { totalRows: number }).totalRows, 0, 'no row past the prefix');
  });
});

// ---- tampering: archives rebuilt entry by entry ----

interface Entry {
  name: string;
  data: Buffer;
}

function readEntries(file: string): Entry[] {
  const buf = fs.readFileSync(file);
  const entries: Entry[] = [];
  let offset = 0;
  while (offset + BLOCK <= buf.length && !buf.subarray(offset, offset + BLOCK).every((b) => b === 0)) {
    const h = buf.subarray(offset, offset + BLOCK);
    const name = h.toString('utf8', 0, h.indexOf(0));
    const size = parseInt(h.toString('latin1', 124, 135), 8);
    entries.push({ name, data: Buffer.from(buf.subarray(offset + BLOCK, offset + BLOCK + size)) });
    offset += BLOCK + size + padding(size);
  }
  return entries;
}

function writeEntries(file: string, entries: Entry[]): void {
  const parts: Buffer[] = [];
  for (const e of entries) {
    const h = Buffer.alloc(BLOCK);
    // fileHeader refuses names with a slash; a hostile archive does not care, so write those by hand.
    if (e.name.includes('/')) {
      fileHeader('x', e.data.length, new Date()).copy(h);
      h.fill(0, 0, 100);
      h.write(e.name, 0, 'utf8');
      h.fill(0x20, 148, 156);
      let sum = 0;
      for (const b of h) sum += b;
      h.write(`${sum.toString(8).padStart(6, '0')}\0 `, 148, 'latin1');
    } else fileHeader(e.name, e.data.length, new Date()).copy(h);
    parts.push(h, e.data, Buffer.alloc(padding(e.data.length)));
  }
  parts.push(endOfArchive());
  fs.writeFileSync(file, Buffer.concat(parts));
}

const editManifest = (entries: Entry[], edit: (m: Record<string, unknown>) => void) =>
  entries.map((e) => {
    if (e.name !== MANIFEST_NAME) return e;
    const m = JSON.parse(e.data.toString('utf8')) as Record<string, unknown>;
    edit(m);
    return { name: e.name, data: Buffer.from(JSON.stringify(m)) };
  });

describe('a damaged or altered archive is refused and creates nothing', () => {
  test('every kind of tampering', async () => {
    const { dataDir, outside, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await fill(enclave, 'alice');
    const good = path.join(outside, 'good.enclave');
    await call(enclave, 'exportProfile', { file: writeToken(enclave, good) });
    const entries = readEntries(good);
    assert.deepEqual(entries.map((e) => e.name), [MANIFEST_NAME, SQLITE_FILE, DUCKDB_FILE]);
    const flip = (name: string) =>
      entries.map((e) => {
        if (e.name !== name) return e;
        const data = Buffer.from(e.data);
        data[Math.floor(data.length / 2)]! ^= 0xff;
        return { name, data };
      });

    const cases: Array<[what: string, make: (file: string) => void, message: RegExp]> = [
      ['a flipped byte in data.sqlite', (f) => writeEntries(f, flip(SQLITE_FILE)), /checksum mismatch for data\.sqlite/],
      ['a flipped byte in analytics.duckdb', (f) => writeEntries(f, flip(DUCKDB_FILE)), /checksum mismatch for analytics\.duckdb/],
      [
        'a manifest whose checksum was edited',
        (f) => writeEntries(f, editManifest(entries, (m) => ((m.files as { sha256: string }[])[0]!.sha256 = 'a'.repeat(64)))),
        /checksum mismatch/,
      ],
      ['a newer format', (f) => writeEntries(f, editManifest(entries, (m) => (m.formatVersion = 2))), /newer version of Enclave/],
      ['a manifest with an extra field', (f) => writeEntries(f, editManifest(entries, (m) => (m.extra = 1))), /manifest is malformed/],
      ['a truncated archive', (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, fs.statSync(good).size - 5000)), /truncated|data after|missing/],
      ['cut mid-header', (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, BLOCK + 100)), /truncated|not an Enclave archive/],
      ['an extra entry', (f) => writeEntries(f, [...entries, { name: 'extra.txt', data: Buffer.from('hi') }]), /unexpected entry "extra\.txt"/],
      ['a ../ entry', (f) => writeEntries(f, [...entries.slice(0, 2), { name: '../evil.sqlite', data: Buffer.from('x') }, entries[2]!]), /unexpected entry "\.\.\/evil\.sqlite"/],
      ['a duplicated entry', (f) => writeEntries(f, [...entries, entries[1]!]), /data\.sqlite twice/],
      ['a missing entry', (f) => writeEntries(f, entries.slice(0, 2)), /analytics\.duckdb is missing/],
      ['random bytes', (f) => fs.writeFileSync(f, randomBytes(10_000)), /not an Enclave archive/],
      ['an empty file', (f) => fs.writeFileSync(f, ''), /not an Enclave archive/],
      ['trailing data', (f) => fs.writeFileSync(f, Buffer.concat([fs.readFileSync(good), Buffer.from('junk'.repeat(300))])), /data after its end/],
      [
        'matching checksums over a file no database accepts',
        (f) => {
          const junk = randomBytes(8192);
          const forged = entries.map((e) => (e.name === SQLITE_FILE ? { name: e.name, data: junk } : e));
          writeEntries(f, editManifest(forged, (m) => {
            const spec = (m.files as { name: string; size: number; sha256: string }[]).find((x) => x.name === SQLITE_FILE)!;
            spec.size = junk.length;
            spec.sha256 = createHashHex(junk);
          }));
        },
        /data\.sqlite cannot be opened/,
      ],
    ];

    const before = { names: await names(enclave), tree: listTreeStable(path.join(dataDir, 'profiles')), keys: await keychain.accounts() };
    for (const [what, make, message] of cases) {
      const file = path.join(outside, 'bad.enclave');
      make(file);
      const error = expectError(await enclave.handle(W, 'restoreProfile', { file: readToken(enclave, file), name: 'Never restored' }), 'ARCHIVE_INVALID', what);
      assert.match(error.message, message, what);
      assert.doesNotMatch(error.message, new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), what);
      assert.deepEqual(await names(enclave), before.names, `${what}: no registry row`);
      assert.deepEqual(listTreeStable(path.join(dataDir, 'profiles')), before.tree, `${what}: no directory`);
      assert.deepEqual(await keychain.accounts(), before.keys, `${what}: no keychain entry`);
    }
    // The good archive still restores.
    expectOk(await enclave.handle(W, 'restoreProfile', { file: readToken(enclave, good), name: 'Restored' }));
  });
});

import { createHash } from 'node:crypto';
const createHashHex = (data: Buffer) => createHash('sha256').update(data).digest('hex');

describe('a crafted archive carrying hostile DuckDB objects', () => {
  // Issue 12, class 3: a macro shadowing a system function the app calls by name aborted
  // the app on restore. The analytics.duckdb of a good archive gets such macros, and views
  // and macros that call refused functions, with checksums to match: the restore verifies
  // through the sandboxed open, never aborts, and either refuses the archive (typed) or
  // gives a usable profile where those objects are dropped or refused; nothing is written
  // outside the data folder.
  test('restores without aborting; shadowing macros dropped, leaking objects refused, nothing written outside', async () => {
    const { outside, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await fill(enclave, 'alice');
    const good = path.join(outside, 'good.enclave');
    await call(enclave, 'exportProfile', { file: writeToken(enclave, good) });
    const entries = readEntries(good);

    const work = fixture.tempDir();
    const hijack = path.join(outside, 'hijacked-logs');
    const file = path.join(work, DUCKDB_FILE);
    fs.writeFileSync(file, entries.find((e) => e.name === DUCKDB_FILE)!.data);
    const logging = `enable_logging(storage = 'file', storage_path = '${hijack}')`;
    const instance = await DuckDBInstance.create(file);
    const conn = await instance.connect();
    for (const sql of [
      // Every system function the app's own SQL calls by name, shadowed.
      `CREATE MACRO pragma_database_size() AS TABLE SELECT 'evil' AS database_name, 0 AS used_blocks, 1 AS block_size FROM ${logging}`,
      `CREATE MACRO duckdb_tables() AS TABLE SELECT * FROM ${logging}`,
      `CREATE MACRO duckdb_columns() AS TABLE SELECT * FROM ${logging}`,
      `CREATE MACRO duckdb_views() AS TABLE SELECT * FROM ${logging}`,
      `CREATE MACRO pragma_storage_info(t) AS TABLE SELECT * FROM ${logging}`,
      `CREATE MACRO current_database() AS (SELECT 'evil' FROM ${logging})`,
      `CREATE MACRO count_star() AS (SELECT count(*) FROM ${logging}) + 1000`,
      `CREATE MACRO lower(x) AS (SELECT 'x' FROM ${logging})`,
      // Objects that leak the path or write files when queried.
      `CREATE VIEW crafted_leak AS SELECT current_setting('temp_directory') AS p`,
      `CREATE VIEW crafted_databases AS SELECT path FROM duckdb_databases()`,
      `CREATE MACRO crafted_logger() AS TABLE SELECT * FROM ${logging}`,
    ]) {
      await conn.run(sql);
    }
    conn.closeSync();
    instance.closeSync();
    const crafted = fs.readFileSync(file);
    const forged = editManifest(
      entries.map((e) => (e.name === DUCKDB_FILE ? { name: e.name, data: crafted } : e)),
      (m) => {
        const spec = (m.files as { name: string; size: number; sha256: string }[]).find((x) => x.name === DUCKDB_FILE)!;
        spec.size = crafted.length;
        spec.sha256 = createHashHex(crafted);
      },
    );
    const archive = path.join(outside, 'crafted.enclave');
    writeEntries(archive, forged);
    const outsideBefore = listTreeStable(outside);

    const restored = await enclave.handle(W, 'restoreProfile', { file: readToken(enclave, archive), name: 'Crafted', password: PASSWORD });
    if (!restored.ok) {
      // A typed refusal is an allowed outcome, as long as nothing was created.
      assert.equal(restored.error.code, 'ARCHIVE_INVALID', restored.error.message);
      assert.ok(!(await names(enclave)).includes('Crafted'));
    } else {
      const profile = restored.value as ProfileSummary;
      expectOk(await unlock(enclave, profile.id, PASSWORD, 2));
      // The app's own queries answer from DuckDB's functions, not the crafted macros.
      const ov = await overview(enclave, 2);
      assert.equal(ov.counts.tables, 1);
      const tables = await call<{ name: string; rowCount: number | null }[]>(enclave, 'listTables', undefined, 2);
      assert.deepEqual(tables.filter((t) => t.rowCount !== null).map((t) => [t.name, t.rowCount]), [['alice_numbers', 1000]]);
      const q = await call<QueryResultInfo>(enclave, 'runQuery', { sql: 'SELECT count(*), lower(\'ABC\') FROM alice_numbers' }, 2);
      assert.deepEqual(pageRows(q.firstPage), [['1000', 'abc']]);
      for (const sql of ['SELECT * FROM crafted_leak', 'SELECT * FROM crafted_databases', 'SELECT * FROM crafted_logger()']) {
        expectError(await enclave.handle(2, 'runQuery', { sql }), 'PERMISSION_DENIED', sql);
      }
      expectError(await enclave.handle(2, 'profileColumn', { table: 'crafted_leak', column: 'p' }), 'PERMISSION_DENIED');
      expectError(
        await enclave.handle(2, 'exportData', { source: { table: 'crafted_leak' }, format: 'csv', file: writeToken(enclave, path.join(outside, 'leak.csv'), 2) }),
        'PERMISSION_DENIED',
      );
      // The profile keeps working after all that (a fresh open included).
      expectOk(await enclave.handle(2, 'lockSession', undefined));
      expectOk(await unlock(enclave, profile.id, PASSWORD, 2));
      assert.equal((await overview(enclave, 2)).counts.tables, 1);
    }
    assert.equal(fs.existsSync(hijack), false, 'a crafted macro ran with file access');
    assert.deepEqual(listTreeStable(outside), outsideBefore, 'files appeared outside the data folder');
  });
});

describe('automatic backups', () => {
  test('made on unlock and every interval while open, the oldest beyond `keep` dropped', async () => {
    const DAY = 24 * 60 * 60 * 1000;
    const { dataDir, clock, enclave } = await setup({ intervalMs: DAY, keep: 3 });
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await enclave.backups.runDue();
    const list = () => call<BackupInfo[]>(enclave, 'listBackups');
    assert.equal((await list()).length, 1, 'the first unlock makes one');
    clock.advance(DAY - 1000);
    await enclave.backups.runDue();
    assert.equal((await list()).length, 1, 'not due yet');
    const created: string[] = [(await list())[0]!.createdAt];
    for (let i = 0; i < 4; i++) {
      clock.advance(DAY);
      await call(enclave, 'createTask', { title: `day ${i}` });
      await enclave.backups.runDue();
      created.push((await list())[0]!.createdAt);
    }
    const kept = await list();
    assert.deepEqual(kept.map((b) => b.createdAt), created.slice(-3).reverse(), 'the newest three, newest first');
    assert.ok(kept.every((b) => b.bytes > 0 && /^backup-[0-9TZ-]+\.enclave$/.test(b.id)));
    assert.equal(fs.readdirSync(path.join(profileDir(dataDir, alice.id), 'backups')).length, 3);

    // Any backup restores as a new profile.
    const restored = await call<ProfileSummary>(enclave, 'restoreBackup', { backupId: kept[2]!.id, name: 'Alice earlier' });
    expectOk(await unlock(enclave, restored.id, undefined, 2));
    assert.equal((await overview(enclave, 2)).counts.tasks, 2, 'the oldest kept backup was made after the second day');
    expectError(await enclave.handle(W, 'restoreBackup', { backupId: 'backup-1999-01-01T00-00-00-000Z.enclave', name: 'No' }), 'NOT_FOUND');

    // Locked: no more backups.
    expectOk(await enclave.handle(W, 'lockSession', undefined));
    clock.advance(10 * DAY);
    await enclave.backups.runDue();
    expectOk(await unlock(enclave, alice.id, PASSWORD, 3));
    // Unlocking again (10 days later) makes one at once.
    await enclave.backups.runDue();
    assert.equal((await call<BackupInfo[]>(enclave, 'listBackups', undefined, 3))[0]!.createdAt, clock.now().toISOString());
  });

  test('deleting a profile removes its backups with everything else', async () => {
    const { dataDir, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await call(enclave, 'backupNow');
    await call(enclave, 'backupNow');
    assert.equal((await call<BackupInfo[]>(enclave, 'listBackups')).length, 2);
    expectOk(await enclave.handle(W, 'deleteProfile', { profileId: alice.id, password: PASSWORD }));
    assert.deepEqual(fs.readdirSync(path.join(dataDir, 'profiles')), []);
    const leftovers = listTreeStable(dataDir).filter((p) => p.includes('backup') || p.endsWith('.enclave'));
    assert.deepEqual(leftovers, []);
  });
});

describe('every backup checks its snapshot with quick_check', () => {
  test('damage that opening does not look at (free pages lost from the freelist) fails the backup and the export: nothing is written', async () => {
    const { dataDir, outside, enclave } = await setup();
    const alice = await create(enclave, 'Alice');
    expectOk(await unlock(enclave, alice.id));
    await fill(enclave, 'alice');
    expectOk(await enclave.handle(W, 'lockSession', undefined));

    // Free pages, then a header that no longer lists them: opening, reading and counting every
    // table never visit those pages; only an integrity check (quick_check) sees them.
    const file = path.join(profileDir(dataDir, alice.id), SQLITE_FILE);
    const db = new Database(file);
    db.exec(`CREATE TABLE padding (b BLOB); WITH RECURSIVE n(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM n WHERE i < 40) INSERT INTO padding SELECT randomblob(3000) FROM n; DROP TABLE padding;`);
    assert.ok((db.pragma('freelist_count', { simple: true }) as number) > 10);
    db.close();
    const fd = fs.openSync(file, 'r+');
    fs.writeSync(fd, Buffer.alloc(8), 0, 8, 32); // first freelist trunk page and freelist count
    fs.closeSync(fd);
    const check = new Database(file, { readonly: true });
    assert.notEqual(check.pragma('quick_check', { simple: true }), 'ok', 'the damage is one quick_check reports');
    assert.ok((check.prepare('SELECT count(*) AS n FROM tasks').get() as { n: number }).n === 5, 'and one reading does not');
    check.close();

    expectOk(await unlock(enclave, alice.id));
    assert.equal((await overview(enclave)).counts.tasks, 5, 'the profile opens and reads as usual');
    assert.match(expectError(await enclave.handle(W, 'backupNow', undefined), 'STORAGE_ERROR').message, /damaged/);
    assert.deepEqual(await call<BackupInfo[]>(enclave, 'listBackups'), []);
    const target = path.join(outside, 'damaged.enclave');
    expectError(await enclave.handle(W, 'exportProfile', { file: writeToken(enclave, target) }), 'STORAGE_ERROR');
    assert.deepEqual(fs.readdirSync(outside), [], 'no archive, not even a partial one');
  });
});

describe('damaged databases', () => {
  const damages: Array<[file: string, how: 'truncated' | 'random bytes' | 'empty']> = [
    [SQLITE_FILE, 'truncated'],
    [SQLITE_FILE, 'random bytes'],
    [SQLITE_FILE, 'empty'],
    [DUCKDB_FILE, 'truncated'],
    [DUCKDB_FILE, 'random bytes'],
  ];

  for (const [index, [file, how]] of damages.entries()) {
    const recovery = index % 2 === 0 ? 'backup' : 'empty';
    test(`${how} ${file}: reported as damaged, others untouched, recovered from ${recovery === 'backup' ? 'a backup' : 'nothing (start empty)'}`, async () => {
      const { dataDir, enclave } = await setup();
      const alice = await create(enclave, 'Alice');
      const bob = await create(enclave, 'Bob', 'bob password 12');
      expectOk(await unlock(enclave, bob.id, 'bob password 12', 2));
      await fill(enclave, 'bob', 2);
      expectOk(await unlock(enclave, alice.id));
      await fill(enclave, 'alice');
      const backup = await call<BackupInfo>(enclave, 'backupNow');
      await call(enclave, 'createTask', { title: 'after the backup' });
      const healthy = await overview(enclave);
      expectOk(await enclave.handle(W, 'lockSession', undefined));

      const target = path.join(profileDir(dataDir, alice.id), file);
      const size = fs.statSync(target).size;
      if (how === 'truncated') fs.truncateSync(target, Math.floor(size / 2));
      else if (how === 'random bytes') fs.writeFileSync(target, randomBytes(size));
      else fs.truncateSync(target, 0);
      const damagedBytes = fs.readFileSync(target);

      const error = expectError(await unlock(enclave, alice.id), 'PROFILE_DAMAGED');
      assert.match(error.message, new RegExp(file.replace('.', '\\.')));
      assert.doesNotMatch(error.message, /\/tmp\//, 'no path in the message');
      assert.deepEqual(fs.readFileSync(target), damagedBytes, 'opening changed nothing');
      // Bob keeps working, in his window and in a new one.
      assert.equal((await overview(enclave, 2)).counts.tasks, 5);
      await call(enclave, 'createTask', { title: 'bob goes on' }, 2);
      expectOk(await unlock(enclave, bob.id, 'bob password 12', 3));

      expectError(await enclave.handle(W, 'inspectDamagedProfile', { profileId: alice.id, password: 'wrong password' }), 'AUTH_FAILED');
      const report = await call<DamageReport>(enclave, 'inspectDamagedProfile', { profileId: alice.id, password: PASSWORD });
      assert.deepEqual(report.damaged.map((d) => d.file), [file]);
      assert.deepEqual(report.backups.map((b) => b.id), [backup.id]);
      assert.doesNotMatch(JSON.stringify(report), /\/tmp\//);
      expectError(
        await enclave.handle(W, 'recoverDamagedProfile', { profileId: alice.id, password: 'wrong password', recovery: { kind: 'empty' } }),
        'AUTH_FAILED',
      );

      const input = recovery === 'backup' ? { kind: 'backup', backupId: backup.id } : { kind: 'empty' };
      await call(enclave, 'recoverDamagedProfile', { profileId: alice.id, password: PASSWORD, recovery: input });
      const aside = fs.readdirSync(profileDir(dataDir, alice.id)).filter((n) => n.startsWith(`${file}.damaged-`));
      assert.equal(aside.length, 1, 'the damaged file was moved aside');
      assert.deepEqual(fs.readFileSync(path.join(profileDir(dataDir, alice.id), aside[0]!)), damagedBytes);
      expectOk(await unlock(enclave, alice.id));
      const counts = (await overview(enclave)).counts;
      if (file === SQLITE_FILE) {
        assert.equal(counts.tables, healthy.counts.tables, 'the healthy analytics file was kept');
        assert.equal(counts.tasks, recovery === 'backup' ? 5 : 0);
      } else {
        assert.equal(counts.tasks, healthy.counts.tasks, 'the healthy data file was kept');
        assert.equal(counts.tables, recovery === 'backup' ? 1 : 0);
      }
      assert.ok(auditEvents(dataDir, alice.id).includes('damaged files moved aside'));
      // A healthy profile is not "recovered".
      expectError(
        await enclave.handle(W, 'recoverDamagedProfile', { profileId: bob.id, password: 'bob password 12', recovery: { kind: 'empty' } }),
        'INVALID_INPUT',
      );
      assert.equal((await overview(enclave, 2)).counts.tasks, 6);
    });
  }
});
