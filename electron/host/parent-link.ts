// The host's line to the process that started it, whichever that is: a Node parent
// (child_process.fork: process.send / 'message' / 'disconnect') or Electron's main
// process (utilityProcess: process.parentPort). The host itself never imports
// 'electron'; the utility side is typed structurally here.
import type { HostInbound, WorkerMessage } from '../core/storage/worker-protocol.js';

export interface ParentLink {
  post(message: WorkerMessage): void;
  onMessage(listener: (message: HostInbound) => void): void;
}

/** The part of Electron's `process.parentPort` (a ParentPort) the host uses. */
interface UtilityParentPort {
  postMessage(message: unknown): void;
  on(event: 'message', listener: (event: { data: unknown }) => void): void;
}

/** How often the host checks that its parent is still alive where no disconnect event tells it. */
const ORPHAN_CHECK_MS = 500;

/**
 * Ends the host at once when its parent is gone: a SIGKILLed main/CLI must not leave
 * a host holding the profile's DuckDB lock, or the next process could not open the
 * profile. SIGKILL rather than process.exit: exit runs DuckDB's static destructors
 * while its threads may still be running a query, which can hang or abort. Dying
 * without closing is safe: every acknowledged write is committed (WAL) before its
 * reply is sent, which is what the crash suite proves.
 */
const die = () => process.kill(process.pid, 'SIGKILL');

/** Connects to the parent and makes the host die as soon as the parent is gone. */
export function connectToParent(): ParentLink {
  const parentPort = (process as unknown as { parentPort?: UtilityParentPort }).parentPort;
  const startPpid = process.ppid;
  // Reparenting (to init or a subreaper) means the parent died; covers both runtimes.
  setInterval(() => {
    if (process.ppid !== startPpid) die();
  }, ORPHAN_CHECK_MS).unref();

  if (parentPort) {
    return {
      post: (m) => parentPort.postMessage(m),
      onMessage: (listener) => parentPort.on('message', (e) => listener(e.data as HostInbound)),
    };
  }
  if (!process.send) throw new Error('profile-host must be started by the core (child_process.fork or utilityProcess.fork)');
  process.on('disconnect', die);
  return {
    post: (m) => {
      if (process.connected) process.send!(m);
    },
    onMessage: (listener) => process.on('message', (m) => listener(m as HostInbound)),
  };
}
