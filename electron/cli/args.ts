// A small argument parser: global flags anywhere, then a command path, then the
// command's positionals and flags. No dependency, so the CLI starts fast.

export type FlagKind = 'boolean' | 'string';

export const GLOBAL_FLAGS = {
  'data-dir': 'string',
  profile: 'string',
  'password-stdin': 'boolean',
  json: 'boolean',
  help: 'boolean',
} as const satisfies Record<string, FlagKind>;

export interface ParsedArgs {
  words: string[];
  flags: Map<string, string | true>;
}

export class UsageError extends Error {}

/** Splits argv into words and `--flag[=value]` options; a string flag takes the next word. */
export function tokenize(argv: readonly string[], kinds: (name: string) => FlagKind | undefined): ParsedArgs {
  const words: string[] = [];
  const flags = new Map<string, string | true>();
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (arg === '--') {
      words.push(...argv.slice(i + 1));
      break;
    }
    if (!arg.startsWith('--') || arg === '-') {
      if (arg === '-h') flags.set('help', true);
      else words.push(arg);
      continue;
    }
    const eq = arg.indexOf('=');
    const name = arg.slice(2, eq === -1 ? undefined : eq);
    const kind = kinds(name);
    if (!kind) throw new UsageError(`unknown option --${name}`);
    if (kind === 'boolean') {
      if (eq !== -1) throw new UsageError(`--${name} takes no value`);
      flags.set(name, true);
    } else {
      const value = eq !== -1 ? arg.slice(eq + 1) : argv[++i];
      if (value === undefined) throw new UsageError(`--${name} needs a value`);
      flags.set(name, value);
    }
  }
  return { words, flags };
}
