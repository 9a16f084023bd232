import assert from 'node:assert/strict';
import { after, describe, test } from 'node:test';
import type { ProfileSummary } from '../../shared/profiles/profiles.js';
import { openEnclave } from '../core/enclave.js';
import { runCliProcess } from '../core/testing/cli-process.js';
import { expectError, expectOk } from '../core/testing/results.js';
import { listTree, tempDirs } from '../core/testing/temp-dir.js';
import { testKeychain } from '../core/testing/test-keychain.js';
import { exitCodeFor } from './cli.js';
import { runCaptured, type CaptureOptions } from './testing/run-captured.js';

const keychain = testKeychain('cli');
const temp = tempDirs();
after(async () => {
  await keychain.clear();
  temp.removeAll();
});

const UUID_LINE = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}\n$/;

const cli = (argv: string[], options: Pick<CaptureOptions, 'stdin' | 'env'> = {}) => runCaptured(argv, { keychain, ...options });

describe('enclave profile create / list (in process)', () => {
  const dataDir = temp.make();
  const D = ['--data-dir', dataDir];
  let aliceId = '';
  let bobId = '';

  test('profile create NAME prints the new id', async () => {
    const r = await cli(['profile', 'create', 'Alice', ...D]);
    assert.deepEqual({ code: r.code, stderr: r.stderr }, { code: 0, stderr: '' });
    assert.match(r.stdout, UUID_LINE);
    aliceId = r.stdout.trim();
    // ENCLAVE_KEYCHAIN_SERVICE chose where the secret went.
    assert.ok((await keychain.accounts()).includes(aliceId));
  });

  test('--password-stdin protects the profile with the password (final newline stripped)', async () => {
    const r = await cli(['profile', 'create', 'Bob', '--password-stdin', ...D], { stdin: 'bob password 1\n' });
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, UUID_LINE);
    bobId = r.stdout.trim();

    const enclave = await openEnclave({ dataDir, secrets: keychain.store });
    try {
      expectError(await enclave.handle(1, 'unlockProfile', { profileId: bobId, password: 'bob password 1\n' }), 'AUTH_FAILED');
      expectOk(await enclave.handle(1, 'unlockProfile', { profileId: bobId, password: 'bob password 1' }));
    } finally {
      await enclave.close();
    }
  });

  test('a duplicate name (any case or width) fails with exit 1 and ALREADY_EXISTS', async () => {
    for (const name of ['Alice', 'ＡＬＩＣＥ']) {
      const r = await cli(['profile', 'create', name, ...D]);
      assert.equal(r.code, 1);
      assert.equal(r.stdout, '');
      assert.match(r.stderr, /^error: ALREADY_EXISTS: .+\n$/);
    }
  });

  test('invalid input is exit 1 INVALID_INPUT', async () => {
    const short = await cli(['profile', 'create', 'Carol', '--password-stdin', ...D], { stdin: 'short\n' });
    assert.equal(short.code, 1);
    assert.match(short.stderr, /^error: INVALID_INPUT: password: /);
    const color = await cli(['profile', 'create', 'Carol', '--color', 'red', ...D]);
    assert.equal(color.code, 1);
    assert.match(color.stderr, /^error: INVALID_INPUT: color: /);
  });

  test('--color picks the colour', async () => {
    const r = await cli(['profile', 'create', 'Dora', '--color', '#ef4444', ...D]);
    assert.equal(r.code, 0, r.stderr);
  });

  test('profile list --json prints every profile summary', async () => {
    const r = await cli(['profile', 'list', '--json', ...D]);
    assert.equal(r.code, 0, r.stderr);
    const profiles = JSON.parse(r.stdout) as ProfileSummary[];
    assert.ok(Array.isArray(profiles));
    // Bob was unlocked above, so he comes first; the rest by name.
    assert.deepEqual(
      profiles.map((p) => [p.name, p.hasPassword]),
      [
        ['Bob', true],
        ['Alice', false],
        ['Dora', false],
      ],
    );
    for (const p of profiles) {
      assert.deepEqual(Object.keys(p).sort(), ['color', 'createdAt', 'hasPassword', 'id', 'lastOpenedAt', 'name', 'unlockBlockedUntil']);
      assert.ok(!Number.isNaN(Date.parse(p.createdAt)));
      assert.equal(p.unlockBlockedUntil, null);
    }
    assert.equal(profiles.find((p) => p.name === 'Alice')!.id, aliceId);
    assert.equal(profiles.find((p) => p.name === 'Dora')!.color, '#ef4444');
    assert.ok(profiles.find((p) => p.name === 'Bob')!.lastOpenedAt);
  });

  test('profile list without --json prints a table', async () => {
    const r = await cli(['profile', 'list', ...D]);
    assert.equal(r.code, 0, r.stderr);
    const [header, ...rows] = r.stdout.trimEnd().split('\n');
    assert.match(header!, /^NAME\s+ID\s+PASSWORD\s+CREATED\s+LAST OPENED$/);
    assert.equal(rows.length, 3);
    assert.match(rows.find((l) => l.startsWith('Bob'))!, new RegExp(`^Bob\\s+${bobId}\\s+yes\\s`));
  });

  test('ENCLAVE_DATA_DIR is used when --data-dir is absent', async () => {
    const r = await cli(['profile', 'list', '--json'], { env: { ENCLAVE_DATA_DIR: dataDir } });
    assert.equal(r.code, 0, r.stderr);
    assert.equal((JSON.parse(r.stdout) as unknown[]).length, 3);
  });

  test('an empty data directory lists nothing, helpfully', async () => {
    const r = await cli(['profile', 'list', '--data-dir', temp.make()]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stdout, /No profiles yet/);
    const json = await cli(['profile', 'list', '--json', '--data-dir', temp.make()]);
    assert.deepEqual(JSON.parse(json.stdout), []);
  });
});

describe('usage errors', () => {
  const dataDir = temp.make();
  const D = ['--data-dir', dataDir];

  const usage = async (argv: string[], message: RegExp) => {
    const r = await cli(argv);
    assert.equal(r.code, 2, `${argv.join(' ')}: ${r.stderr}`);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^error: USAGE: /);
    assert.match(r.stderr, message);
  };

  test('missing NAME, extra words, unknown options and commands exit 2 with error: USAGE:', async () => {
    await usage(['profile', 'create', ...D], /expected NAME/);
    await usage(['profile', 'create', 'A', 'B', ...D], /expected NAME/);
    await usage(['profile', 'create', 'X', '--bogus', ...D], /unknown option --bogus/);
    await usage(['profile', 'list', '--json=yes', ...D], /--json takes no value/);
    await usage(['profile', 'list', '--data-dir'], /--data-dir needs a value/);
    await usage(['profile', 'frobnicate', ...D], /unknown command "profile frobnicate"/);
    // Nothing was created by any of them.
    assert.deepEqual(listTree(dataDir), []);
  });

  test('--help exits 0 and creates nothing', async () => {
    for (const argv of [['--help'], ['-h'], ['profile', '--help'], ['profile', 'create', '--help', ...D]]) {
      const r = await cli(argv);
      assert.equal(r.code, 0, argv.join(' '));
      assert.match(r.stdout, /^Usage: enclave <command>/);
      assert.match(r.stdout, /enclave profile create NAME/);
      assert.equal(r.stderr, '');
    }
    assert.deepEqual(listTree(dataDir), []);
  });

  test('no command at all prints help and exits 2', async () => {
    const r = await cli([]);
    assert.equal(r.code, 2);
    assert.match(r.stdout, /^Usage: enclave/);
  });

  test('exit codes follow the error code', () => {
    assert.equal(exitCodeFor('AUTH_FAILED'), 3);
    assert.equal(exitCodeFor('THROTTLED'), 3);
    assert.equal(exitCodeFor('KEYCHAIN_UNAVAILABLE'), 4);
    assert.equal(exitCodeFor('ALREADY_EXISTS'), 1);
    assert.equal(exitCodeFor('INVALID_INPUT'), 1);
  });
});

describe('bin/enclave.js in a child process', () => {
  const dataDir = temp.make();
  const env = { ENCLAVE_KEYCHAIN_SERVICE: keychain.service };

  test('create with --password-stdin prints a uuid; a duplicate exits 1; --help exits 0', async () => {
    const created = await runCliProcess(['profile', 'create', 'Child', '--password-stdin', '--data-dir', dataDir], {
      env,
      stdin: 'child password\n',
    });
    assert.equal(created.code, 0, created.stderr);
    assert.match(created.stdout, UUID_LINE);
    assert.ok((await keychain.accounts()).includes(created.stdout.trim()));

    const dup = await runCliProcess(['profile', 'create', 'child', '--data-dir', dataDir], { env });
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /^error: ALREADY_EXISTS: /);

    const missing = await runCliProcess(['profile', 'create', '--data-dir', dataDir], { env });
    assert.equal(missing.code, 2);
    assert.match(missing.stderr, /^error: USAGE: /);

    const help = await runCliProcess(['--help'], { env });
    assert.equal(help.code, 0);
    assert.match(help.stdout, /Exit codes: 0 ok/);
  });
});
