// A command's usage line is its grammar: the words of its path, its positionals and its
// options are read from the line `--help` prints, so what the help says and what the
// parser accepts cannot drift apart (an option added to the usage line is an option).
import { GLOBAL_FLAGS, type FlagKind } from './args.js';

export interface UsageGrammar {
  /** The command's words, e.g. ['profile', 'create']. */
  path: readonly string[];
  /** Positional names in order (a name written `FILE.ics` is the positional FILE). */
  positionals: readonly string[];
  /** How many positionals must be given, when fewer than all. */
  minPositionals?: number;
  /** The command's own options (the global ones are in GLOBAL_FLAGS). */
  flags: Readonly<Record<string, FlagKind>>;
}

const COMMAND_WORD = /^[a-z][a-z-]*$/;
const isGlobal = (name: string) => Object.hasOwn(GLOBAL_FLAGS, name);

/**
 * Reads a usage text: `enclave <words> …` on each line (alternative forms on lines of their
 * own). `--name VALUE` is an option with a value when VALUE stands in the same bracket group;
 * `[--name]`, `[--a|--b]` or `--name` before another option is a switch. Any other word is a
 * positional, optional when bracketed or missing from one of the lines.
 */
export function parseUsage(usage: string): UsageGrammar {
  const lines = usage.split('\n').map((l) => l.trim().split(/\s+/));
  const path: string[] = [];
  const first = lines[0]!;
  if (first[0] !== 'enclave') throw new Error(`usage must start with "enclave": ${usage}`);
  for (let i = 1; i < first.length && COMMAND_WORD.test(first[i]!); i++) path.push(first[i]!);

  const flags: Record<string, FlagKind> = {};
  const positionals: string[] = [];
  const requiredIn = new Map<string, number>();
  for (const words of lines) {
    if (words.slice(0, path.length + 1).join(' ') !== ['enclave', ...path].join(' ')) {
      throw new Error(`every form of a usage names the same command: ${usage}`);
    }
    for (let i = path.length + 1; i < words.length; i++) {
      const word = words[i]!;
      const bare = word.replace(/[[\]()]/g, '');
      if (bare === '|' || bare === '') continue;
      if (bare.startsWith('--')) {
        const next = words[i + 1];
        const takesValue = !/[\])]$/.test(word) && !bare.includes('|') && next !== undefined && !/^[[(|]|^--/.test(next);
        if (takesValue) i++;
        for (const name of bare.split('|').map((n) => n.slice(2))) {
          if (!isGlobal(name)) flags[name] = takesValue ? 'string' : 'boolean';
        }
        continue;
      }
      const name = bare.split('.')[0]!;
      if (!positionals.includes(name)) positionals.push(name);
      if (!word.startsWith('[')) requiredIn.set(name, (requiredIn.get(name) ?? 0) + 1);
    }
  }
  const required = positionals.findIndex((p) => requiredIn.get(p) !== lines.length);
  return { path, positionals, ...(required === -1 ? {} : { minPositionals: required }), flags };
}
