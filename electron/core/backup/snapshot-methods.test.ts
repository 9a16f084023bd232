// snapshot-methods.ts: the snapshot an export or backup takes while the profile stays
// open shows one moment of both databases, and is checked with quick_check first.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { QueryResultInfo } from '../../../shared/analysis/analytics.js';
import type { ArchiveOutcome, BackupInfo } from '../../../shared/backups/backups.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { pageRows } from '../../../shared/wire.js';
import { profileDir, SQLITE_FILE } from '../paths.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { readToken, writeToken } from '../testing/file-tokens.js';
import { call, openWithAlice, overview, unlock, W } from '../testing/profile-calls.js';
import { expectError, expectOk } from '../testing/results.js';

const fixture = enclaveFixture('snapshot');

describe('a snapshot while the profile is in use', () => {
  test('the snapshot is consistent while writes keep coming', async () => {
    const { outside, enclave } = await openWithAlice(fixture);
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

describe('every backup checks its snapshot with quick_check', () => {
  test('damage that opening does not look at (free pages lost from the freelist) fails the backup and the export: nothing is written', async () => {
    const { dataDir, outside, enclave, alice } = await openWithAlice(fixture, { fill: true });
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
