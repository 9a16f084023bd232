// backups.ts: exporting a profile into an archive and restoring one as a new profile
// (a crafted archive included), automatic backups and their removal with the profile.
// Real registry, real keychain, real SQLite/DuckDB files in temporary directories, real hosts.
import { DuckDBInstance } from '@duckdb/node-api';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { QueryResultInfo } from '../../../shared/analysis/analytics.js';
import type { ArchiveOutcome, BackupInfo } from '../../../shared/backups/backups.js';
import { AppException } from '../../../shared/errors.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { pageRows } from '../../../shared/wire.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from '../paths.js';
import { forgeEntry, readEntries, writeEntries } from '../testing/archive-entries.js';
import { auditEvents } from '../testing/audit-events.js';
import { duckdbDump, sqliteDump } from '../testing/db-checksum.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { readToken, writeToken } from '../testing/file-tokens.js';
import { call, names, openWithAlice, overview, PASSWORD, unlock, W } from '../testing/profile-calls.js';
import { expectError, expectOk } from '../testing/results.js';
import { listTreeStable } from '../testing/temp-dir.js';

const fixture = enclaveFixture('backups');
const { keychain } = fixture;

const DATA_TABLES = ['tasks', 'notes', 'events'];

describe('export and restore', () => {
  test('round trip: a new profile with equal data and counts, its own id and keychain entry', async () => {
    const { dataDir, outside, enclave, alice } = await openWithAlice(fixture, { fill: true });
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
    const { dataDir, enclave, alice } = await openWithAlice(fixture);
    const denied = (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED';
    assert.throws(() => writeToken(enclave, path.join(dataDir, 'x.enclave')), denied);
    assert.throws(() => writeToken(enclave, path.join(profileDir(dataDir, alice.id), SQLITE_FILE)), denied);
    assert.throws(() => readToken(enclave, path.join(profileDir(dataDir, alice.id), SQLITE_FILE)), denied);
  });
});

describe('a crafted archive carrying hostile DuckDB objects', () => {
  // Issue 12, class 3: a macro shadowing a system function the app calls by name aborted
  // the app on restore. The analytics.duckdb of a good archive gets such macros, and views
  // and macros that call refused functions, with checksums to match: the restore verifies
  // through the sandboxed open, never aborts, and either refuses the archive (typed) or
  // gives a usable profile where those objects are dropped or refused; nothing is written
  // outside the data folder.
  test('restores without aborting; shadowing macros dropped, leaking objects refused, nothing written outside', async () => {
    const { outside, enclave } = await openWithAlice(fixture, { fill: true });
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
    const archive = path.join(outside, 'crafted.enclave');
    writeEntries(archive, forgeEntry(entries, DUCKDB_FILE, crafted));
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
    const { dataDir, clock, enclave, alice } = await openWithAlice(fixture, { backups: { intervalMs: DAY, keep: 3 } });
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
    const { dataDir, enclave, alice } = await openWithAlice(fixture);
    await call(enclave, 'backupNow');
    await call(enclave, 'backupNow');
    assert.equal((await call<BackupInfo[]>(enclave, 'listBackups')).length, 2);
    expectOk(await enclave.handle(W, 'deleteProfile', { profileId: alice.id, password: PASSWORD }));
    assert.deepEqual(fs.readdirSync(path.join(dataDir, 'profiles')), []);
    const leftovers = listTreeStable(dataDir).filter((p) => p.includes('backup') || p.endsWith('.enclave'));
    assert.deepEqual(leftovers, []);
  });
});
