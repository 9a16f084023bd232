import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';
import { parseShellArgs, ShellArgsError } from './args.js';

test('--user-data-dir DIR and --user-data-dir=DIR, made absolute from cwd', () => {
  assert.deepEqual(parseShellArgs(['electron', '.', '--user-data-dir', '/tmp/e2e'], '/work'), { userDataDir: '/tmp/e2e' });
  assert.deepEqual(parseShellArgs(['electron', '.', '--user-data-dir=data'], '/work'), { userDataDir: path.resolve('/work', 'data') });
});

test('no switch means the platform default', () => {
  assert.deepEqual(parseShellArgs(['electron', '.', '--enable-logging'], '/work'), { userDataDir: null });
});

test('a switch without a directory is an error, not a silent default', () => {
  for (const argv of [['--user-data-dir'], ['--user-data-dir='], ['--user-data-dir', '--inspect']]) {
    assert.throws(() => parseShellArgs(argv, '/work'), ShellArgsError, argv.join(' '));
  }
});
