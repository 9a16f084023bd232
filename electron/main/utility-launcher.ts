// Profile hosts in the desktop app: Electron's utilityProcess (a Chromium utility
// process with Node). It needs no runAsNode fuse, which stays off; the child finds
// `process.parentPort` (electron/host/parent-link.ts). Thin on purpose: the
// supervision lives in the core, behind the same HostLauncher as child_process.fork.
import type { ForkOptions, UtilityProcess } from 'electron';
import { forEachLine, type HostChannel, type HostExit, type HostLauncher } from '../core/storage/host-channel.js';
import type { HostInbound, WorkerMessage } from '../core/storage/worker-protocol.js';

/** The part of Electron's `utilityProcess` module used here (main.ts passes the real one). */
export interface UtilityProcessModule {
  fork(modulePath: string, args?: string[], options?: ForkOptions): UtilityProcess;
}

export function utilityLauncher(utility: UtilityProcessModule): HostLauncher {
  return {
    launch(entry, name): HostChannel {
      // The host's stderr is piped into the app's log; it never reaches a renderer.
      const child = utility.fork(entry, [name], { serviceName: name, stdio: ['ignore', 'inherit', 'pipe'] });
      // Messages wait for 'spawn': before it there is no process to receive them.
      let queue: HostInbound[] | null = [];
      const exitListeners: ((exit: HostExit) => void)[] = [];
      let exited: HostExit | null = null;
      child.once('spawn', () => {
        for (const m of queue ?? []) child.postMessage(m);
        queue = null;
      });
      child.once('exit', (code) => {
        // utilityProcess reports an exit code only; a crash shows as a non-zero one.
        const exit: HostExit = { code, signal: null };
        exited = exit;
        for (const l of exitListeners) l(exit);
      });
      return {
        get pid() {
          return child.pid ?? -1;
        },
        send(message) {
          if (exited) return;
          if (queue) queue.push(message);
          else child.postMessage(message);
        },
        onMessage: (listener) => child.on('message', (m: unknown) => listener(m as WorkerMessage)),
        onExit(listener) {
          exitListeners.push(listener);
          if (exited) listener(exited);
        },
        onStderrLine(listener) {
          if (child.stderr) forEachLine(child.stderr, listener);
        },
        kill() {
          // kill() is SIGTERM; a host that must go now (a timed-out close) gets SIGKILL.
          if (child.pid !== undefined) process.kill(child.pid, 'SIGKILL');
          else child.kill();
        },
      };
    },
  };
}
