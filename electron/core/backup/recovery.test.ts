// damage.ts and recovery.ts: a damaged database file answers PROFILE_DAMAGED naming it
// (other profiles untouched), and recovery moves only that file aside, replacing it from
// a backup or with an empty database.
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { BackupInfo, DamageReport } from '../../../shared/backups/backups.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from '../paths.js';
import { auditEvents } from '../testing/audit-events.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { call, create, fill, openWithClock, overview, PASSWORD, unlock, W } from '../testing/profile-calls.js';
import { expectError, expectOk } from '../testing/results.js';

const fixture = enclaveFixture('recovery');

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
      const { dataDir, enclave } = await openWithClock(fixture);
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
