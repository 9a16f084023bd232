// enclave profile export / restore, run in this process against real files and the real keychain.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { listTreeStable } from '../../core/testing/temp-dir.js';
import { cliTestBed } from '../testing/cli-test-bed.js';

const { keychain, dataDir, tempDir, cli } = cliTestBed('cli-archive');
const outside = tempDir();

const profiles = async () => {
  const r = await cli(['profile', 'list', '--json']);
  assert.equal(r.code, 0, r.stderr);
  return JSON.parse(r.stdout) as ProfileSummary[];
};

describe('enclave profile export / restore', () => {
  test('export with the password, restore under a new name and password', async () => {
    assert.equal((await cli(['profile', 'create', 'Alice', '--password-stdin'], 'alice password\n')).code, 0);
    for (const title of ['one', 'two', 'three']) {
      assert.equal((await cli(['task', 'add', title, '--profile', 'Alice', '--password-stdin'], 'alice password\n')).code, 0);
    }
    const file = path.join(outside, 'alice.enclave');

    const usage = await cli(['profile', 'export', 'Alice']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /^error: USAGE: --out FILE is required/);
    const noPassword = await cli(['profile', 'export', 'Alice', '--out', file]);
    assert.equal(noPassword.code, 3);
    assert.match(noPassword.stderr, /^error: AUTH_FAILED: /);
    const inside = await cli(['profile', 'export', 'Alice', '--out', path.join(dataDir, 'a.enclave'), '--password-stdin'], 'alice password\n');
    assert.equal(inside.code, 1);
    assert.match(inside.stderr, /^error: PERMISSION_DENIED: /);

    const exported = await cli(['profile', 'export', 'Alice', '--out', file, '--password-stdin'], 'alice password\n');
    assert.equal(exported.code, 0, exported.stderr);
    assert.equal(exported.stdout, `${file}\t${fs.statSync(file).size}\n`);

    const restored = await cli(['profile', 'restore', file, '--name', 'Alice again', '--password-stdin'], 'new password 1\n');
    assert.equal(restored.code, 0, restored.stderr);
    const id = restored.stdout.trim();
    const row = (await profiles()).find((p) => p.name === 'Alice again');
    assert.equal(row?.id, id);
    assert.equal(row?.hasPassword, true);
    const tasks = await cli(['task', 'list', '--profile', 'Alice again', '--password-stdin', '--json'], 'new password 1\n');
    assert.equal(tasks.code, 0, tasks.stderr);
    assert.deepEqual((JSON.parse(tasks.stdout) as { title: string }[]).map((t) => t.title).sort(), ['one', 'three', 'two']);

    const clash = await cli(['profile', 'restore', file, '--name', 'alice']);
    assert.equal(clash.code, 1);
    assert.match(clash.stderr, /^error: ALREADY_EXISTS: /);
  });

  test('a tampered archive: exit 1, ARCHIVE_INVALID, nothing created', async () => {
    const file = path.join(outside, 'alice.enclave');
    const bytes = fs.readFileSync(file);
    bytes[bytes.length - 2048]! ^= 0x01; // inside analytics.duckdb's content (the end padding is smaller)
    const bad = path.join(outside, 'bad.enclave');
    fs.writeFileSync(bad, bytes);
    const before = { tree: listTreeStable(dataDir), keys: await keychain.accounts(), profiles: await profiles() };
    const r = await cli(['profile', 'restore', bad, '--name', 'Never']);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: ARCHIVE_INVALID: .*(checksum mismatch|data after its end)/);
    assert.deepEqual(listTreeStable(dataDir), before.tree);
    assert.deepEqual(await keychain.accounts(), before.keys);
    assert.deepEqual(await profiles(), before.profiles);
    const missing = await cli(['profile', 'restore', path.join(outside, 'nope.enclave'), '--name', 'Never']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: NOT_FOUND: /);
  });
});
