// The activity log channel: a window reads its own profile's entries and nothing of
// another profile's, newest first, page by page; imports, exports and locks are logged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, test } from 'node:test';
import { collapseRuns, type AuditLogEntry, type AuditLogPage } from '../../../../shared/activity/audit.js';
import type { ProfileSummary } from '../../../../shared/profiles/profiles.js';
import type { Enclave } from '../../enclave.js';
import { enclaveFixture } from '../../testing/enclave-fixture.js';
import { ManualClock } from '../../testing/manual-clock.js';
import { expectError, expectOk } from '../../testing/results.js';
import { readToken, writeToken } from '../../testing/file-tokens.js';

const fixture = enclaveFixture('audit-handlers');
const dataDir = fixture.tempDir();
const files = fixture.tempDir();
const clock = new ManualClock();
const W_A = 1;
const W_B = 2;
let enclave: Enclave;
let ann: ProfileSummary;
let ben: ProfileSummary;

const call = async <T>(w: number, channel: string, input?: unknown) => expectOk<T>(await enclave.handle(w, channel, input), channel);

/** Every entry of the window's profile, following the cursor page by page. */
async function allEntries(w: number, limit: number): Promise<AuditLogEntry[]> {
  const out: AuditLogEntry[] = [];
  let before: number | undefined;
  for (;;) {
    const page = await call<AuditLogPage>(w, 'auditLog', { limit, ...(before !== undefined ? { before } : {}) });
    assert.ok(page.entries.length <= limit);
    out.push(...page.entries);
    if (page.nextCursor === null) return out;
    before = page.nextCursor;
  }
}

before(async () => {
  enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store, clock });
  ann = await call<ProfileSummary>(W_A, 'createProfile', { name: 'Ann' });
  ben = await call<ProfileSummary>(W_B, 'createProfile', { name: 'Ben', password: 'ben password 1' });
});

test('a locked window has no activity log to read', async () => {
  expectError(await enclave.handle(W_A, 'auditLog', {}), 'LOCKED');
});

test('each profile reads its own entries only, newest first, with failures, locks, imports and exports', async () => {
  for (let i = 0; i < 3; i++) {
    clock.advance(1000);
    expectError(await enclave.handle(W_B, 'unlockProfile', { profileId: ben.id, password: 'wrong password' }), 'AUTH_FAILED');
  }
  clock.advance(60_000);
  await call(W_B, 'unlockProfile', { profileId: ben.id, password: 'ben password 1' });
  await call(W_A, 'unlockProfile', { profileId: ann.id });
  await enclave.lockWindow(W_A, 'idle');
  await call(W_A, 'unlockProfile', { profileId: ann.id });
  const csv = path.join(files, 'secret-name.csv');
  fs.writeFileSync(csv, 'id,v\n1,a\n2,b\n');
  await call(W_A, 'startImport', { file: readToken(enclave, csv, W_A), table: 'sales' });
  await call(W_A, 'exportData', { source: { table: 'sales' }, format: 'csv', file: writeToken(enclave, path.join(files, 'out.csv'), W_A) });
  await call(W_A, 'renameProfile', { name: 'Annie' });

  const a = await allEntries(W_A, 2);
  assert.deepEqual(
    a.map((e) => [e.event, e.detail]),
    [
      ['profile renamed', null],
      ['data exported', 'table "sales" as csv: 2 rows'],
      ['table imported', '"sales": 2 rows'],
      ['unlocked', null],
      ['locked', 'idle'],
      ['unlocked', null],
      ['profile created', null],
    ],
  );
  const ids = a.map((e) => e.id);
  assert.deepEqual(ids, [...ids].sort((x, y) => y - x), 'newest first');
  // Neither the file names nor the data folder ever show.
  const text = JSON.stringify(a);
  for (const leak of [files, dataDir, 'secret-name', 'out.csv', ben.id, ann.id]) assert.ok(!text.includes(leak), leak);

  const b = await allEntries(W_B, 50);
  assert.deepEqual(
    b.map((e) => e.event),
    ['unlocked', 'unlock failed', 'unlock failed', 'unlock failed', 'profile created'],
  );
  const runs = collapseRuns(b);
  assert.deepEqual(
    runs.map((r) => [r.event, r.count]),
    [['unlocked', 1], ['unlock failed', 3], ['profile created', 1]],
  );
  assert.equal(runs[1]!.last.at, '2030-01-01T00:00:03.000Z');
  assert.equal(runs[1]!.first.at, '2030-01-01T00:00:01.000Z');
});

test('a cursor from another profile reveals nothing of it', async () => {
  const bNewest = (await call<AuditLogPage>(W_B, 'auditLog', { limit: 1 })).entries[0]!;
  const page = await call<AuditLogPage>(W_A, 'auditLog', { limit: 200, before: bNewest.id + 1 });
  assert.ok(page.entries.every((e) => !['unlock failed'].includes(e.event)));
  assert.ok(page.entries.length > 0);
});

test('bad paging input is refused', async () => {
  for (const input of [{ limit: 0 }, { limit: 201 }, { before: 0 }, { limit: 1.5 }, { profileId: ben.id }]) {
    expectError(await enclave.handle(W_A, 'auditLog', input), 'INVALID_INPUT');
  }
});
