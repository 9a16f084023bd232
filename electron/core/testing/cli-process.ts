// Runs `node bin/enclave.js …` (or a small ESM script) in a child process, as a user would.
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The repository root (this file is build/electron/core/testing/cli-process.js once compiled). */
export const REPO_ROOT = fileURLToPath(new URL('../../../../', import.meta.url));
/** File URL of a compiled module, e.g. buildModule('electron/core/enclave.js'), for child scripts to import. */
export const buildModule = (rel: string) => new URL(`../../../${rel}`, import.meta.url).href;

export interface ProcessResult {
  code: number | null;
  stdout: string;
  stderr: string;
}

export interface RunOptions {
  env?: NodeJS.ProcessEnv;
  stdin?: string;
}

export function runNode(args: readonly string[], options: RunOptions = {}): Promise<ProcessResult> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, args, {
      cwd: REPO_ROOT,
      env: { ...process.env, ...options.env },
      stdio: ['pipe', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (s: string) => (stdout += s));
    child.stderr.setEncoding('utf8').on('data', (s: string) => (stderr += s));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
    child.stdin.end(options.stdin ?? '');
  });
}

export const runCliProcess = (args: readonly string[], options: RunOptions = {}) =>
  runNode(['bin/enclave.js', ...args], options);

/**
 * Runs an ESM script given as source text (it may import buildModule(...) URLs).
 * It runs from a file, not --eval: worker threads inherit execArgv, and
 * `--input-type` would make every profile worker fail to start.
 */
export async function runScript(source: string, options: RunOptions = {}): Promise<ProcessResult> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-script-'));
  try {
    const file = path.join(dir, 'script.mjs');
    fs.writeFileSync(file, source);
    return await runNode([file], options);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}
