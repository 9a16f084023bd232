// Profile hosts as Node child processes: the CLI, the tests, the benches and the
// Chromium harness. (The desktop app uses Electron's utilityProcess instead: with
// the runAsNode fuse off, Electron's binary cannot be forked as Node.)
import { fork } from 'node:child_process';
import { forEachLine, type HostChannel, type HostExit, type HostLauncher } from './host-channel.js';
import type { HostInbound, WorkerMessage } from './worker-protocol.js';

/** Flags of ours worth passing on (source maps in stack traces); never --test, --inspect or loaders. */
const inheritedFlags = () => process.execArgv.filter((a) => a === '--enable-source-maps');

/**
 * A launcher whose hosts get `args` after their name (e.g. --preload-analytics, see
 * profile-host.ts). `stdout: 'ignore'` (the CLI's hosts): the CLI's stdout is the
 * command's output, and a host holding it open would keep its reader (a pipe, `$(…)`)
 * waiting for the host's exit after the command is done.
 */
export const forkLauncherWith = (args: readonly string[], stdout: 'inherit' | 'ignore' = 'inherit'): HostLauncher => ({
  launch(entry, name): HostChannel {
    const child = fork(entry, [name, ...args], {
      // 'advanced' is V8's structured clone (as worker_threads used): undefined,
      // Date, bigint and typed arrays survive, and holey pages stay arrays.
      serialization: 'advanced',
      stdio: ['ignore', stdout, 'pipe', 'ipc'],
      execArgv: inheritedFlags(),
    });
    const exitListeners: ((exit: HostExit) => void)[] = [];
    let exited: HostExit | null = null;
    const onExit = (exit: HostExit) => {
      if (exited) return;
      exited = exit;
      for (const l of exitListeners) l(exit);
    };
    child.on('exit', (code, signal) => onExit({ code, signal }));
    // A process that could not be spawned at all emits 'error' and maybe no 'exit'.
    child.on('error', () => {
      if (child.exitCode === null && child.signalCode === null && child.pid === undefined) onExit({ code: null, signal: null });
    });
    return {
      pid: child.pid ?? -1,
      send(message: HostInbound) {
        // A host that died between our check and this send must not throw here: its exit answers the call.
        if (child.connected) child.send(message, (e) => void e);
      },
      onMessage: (listener) => child.on('message', (m) => listener(m as WorkerMessage)),
      onExit(listener) {
        exitListeners.push(listener);
        if (exited) listener(exited);
      },
      onStderrLine: (listener) => forEachLine(child.stderr!, listener),
      kill: () => void child.kill('SIGKILL'),
    };
  },
});

export const forkLauncher: HostLauncher = forkLauncherWith([]);
