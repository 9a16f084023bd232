// What a CLI test file sets up: its own keychain service and data folder, removed after
// the file's tests (with any other folder it made), and the CLI run in this process on them.
import { after } from 'node:test';
import { tempDirs } from '../../core/testing/temp-dir.js';
import { testKeychain, type TestKeychain } from '../../core/testing/test-keychain.js';
import { runCaptured, runCapturedOk, type CaptureOptions, type CapturedRun } from './run-captured.js';

export interface CliTestBed {
  keychain: TestKeychain;
  dataDir: string;
  /** Another folder (files to import, archives…), removed with the data folder. */
  tempDir(): string;
  /** Runs `argv` on the data folder; `stdin` is all of standard input. */
  cli(argv: readonly string[], stdin?: string): Promise<CapturedRun>;
  /** cli that must exit 0 with nothing on stderr; returns stdout. */
  ok(argv: readonly string[], stdin?: string): Promise<string>;
}

/** `name` names the keychain service (one per test file, so files never share secrets); `env` is added to every run's. */
export function cliTestBed(name: string, env?: NodeJS.ProcessEnv): CliTestBed {
  const keychain = testKeychain(name);
  const temp = tempDirs();
  const dataDir = temp.make();
  after(async () => {
    await keychain.clear();
    temp.removeAll();
  });
  const options = (stdin: string | undefined): CaptureOptions => ({
    keychain,
    dataDir,
    ...(env !== undefined ? { env } : {}),
    ...(stdin !== undefined ? { stdin } : {}),
  });
  return {
    keychain,
    dataDir,
    tempDir: () => temp.make(),
    cli: (argv, stdin) => runCaptured(argv, options(stdin)),
    ok: (argv, stdin) => runCapturedOk(argv, options(stdin)),
  };
}
