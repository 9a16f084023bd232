// A profile's analytics yield the CPU to interactive work everywhere. Every thread of a
// host but its main thread (DuckDB's pool, libuv's pool that runs DuckDB's calls, V8's
// helpers) runs at a lower priority, so four runaway queries in profile A cannot slow
// B's unlock (scrypt in main, B's host starting) or a tasks page in any profile: SQLite
// answers run on each host's main thread, which keeps the normal priority. On an idle
// machine a lowered thread runs exactly as fast; it only loses when something waits.
//
// Linux only: there a thread's niceness is its own (setpriority on a thread id) and a
// new thread inherits its creator's. Elsewhere the process boundary and the host's
// budgets (threads, memory) are what keeps profiles apart.
import fs from 'node:fs';
import os from 'node:os';
import { workerNice } from '../core/storage/host-budget.js';

/** Lowers every thread of this process but the main thread; threads started since the last call included. */
export function lowerWorkerThreads(): void {
  if (process.platform !== 'linux') return;
  const target = workerNice(os.getPriority(process.pid));
  let tids: string[];
  try {
    tids = fs.readdirSync('/proc/self/task');
  } catch {
    return;
  }
  for (const t of tids) {
    const tid = Number(t);
    if (tid === process.pid) continue;
    try {
      if (os.getPriority(tid) < target) os.setPriority(tid, target);
    } catch {
      // The thread ended between the listing and here.
    }
  }
}
