// Command-line switches of the desktop app (Chromium's own switches pass through).
import path from 'node:path';

export interface ShellArgs {
  /** Absolute; null when the platform default should be used. */
  userDataDir: string | null;
}

export class ShellArgsError extends Error {
  override name = 'ShellArgsError';
}

/** Reads `--user-data-dir DIR` or `--user-data-dir=DIR`; a relative DIR is taken from `cwd`. */
export function parseShellArgs(argv: readonly string[], cwd: string): ShellArgs {
  let userDataDir: string | null = null;
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    let value: string | undefined;
    if (arg === '--user-data-dir') {
      value = argv[i + 1];
      i++;
    } else if (arg.startsWith('--user-data-dir=')) {
      value = arg.slice('--user-data-dir='.length);
    } else {
      continue;
    }
    if (value === undefined || value === '' || value.startsWith('--')) {
      throw new ShellArgsError('--user-data-dir needs a directory, e.g. --user-data-dir /tmp/enclave');
    }
    userDataDir = path.resolve(cwd, value);
  }
  return { userDataDir };
}
