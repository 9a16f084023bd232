// The profile host of a command that opens a profile, forked in the CLI's first
// milliseconds: main.ts imports this module first, so the fork happens before the
// command modules are even evaluated, and the host's own start-up (Node, SQLite, and
// DuckDB for analytics commands) runs on the other core beside all of the CLI's.
// The argv is only glanced at here (cli.ts parses it for real): a wrong guess costs a
// host that is killed at the end, or a host forked later, never a different answer.
import { forkLauncherWith } from '../core/storage/fork-launcher.js';
import type { HostChannel, HostExit, HostLauncher } from '../core/storage/host-channel.js';
import { SpareHostLauncher } from '../core/storage/spare-host.js';
import type { WorkerMessage } from '../core/storage/worker-protocol.js';
import { traceStep } from '../core/start-trace.js';
import { GLOBAL_FLAGS, tokenize } from './args.js';

/** The first words of the commands whose host should load DuckDB at once (each has `needsAnalytics`; early-host.test.ts checks both lists agree). */
export const ANALYTICS_COMMAND_WORDS: ReadonlySet<string> = new Set(['query', 'tables', 'import', 'export', 'ask']);

/**
 * What host `argv` will need: none unless it names a profile and asks for no help; one
 * that preloads analytics when the command is one of ANALYTICS_COMMAND_WORDS.
 */
export function hostWanted(argv: readonly string[]): { analytics: boolean } | null {
  let parsed;
  try {
    // Options of the commands are unknown here: taken as booleans, their values read as words after the command's.
    parsed = tokenize(argv, (n) => (n in GLOBAL_FLAGS ? GLOBAL_FLAGS[n as keyof typeof GLOBAL_FLAGS] : 'boolean'));
  } catch {
    return null;
  }
  if (!parsed.flags.has('profile') || parsed.flags.has('help')) return null;
  return { analytics: ANALYTICS_COMMAND_WORDS.has(parsed.words[0] ?? '') };
}

/** One host, started now and handed to the first profile this run opens (not replenished). */
export function startHost(analytics: boolean): SpareHostLauncher {
  const host = new SpareHostLauncher(endedByCloseReply(forkLauncherWith(analytics ? ['--preload-analytics'] : [], 'ignore')), false);
  host.warm();
  traceStep('cli: host forked');
  return host;
}

/**
 * The CLI's hosts count as gone once they have answered `close`: by then both databases
 * are closed (DuckDB's file lock released) and the host only exits, which for a host that
 * ran DuckDB takes tens of milliseconds more of native teardown the command need not
 * wait for (main.ts then ends the process once its output has left). A host that dies
 * first is reported by its real exit, as before.
 */
export function endedByCloseReply(inner: HostLauncher): HostLauncher {
  return {
    launch(entry, name): HostChannel {
      const channel = inner.launch(entry, name);
      let closeId: number | null = null;
      let exited: HostExit | null = null;
      const exitListeners: ((exit: HostExit) => void)[] = [];
      const messageListeners: ((message: WorkerMessage) => void)[] = [];
      const ended = (exit: HostExit) => {
        if (exited) return;
        exited = exit;
        for (const l of exitListeners) l(exit);
      };
      channel.onExit(ended);
      channel.onMessage((m) => {
        for (const l of messageListeners) l(m);
        if (m.kind === 'reply' && m.id === closeId) ended({ code: 0, signal: null });
      });
      return {
        pid: channel.pid,
        send(message) {
          if (message.kind === 'close') closeId = message.id;
          channel.send(message);
        },
        onMessage: (listener) => void messageListeners.push(listener),
        onExit(listener) {
          exitListeners.push(listener);
          if (exited) listener(exited);
        },
        onStderrLine: (listener) => channel.onStderrLine(listener),
        kill: () => channel.kill(),
      };
    },
  };
}
