// `npm run bench -- cli`: how fast the `enclave` command answers, each figure a whole
// process start as a person or a script sees it, beside bare Node's start measured in
// the same run (so a busy machine slows both alike).
// The CLI opens passwordless profiles through the OS keychain: run it under
// scripts/with-keyring.sh. Its secrets live under a keychain service of the bench's own.
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { report, time } from './measure.js';

const run = promisify(execFile);
const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const BIN = path.join(ROOT, 'bin', 'enclave.js');
const N = 15;
const WARMUP = 2;

export async function runCli(): Promise<void> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-cli-bench-'));
  const env = { ...process.env, ENCLAVE_KEYCHAIN_SERVICE: `dev.enclave.bench-cli-${process.pid}` };
  const enclave = (...args: string[]) => run(process.execPath, [BIN, '--data-dir', dataDir, ...args], { env, cwd: ROOT });
  try {
    const node = await time(N, () => run(process.execPath, ['-e', '0']), WARMUP);
    report('node -e 0 (baseline, same run)', node, {});
    const help = await time(N, () => enclave('--help'), WARMUP);
    report('enclave --help (≤ 3× bare Node)', help, { median: Math.round(3 * node.median) });
    try {
      await enclave('profile', 'create', 'Bench');
    } catch (e) {
      console.log(`task list / query: skipped, no keychain (${(e as { stderr?: string }).stderr?.trim() ?? String(e)}); run under scripts/with-keyring.sh`);
      process.exitCode = 1;
      return;
    }
    for (let i = 0; i < 20; i++) await enclave('task', 'add', '--profile', 'Bench', `task ${i}`);
    const tasks = await time(N, () => enclave('task', 'list', '--profile', 'Bench'), WARMUP);
    report('enclave task list (passwordless profile)', tasks, { median: 350 });
    const query = await time(N, () => enclave('query', '--profile', 'Bench', 'select 42'), WARMUP);
    report('enclave query "select 42"', query, { median: 500 });
    await enclave('profile', 'delete', 'Bench', '--yes');
  } finally {
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}
