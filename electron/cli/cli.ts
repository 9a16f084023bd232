// The `enclave` command line over the same plain-Node core as the desktop app.
// Exit codes and `error: <CODE>:` lines are a public interface for scripts.
import type { EventName } from '../../shared/contract.js';
import type { ErrorCode } from '../../shared/errors.js';
import { AppException } from '../../shared/errors.js';
import type { Enclave } from '../core/enclave.js';
import type { SpareHostLauncher } from '../core/storage/spare-host.js';
import { APP_ID } from '../core/keychain/secret-store.js';
import { defaultDataDir } from '../core/paths.js';
import { traceStep } from '../core/start-trace.js';
import { GLOBAL_FLAGS, tokenize, UsageError, type FlagKind } from './args.js';
import type { Command, CommandContext } from './command.js';
import { startHost } from './early-host.js';
import { aiCommands, askCommand } from './commands/ai.js';
import { archiveCommands } from './commands/archive.js';
import { eventCommands } from './commands/event.js';
import { exportCommand } from './commands/export.js';
import { importCommand } from './commands/import.js';
import { migrateLegacyCommand } from './commands/migrate-legacy.js';
import { noteCommands } from './commands/note.js';
import { profileCommands } from './commands/profile.js';
import { queryCommand } from './commands/query.js';
import { searchCommands } from './commands/search.js';
import { sourceCommands } from './commands/source.js';
import { tablesCommand } from './commands/tables.js';
import { taskCommands } from './commands/task.js';
import { OutputClosed, type CliIo } from './io.js';
import { unlock } from './session.js';

export const EXIT = { ok: 0, failed: 1, usage: 2, auth: 3, keychain: 4 } as const;

/** Every command, in the order `--help` lists them. */
export const commands: readonly Command[] = [
  ...profileCommands,
  ...archiveCommands,
  ...taskCommands,
  ...noteCommands,
  ...eventCommands,
  ...searchCommands,
  ...sourceCommands,
  importCommand,
  queryCommand,
  tablesCommand,
  exportCommand,
  migrateLegacyCommand,
  ...aiCommands,
  askCommand,
];

export function exitCodeFor(code: ErrorCode): number {
  if (code === 'AUTH_FAILED' || code === 'THROTTLED' || code === 'SOURCE_AUTH_FAILED') return EXIT.auth;
  if (code === 'KEYCHAIN_UNAVAILABLE') return EXIT.keychain;
  return EXIT.failed;
}

const GLOBAL_HELP = `Global options:
  --data-dir DIR      where Enclave keeps its data (default: the desktop app's user-data directory)
  --profile NAME      the profile a command acts on
  --password-stdin    read the profile's password from standard input
  --json              machine-readable output
  -h, --help          help for a command

Exit codes: 0 ok, 1 failed request, 2 usage error, 3 authentication failed (a profile's or a source's) or throttled, 4 keychain unavailable.
Errors are printed to stderr as one line: error: <CODE>: <message>
`;

function helpText(prefix: readonly string[]): string {
  const matching = commands.filter((c) => prefix.every((w, i) => c.path[i] === w));
  const lines = matching.map((c) => `  ${c.usage}\n      ${c.summary}`);
  const details = matching.length === 1 && matching[0]!.details ? `\n${matching[0]!.details}\n` : '';
  return `Usage: enclave <command> [options]\n\nCommands:\n${lines.join('\n')}\n${details}\n${GLOBAL_HELP}`;
}

/** Finds the longest command whose path starts the words. */
function findCommand(words: readonly string[]): Command | undefined {
  return commands
    .filter((c) => c.path.every((w, i) => words[i] === w))
    .sort((a, b) => b.path.length - a.path.length)[0];
}

/**
 * Runs one command. `host`: a profile host main.ts forked before the CLI loaded
 * (early-host.ts); this run hands it to the profile it opens, or ends it.
 */
export async function runCli(io: CliIo, host?: SpareHostLauncher): Promise<number> {
  let enclave: Enclave | undefined;
  let earlyHost: SpareHostLauncher | undefined = host;
  try {
    const firstPass = tokenize(io.argv, (n) => (n in GLOBAL_FLAGS ? GLOBAL_FLAGS[n as keyof typeof GLOBAL_FLAGS] : 'boolean'));
    const command = findCommand(firstPass.words);
    if (!command) {
      if (firstPass.words.length === 0 || firstPass.flags.has('help')) {
        io.stdout(helpText(firstPass.words));
        return firstPass.words.length === 0 && !firstPass.flags.has('help') ? EXIT.usage : EXIT.ok;
      }
      throw new UsageError(`unknown command "${firstPass.words.join(' ')}"`);
    }
    const kinds = (n: string): FlagKind | undefined =>
      (GLOBAL_FLAGS as Record<string, FlagKind>)[n] ?? command.flags[n];
    const { words, flags } = tokenize(io.argv, kinds);
    if (flags.has('help')) {
      io.stdout(helpText(command.path));
      return EXIT.ok;
    }
    const positionals = words.slice(command.path.length);
    if (positionals.length > command.positionals.length || positionals.length < (command.minPositionals ?? command.positionals.length)) {
      throw new UsageError(`expected ${command.positionals.join(' ') || 'no arguments'}\nusage: ${command.usage}`);
    }
    const args = Object.fromEntries(command.positionals.flatMap((name, i) => (i < positionals.length ? [[name, positionals[i]!]] : [])));
    const dataDirFlag = flags.get('data-dir');
    const dataDir = typeof dataDirFlag === 'string' ? dataDirFlag : (io.env.ENCLAVE_DATA_DIR ?? defaultDataDir());
    let password: Promise<string | undefined> | undefined;
    const profileFlag = flags.get('profile');
    const listeners = new Set<(event: EventName, payload: unknown) => void>();

    const ctx: CommandContext = {
      io,
      args,
      flags,
      json: flags.has('json'),
      dataDir,
      async enclave() {
        // The core (SQLite, the router's schemas, the keychain addon) loads on first use:
        // --help and usage errors answer without it.
        if (!enclave) {
          const [{ openEnclave }, { keytarStore }] = await Promise.all([import('../core/enclave.js'), import('../core/keychain/keytar-store.js')]);
          traceStep('cli: core loaded');
          enclave = await openEnclave({
            dataDir,
            secrets: keytarStore(io.env.ENCLAVE_KEYCHAIN_SERVICE ?? APP_ID),
            events: (_window, event, payload) => {
              for (const listener of listeners) listener(event, payload);
            },
            ...(earlyHost ? { hostLauncher: earlyHost } : {}),
          });
          traceStep('cli: core open');
        }
        return enclave;
      },
      password() {
        // Only the final newline is the terminator; anything else belongs to the password.
        password ??= flags.has('password-stdin') ? io.readStdin().then((s) => s.replace(/\r?\n$/, '')) : Promise.resolve(undefined);
        return password;
      },
      async unlockProfile() {
        // The profile's host process starts before the core loads, so its own start-up
        // (Node, SQLite, and DuckDB for analytics commands) runs beside ours on another core.
        if (!enclave && !earlyHost) earlyHost = startHost(command.needsAnalytics === true);
        const e = await ctx.enclave();
        await unlock(e, typeof profileFlag === 'string' ? profileFlag : undefined, await ctx.password());
        traceStep('cli: unlocked');
        return e;
      },
      onEvent(listener) {
        listeners.add(listener);
        return () => listeners.delete(listener);
      },
    };
    await command.run(ctx);
    traceStep('cli: command done');
    return EXIT.ok;
  } catch (e) {
    if (e instanceof OutputClosed) return EXIT.ok;
    if (e instanceof UsageError) {
      io.stderr(`error: USAGE: ${e.message}\n`);
      return EXIT.usage;
    }
    if (e instanceof AppException) {
      io.stderr(`error: ${e.code}: ${e.message}\n`);
      return exitCodeFor(e.code);
    }
    io.stderr(`error: INTERNAL: ${e instanceof Error ? e.message : String(e)}\n`);
    return EXIT.failed;
  } finally {
    await enclave?.close();
    await earlyHost?.dispose();
    traceStep('cli: closed');
  }
}
