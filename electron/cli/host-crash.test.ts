// The CLI runs each profile command through a forked host process: when that host
// dies (DuckDB aborts on a statement, or something kills it) the command ends as
// `error: PROFILE_CRASHED: …` with exit 1, never as a raw abort of the CLI itself.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import { after, before, test } from 'node:test';
import { childPids } from '../core/testing/child-processes.js';
import { REPO_ROOT, runCliProcess } from '../core/testing/cli-process.js';
import { tempDirs } from '../core/testing/temp-dir.js';
import { testKeychain } from '../core/testing/test-keychain.js';

const keychain = testKeychain('cli-host-crash');
const temp = tempDirs();
const dataDir = temp.make();
const env = { ENCLAVE_KEYCHAIN_SERVICE: keychain.service };

before(async () => {
  const created = await runCliProcess(['profile', 'create', 'Crashy', '--data-dir', dataDir], { env });
  assert.equal(created.code, 0, created.stderr);
});

after(async () => {
  await keychain.clear();
  temp.removeAll();
});

test('a statement that aborts DuckDB ends the command as PROFILE_CRASHED, exit 1; the next command works', async () => {
  const r = await runCliProcess(['query', '--profile', 'Crashy', `CALL enable_logging(storage_path='${temp.make()}')`, '--data-dir', dataDir], { env });
  assert.equal(r.code, 1, r.stderr);
  // Once the statement policy refuses it before it runs, this is PERMISSION_DENIED: typed either way.
  assert.match(r.stderr, /^error: (PROFILE_CRASHED|PERMISSION_DENIED): /m);
  assert.doesNotMatch(r.stderr, /^Aborted/m);
  const next = await runCliProcess(['query', '--profile', 'Crashy', 'SELECT 42 AS answer', '--format', 'csv', '--data-dir', dataDir], { env });
  assert.equal(next.code, 0, next.stderr);
  assert.match(next.stdout, /42/);
});

/** Start-up and loading DuckDB take well under a second of CPU; the count keeps every thread busy. */
const QUERY_RUNNING_CPU_SECONDS = 3;

/** User plus system CPU time of a process, from /proc (0 once it has gone). */
function cpuSeconds(pid: number): number {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    // utime and stime are fields 14 and 15 of stat, 12 and 13 after the command name.
    return (Number(fields[11]) + Number(fields[12])) / CLOCK_TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}
/** Linux's USER_HZ, the unit of /proc/<pid>/stat times, is 100 on every architecture Node runs on. */
const CLOCK_TICKS_PER_SECOND = 100;

for (const signal of ['SIGKILL', 'SIGABRT'] as const) {
  test(`a host killed with ${signal} mid-query ends the command as PROFILE_CRASHED, exit 1`, async () => {
    const child = spawn(
      process.execPath,
      ['bin/enclave.js', 'query', '--profile', 'Crashy', 'SELECT count(*) FROM range(1000000000000) a', '--data-dir', dataDir],
      { cwd: REPO_ROOT, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let stderr = '';
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    const exited = new Promise<number | null>((resolve) => child.on('close', (code) => resolve(code)));
    // The CLI forks its host before it opens the profile (a host killed that early is
    // replaced, which is not what this test is about): kill it once the query is running,
    // seen as the host having burnt more CPU than starting up and loading DuckDB takes.
    let host: number | undefined;
    while (host === undefined && child.exitCode === null) {
      host = childPids(child.pid!).find((pid) => cpuSeconds(pid) > QUERY_RUNNING_CPU_SECONDS);
      if (host === undefined) await new Promise((resolve) => setTimeout(resolve, 20));
    }
    assert.ok(host !== undefined, `the CLI started no host that ran the query: ${stderr}`);
    process.kill(host, signal);
    const code = await exited;
    assert.equal(code, 1, stderr);
    assert.match(stderr, new RegExp(`^error: PROFILE_CRASHED: .*${signal}`, 'm'));
  });
}
