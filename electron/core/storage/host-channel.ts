// The one seam between the core and a profile host process. The core speaks to a
// host only through a HostChannel; how the process is started is a HostLauncher:
// `child_process.fork` for the CLI, tests, benches and harness (fork-launcher.ts),
// Electron's `utilityProcess.fork` in the desktop app (electron/main/utility-launcher.ts).
import { fileURLToPath } from 'node:url';
import { APP_ENTRIES } from '../shell/app-entries.js';
import type { HostInbound, WorkerMessage } from './worker-protocol.js';

/** How a host process ended: `signal` is null when it exited by itself (utilityProcess reports codes only). */
export interface HostExit {
  code: number | null;
  signal: NodeJS.Signals | null;
}

export interface HostChannel {
  /** The host's process id (for supervision, the crash suite and the bench). */
  readonly pid: number;
  send(message: HostInbound): void;
  onMessage(listener: (message: WorkerMessage) => void): void;
  /** Each listener is called once, when the process is gone (also when it failed to start). */
  onExit(listener: (exit: HostExit) => void): void;
  /** Each line the host writes to stderr (DuckDB's abort message, a native crash report). */
  onStderrLine(listener: (line: string) => void): void;
  /** Ends the process at once (SIGKILL where the platform has it). */
  kill(): void;
}

export interface HostLauncher {
  /** Starts one host process running `entry` (HOST_ENTRY: build/bundle/profile-host.js). */
  launch(entry: string, name: string): HostChannel;
}

/** The process name hosts are started with (utilityProcess serviceName, argv of a forked host). */
export const HOST_NAME = 'enclave-profile-host';

/**
 * The compiled host entry module: a required app entry (shell/app-entries.ts), which
 * the packaged-layout test proves ships inside app.asar. This module sits at
 * build/electron/core/storage/, four levels below the app's root.
 */
export const HOST_ENTRY = fileURLToPath(new URL(`../../../../${APP_ENTRIES.profileHost}`, import.meta.url));

/** Splits a byte stream into lines for `onStderrLine` (the last partial line is flushed at end). */
export function forEachLine(stream: NodeJS.ReadableStream, listener: (line: string) => void): void {
  let rest = '';
  stream.setEncoding('utf8');
  stream.on('data', (chunk: string) => {
    const lines = (rest + chunk).split('\n');
    rest = lines.pop() ?? '';
    for (const line of lines) listener(line);
  });
  stream.on('end', () => {
    if (rest) listener(rest);
    rest = '';
  });
}
