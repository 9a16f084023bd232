// The guess main.ts makes from argv before the commands load (early-host.ts): which
// commands get their profile host forked at once, and which of those preload DuckDB.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { commands } from './cli.js';
import { ANALYTICS_COMMAND_WORDS, hostWanted } from './early-host.js';

describe('the host forked before the CLI loads', () => {
  test('preloads analytics exactly for the commands that need it', () => {
    for (const c of commands) {
      assert.deepEqual(hostWanted([...c.path, '--profile', 'P']), { analytics: c.needsAnalytics === true }, c.path.join(' '));
    }
    const needing = new Set(commands.filter((c) => c.needsAnalytics).map((c) => c.path[0]));
    assert.deepEqual([...ANALYTICS_COMMAND_WORDS].sort(), [...needing].sort());
  });

  test('is forked only for a command that names a profile and asks for no help', () => {
    assert.equal(hostWanted(['task', 'list']), null);
    assert.equal(hostWanted(['task', 'list', '--profile', 'P', '--help']), null);
    assert.equal(hostWanted(['task', 'list', '-h', '--profile', 'P']), null);
    assert.equal(hostWanted(['--profile']), null, 'a usage error');
    assert.deepEqual(hostWanted(['task', 'list', '--profile=P']), { analytics: false });
    assert.deepEqual(hostWanted(['--data-dir', 'query', 'task', 'list', '--profile', 'P']), { analytics: false });
    assert.deepEqual(hostWanted(['--data-dir', '/d', '--json', 'query', '--format', 'csv', '--profile', 'P', 'select 1']), { analytics: true });
  });
});
