// enclave profile rename / passwd / delete, run in this process against real files and the real keychain.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { listTree, listTreeStable } from '../../core/testing/temp-dir.js';
import { cliTestBed } from '../testing/cli-test-bed.js';

const { keychain, dataDir, cli } = cliTestBed('cli-lifecycle');

const names = async () => {
  const r = await cli(['profile', 'list', '--json']);
  assert.equal(r.code, 0, r.stderr);
  return (JSON.parse(r.stdout) as ProfileSummary[]).map((p) => `${p.name}${p.hasPassword ? ' (pw)' : ''}`).sort();
};
const opens = async (name: string, password?: string) =>
  (await cli(['task', 'list', '--profile', name, ...(password === undefined ? [] : ['--password-stdin'])], password ?? '')).code;

describe('enclave profile rename / passwd / delete', () => {
  test('rename, with the password for a protected profile; clashes ignore case', async () => {
    assert.equal((await cli(['profile', 'create', 'Alice', '--password-stdin'], 'alice password\n')).code, 0);
    assert.equal((await cli(['profile', 'create', 'Bob'])).code, 0);

    const clash = await cli(['profile', 'rename', 'Bob', 'ALICE']);
    assert.equal(clash.code, 1);
    assert.match(clash.stderr, /^error: ALREADY_EXISTS: /);
    const noPassword = await cli(['profile', 'rename', 'Alice', 'Alicia']);
    assert.equal(noPassword.code, 3);
    assert.match(noPassword.stderr, /^error: AUTH_FAILED: /);

    assert.equal((await cli(['profile', 'rename', 'Alice', 'Alicia', '--password-stdin'], 'alice password\n')).code, 0);
    assert.equal((await cli(['profile', 'rename', 'bob', 'Robert'])).code, 0);
    assert.deepEqual(await names(), ['Alicia (pw)', 'Robert']);
  });

  test('passwd changes, removes and sets; the old password fails at once', async () => {
    const usage = await cli(['profile', 'passwd', 'Alicia']);
    assert.equal(usage.code, 2);
    assert.match(usage.stderr, /--password-stdin/);
    const wrong = await cli(['profile', 'passwd', 'Alicia', '--password-stdin'], 'not it at all\nnew password 1\n');
    assert.equal(wrong.code, 3);

    assert.equal((await cli(['profile', 'passwd', 'Alicia', '--password-stdin'], 'alice password\nnew password 1\n')).code, 0);
    assert.equal(await opens('Alicia', 'alice password\n'), 3);
    assert.equal(await opens('Alicia', 'new password 1\n'), 0);

    // An empty second line removes it.
    assert.equal((await cli(['profile', 'passwd', 'Alicia', '--password-stdin'], 'new password 1\n\n')).code, 0);
    assert.deepEqual(await names(), ['Alicia', 'Robert']);
    assert.equal(await opens('Alicia'), 0);

    // Without a password, the one line is the new password.
    assert.equal((await cli(['profile', 'passwd', 'Robert', '--password-stdin'], 'robert password\n')).code, 0);
    assert.deepEqual(await names(), ['Alicia', 'Robert (pw)']);
    assert.equal(await opens('Robert'), 3);
    assert.equal(await opens('Robert', 'robert password\n'), 0);
    const short = await cli(['profile', 'passwd', 'Robert', '--password-stdin'], 'robert password\nshort\n');
    assert.equal(short.code, 1);
    assert.match(short.stderr, /^error: INVALID_INPUT: /);
  });

  test('usage lists each profile with its sizes', async () => {
    const json = await cli(['profile', 'usage', '--json']);
    assert.equal(json.code, 0, json.stderr);
    const rows = JSON.parse(json.stdout) as { name: string; sqliteBytes: number; duckdbBytes: number }[];
    assert.deepEqual(rows.map((r) => r.name).sort(), ['Alicia', 'Robert']);
    assert.ok(rows.every((r) => r.sqliteBytes > 0 && r.duckdbBytes > 0));
    const table = await cli(['profile', 'usage']);
    assert.equal(table.code, 0, table.stderr);
    assert.match(table.stdout, /^NAME +DATA +ANALYTICS +LAST OPENED\n/);
    assert.match(table.stdout, /\nAlicia +[\d.]+ (B|KiB|MiB) +[\d.]+ (B|KiB|MiB) /);
  });

  test('delete needs the password, or --yes for a passwordless profile, and leaves nothing', async () => {
    const robert = (JSON.parse((await cli(['profile', 'list', '--json'])).stdout) as ProfileSummary[]).find((p) => p.name === 'Robert')!;
    const wrong = await cli(['profile', 'delete', 'Robert', '--password-stdin', '--yes'], 'not the password\n');
    assert.equal(wrong.code, 3);
    const unconfirmed = await cli(['profile', 'delete', 'Alicia']);
    assert.equal(unconfirmed.code, 2);
    assert.match(unconfirmed.stderr, /--yes/);
    assert.deepEqual(await names(), ['Alicia', 'Robert (pw)']);

    assert.equal((await cli(['profile', 'delete', 'Alicia', '--yes'])).code, 0);
    assert.equal((await cli(['profile', 'delete', 'Robert', '--password-stdin'], 'robert password\n')).code, 0);
    assert.deepEqual(await names(), []);
    assert.deepEqual(listTreeStable(dataDir), ['profiles/', 'registry.sqlite']);
    assert.ok(!listTree(dataDir).some((f) => f.includes(robert.id)));
    assert.deepEqual(await keychain.accounts(), []);

    const missing = await cli(['profile', 'delete', 'Alicia', '--yes']);
    assert.equal(missing.code, 1);
    assert.match(missing.stderr, /^error: NOT_FOUND: /);
  });
});
