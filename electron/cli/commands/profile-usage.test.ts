// Rows per table: the profileStorage channel (settings' Storage view) and
// `enclave profile usage --rows`, over real files and the real keychain.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { ProfileRowCounts, ProfileStorage } from '../../../shared/profiles/storage-usage.js';
import type { Task } from '../../../shared/tasks/tasks.js';
import { openEnclave } from '../../core/enclave.js';
import { expectError, expectOk } from '../../core/testing/results.js';
import { cliTestBed } from '../testing/cli-test-bed.js';
import { readToken } from '../../core/testing/file-tokens.js';

const { keychain, dataDir, tempDir, cli } = cliTestBed('cli-usage');
const files = tempDir();

type UsageRow = { name: string; sqliteBytes: number; duckdbBytes: number; lastOpenedAt: string | null; rows?: ProfileRowCounts | null };

const PIA_ROWS: ProfileRowCounts = {
  sqlite: [
    { table: 'tasks', rows: 2, inTrash: 1 },
    { table: 'notes', rows: 1, inTrash: 0 },
    { table: 'events', rows: 0, inTrash: 0 },
  ],
  duckdb: [{ table: 'sales', rows: 3 }],
};

before(async () => {
  const e = await openEnclave({ dataDir, secrets: keychain.store });
  try {
    const call = async <T>(w: number, channel: string, input?: unknown) => expectOk<T>(await e.handle(w, channel, input), channel);
    const pia = await call<ProfileSummary>(1, 'createProfile', { name: 'Pia' });
    const quin = await call<ProfileSummary>(2, 'createProfile', { name: 'Quin', password: 'quin password' });
    expectError(await e.handle(1, 'profileStorage', undefined), 'LOCKED');
    await call(1, 'unlockProfile', { profileId: pia.id });
    await call(2, 'unlockProfile', { profileId: quin.id, password: 'quin password' });
    for (const title of ['one', 'two', 'three']) await call<Task>(1, 'createTask', { title });
    const first = (await call<{ items: Task[] }>(1, 'listTasks', {})).items[0]!;
    await call(1, 'deleteTask', { id: first.id });
    await call(1, 'createNote', { title: 'n' });
    const csv = path.join(files, 'sales.csv');
    fs.writeFileSync(csv, 'id,v\n1,a\n2,b\n3,c\n');
    await call(1, 'startImport', { file: readToken(e, csv), table: 'sales' });
    await call(2, 'createNote', { title: 'quin only' });

    // The Storage view: the window's own profile only.
    const storage = await call<ProfileStorage>(1, 'profileStorage');
    assert.deepEqual(storage.rowCounts, PIA_ROWS);
    assert.equal(storage.profileId, pia.id);
    assert.ok(storage.sqliteBytes > 0 && storage.duckdbBytes > 0);
    assert.ok(storage.lastOpenedAt !== null);
    const other = await call<ProfileStorage>(2, 'profileStorage');
    assert.deepEqual(other.rowCounts.sqlite.map((t) => t.rows), [0, 1, 0]);
    assert.deepEqual(other.rowCounts.duckdb, []);
  } finally {
    await e.close();
  }
});

describe('enclave profile usage', () => {
  test('without --rows the output is as before: no rows field', async () => {
    const r = await cli(['profile', 'usage', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as UsageRow[];
    assert.deepEqual(Object.keys(rows[0]!).sort(), ['duckdbBytes', 'lastOpenedAt', 'name', 'profileId', 'sqliteBytes']);
  });

  test('--rows counts a passwordless profile read-only and leaves a protected one out', async () => {
    const before = JSON.parse((await cli(['profile', 'list', '--json'])).stdout) as ProfileSummary[];
    const r = await cli(['profile', 'usage', '--rows', '--json']);
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as UsageRow[];
    const byName = new Map(rows.map((u) => [u.name, u]));
    assert.deepEqual(byName.get('Pia')!.rows, PIA_ROWS);
    assert.equal(byName.get('Quin')!.rows, null);
    // Counting opened nothing in the app's sense.
    assert.deepEqual(JSON.parse((await cli(['profile', 'list', '--json'])).stdout), before);

    const table = await cli(['profile', 'usage', '--rows']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^NAME +DATA +ANALYTICS +LAST OPENED +TASKS +NOTES +EVENTS +TABLES\n/);
    assert.match(table.stdout, /\nPia +.* 2 \(\+1 in Trash\) +1 +0 +sales: 3\n/);
    assert.match(table.stdout, /\nQuin +.* - +- +- +-\n/);
  });

  test('--rows --profile NAME with the password counts a protected profile', async () => {
    const r = await cli(['profile', 'usage', '--rows', '--json', '--profile', 'Quin', '--password-stdin'], 'quin password\n');
    assert.equal(r.code, 0, r.stderr);
    const rows = JSON.parse(r.stdout) as UsageRow[];
    assert.deepEqual(rows.map((u) => u.name), ['Quin']);
    assert.deepEqual(rows[0]!.rows!.sqlite.map((t) => t.rows), [0, 1, 0]);
    const wrong = await cli(['profile', 'usage', '--rows', '--profile', 'Quin', '--password-stdin'], 'nope nope nope\n');
    assert.equal(wrong.code, 3);
    assert.match(wrong.stderr, /^error: AUTH_FAILED: /);
  });
});
