// A profile's analytics yield the CPU to interactive work everywhere. Every thread of a
// host but its main thread (DuckDB's pool, libuv's pool that runs DuckDB's calls, V8's
// helpers) runs at a lower priority, so four runaway queries in profile A cannot slow
// B's unlock (scrypt in main, B's host starting) or a tasks page in any profile: SQLite
// answers run on each host's main thread, which keeps the normal priority. On an idle
// machine a lowered thread runs exactly as fast; it only loses when something waits.
// Threads running a host's long calls drop lower still (demoteRunningWorkerThreads,
// see LONG_CALL_MS in host-budget.ts), so another profile's short DuckDB work (a page)
// wins over them too.
//
// Linux only: there a thread's niceness is its own (setpriority on a thread id) and a
// new thread inherits its creator's. Elsewhere the process boundary and the host's
// budgets (threads, memory) are what keeps profiles apart.
import fs from 'node:fs';
import os from 'node:os';
import { BACKGROUND_NICE, workerNice } from '../core/storage/host-budget.js';

/** This process's threads but the main thread, or [] where /proc cannot be read. */
function workerThreadIds(): number[] {
  try {
    return fs
      .readdirSync('/proc/self/task')
      .map(Number)
      .filter((tid) => tid !== process.pid);
  } catch {
    return [];
  }
}

/** Lowers a thread to `nice` if it runs above it (never raises one: that needs privilege). */
function lowerTo(tid: number, nice: number): void {
  try {
    if (os.getPriority(tid) < nice) os.setPriority(tid, nice);
  } catch {
    // The thread ended between the listing and here.
  }
}

/**
 * The threads lowerWorkerThreads has already lowered, and to what. It runs before every
 * analytics call (issue 11: a page is a few ms), so a thread is asked its priority and
 * lowered once, not on every call: only threads started since the last call cost
 * syscalls. (A lowered thread never rises again by itself: raising needs privilege.)
 */
let lowered = new Set<number>();
let loweredTo = Number.NaN;

/** Lowers every thread of this process but the main thread; threads started since the last call included. */
export function lowerWorkerThreads(): void {
  if (process.platform !== 'linux') return;
  const target = workerNice(os.getPriority(process.pid));
  if (target !== loweredTo) {
    lowered.clear();
    loweredTo = target;
  }
  const threads = workerThreadIds();
  for (const tid of threads) if (!lowered.has(tid)) lowerTo(tid, target);
  // Only threads alive now: an ended thread's id may later be a new thread's.
  lowered = new Set(threads);
}

/** Whether a thread is running or waiting for a CPU (state R in /proc/self/task/TID/stat), i.e. doing work now. */
function isRunning(tid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/self/task/${tid}/stat`, 'utf8');
    // The name in parentheses may hold spaces and parentheses: the state follows the last ')'.
    return stat[stat.lastIndexOf(')') + 2] === 'R';
  } catch {
    return false;
  }
}

/**
 * Moves the worker threads doing work at this moment to BACKGROUND_NICE. Called while
 * a host call has run longer than LONG_CALL_MS: the threads running are then (almost
 * always) the ones running it; idle pool threads keep their priority for the next
 * short call. Returns how many threads were lowered.
 */
export function demoteRunningWorkerThreads(): number {
  if (process.platform !== 'linux') return 0;
  let lowered = 0;
  for (const tid of workerThreadIds()) {
    if (!isRunning(tid)) continue;
    try {
      if (os.getPriority(tid) >= BACKGROUND_NICE) continue;
    } catch {
      continue;
    }
    lowerTo(tid, BACKGROUND_NICE);
    lowered++;
  }
  return lowered;
}
