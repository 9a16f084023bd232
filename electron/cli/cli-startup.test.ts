// What `enclave` loads to answer: a command on tasks never loads DuckDB, in the CLI or in
// its profile host (README, "The CLI answers fast"). Each process the command starts (the
// CLI and the host it forks inherit NODE_OPTIONS) writes at its exit the CommonJS modules it
// loaded; DuckDB's bindings and the native addons are CommonJS required at run time.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, describe, test } from 'node:test';
import { runCliProcess } from '../core/testing/cli-process.js';
import { tempDirs } from '../core/testing/temp-dir.js';
import { testKeychain } from '../core/testing/test-keychain.js';

const keychain = testKeychain('cli-startup');
const temp = tempDirs();
after(async () => {
  await keychain.clear();
  temp.removeAll();
});

const RECORDER = `
const fs = require('node:fs');
const path = require('node:path');
process.on('exit', () => {
  const record = { argv: process.argv.slice(1), loaded: Object.keys(require.cache) };
  const file = path.join(process.env.ENCLAVE_TEST_LOADS, process.pid + '.json');
  fs.writeFileSync(file + '.part', JSON.stringify(record));
  fs.renameSync(file + '.part', file);
});
`;

interface Loads {
  argv: string[];
  loaded: string[];
}

describe('what a command loads', () => {
  const dataDir = temp.make();
  const recorder = path.join(temp.make(), 'record-loads.cjs');
  fs.writeFileSync(recorder, RECORDER);
  const env = { ENCLAVE_KEYCHAIN_SERVICE: keychain.service };

  /** Runs the command and returns each process's record (the CLI's and its host's). */
  async function loadsOf(args: string[]): Promise<Loads[]> {
    const dir = temp.make();
    const r = await runCliProcess([...args, '--data-dir', dataDir], {
      env: { ...env, ENCLAVE_TEST_LOADS: dir, NODE_OPTIONS: `--require ${JSON.stringify(recorder)}` },
    });
    assert.equal(r.code, 0, r.stderr);
    // The CLI does not wait for its host's exit after the close reply: the host's record may land just after.
    await recordsIn(dir, 2);
    return fs.readdirSync(dir).filter((f) => f.endsWith('.json')).map((f) => JSON.parse(fs.readFileSync(path.join(dir, f), 'utf8')) as Loads);
  }
  /** Resolves once `dir` holds `count` records (each written whole, then renamed in: see RECORDER). */
  function recordsIn(dir: string, count: number): Promise<void> {
    return new Promise((resolve) => {
      const watcher = fs.watch(dir, () => check());
      const check = () => {
        if (fs.readdirSync(dir).filter((f) => f.endsWith('.json')).length < count) return;
        watcher.close();
        resolve();
      };
      check();
    });
  }
  const duckdb = (l: Loads) => l.loaded.filter((m) => m.includes(`${path.sep}@duckdb${path.sep}`));

  test('task list loads no DuckDB in the CLI or the host; query loads it in the host only', async () => {
    assert.equal((await runCliProcess(['profile', 'create', 'Quick', '--data-dir', dataDir], { env })).code, 0);
    assert.equal((await runCliProcess(['task', 'add', '--profile', 'Quick', 'one', '--data-dir', dataDir], { env })).code, 0);

    const tasks = await loadsOf(['task', 'list', '--profile', 'Quick']);
    assert.equal(tasks.length, 2, 'the CLI and one host');
    for (const p of tasks) assert.deepEqual(duckdb(p), [], `${p.argv.join(' ')} loaded DuckDB`);

    // The same records do see DuckDB where it is needed: the test can tell.
    const query = await loadsOf(['query', '--profile', 'Quick', 'select 42']);
    const host = query.find((p) => p.argv.some((a) => a.endsWith('profile-host.js')));
    const cli = query.find((p) => p !== host);
    assert.ok(host && cli, 'the CLI and its host');
    assert.notDeepEqual(duckdb(host), []);
    assert.deepEqual(duckdb(cli), [], 'the CLI itself never loads DuckDB');
  });

  test("a command on a profile forks its host before the CLI's commands load; --help forks none", async () => {
    const steps = async (args: string[]) => {
      const r = await runCliProcess([...args, '--data-dir', dataDir], { env: { ...env, ENCLAVE_TRACE: '1' } });
      assert.equal(r.code, 0, r.stderr);
      // The CLI's own lines: the host's arrive prefixed with [profile-host PID].
      return [...r.stderr.matchAll(/^\[enclave-trace \d+ [\d.]+\] (.*)$/gm)].map((m) => m[1]!);
    };
    const tasks = await steps(['task', 'list', '--profile', 'Quick']);
    assert.ok(tasks.includes('cli: commands loaded'), tasks.join(' | '));
    assert.ok(tasks.indexOf('cli: host forked') !== -1 && tasks.indexOf('cli: host forked') < tasks.indexOf('cli: commands loaded'), tasks.join(' | '));
    const help = await steps(['task', 'list', '--profile', 'Quick', '--help']);
    assert.ok(help.includes('cli: commands loaded') && !help.includes('cli: host forked'), help.join(' | '));
  });
});
