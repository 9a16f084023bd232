// Runs the CLI in this process with captured io, as the CLI tests do: no child process,
// and the keychain service is always the test's own so no test touches a real user's secrets.
import assert from 'node:assert/strict';
import type { TestKeychain } from '../../core/testing/test-keychain.js';
import { runCli } from '../cli.js';

export interface CapturedRun {
  code: number;
  stdout: string;
  stderr: string;
}

export interface CaptureOptions {
  keychain: Pick<TestKeychain, 'service'>;
  /** Appended to argv as `--data-dir DIR`; leave it out to pass the flag (or none) yourself. */
  dataDir?: string;
  /** All of standard input; empty when not given. */
  stdin?: string;
  /** Added to the environment, which holds nothing else but ENCLAVE_KEYCHAIN_SERVICE. */
  env?: NodeJS.ProcessEnv;
}

export async function runCaptured(argv: readonly string[], options: CaptureOptions): Promise<CapturedRun> {
  let stdout = '';
  let stderr = '';
  const code = await runCli({
    argv: options.dataDir === undefined ? argv : [...argv, '--data-dir', options.dataDir],
    env: { ENCLAVE_KEYCHAIN_SERVICE: options.keychain.service, ...options.env },
    stdout: (t) => void (stdout += t),
    stderr: (t) => void (stderr += t),
    readStdin: async () => options.stdin ?? '',
  });
  return { code, stdout, stderr };
}

/** runCaptured that must exit 0 with nothing on stderr; returns stdout. */
export async function runCapturedOk(argv: readonly string[], options: CaptureOptions): Promise<string> {
  const { code, stdout, stderr } = await runCaptured(argv, options);
  assert.deepEqual({ code, stderr }, { code: 0, stderr: '' }, argv.join(' '));
  return stdout;
}
