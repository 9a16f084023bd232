// How much of the machine one profile host may use, so that one profile cannot
// starve the others (issue 11). Main computes a budget when it starts a host and
// sends it with the init message; the host applies it (analytics/host-limits.ts).
import os from 'node:os';
import type { HostBudget } from './worker-protocol.js';

/**
 * DuckDB's memory budget for all open profiles together: half the machine's memory
 * (the other half is the OS, the app's windows and other programs), split into
 * MEMORY_SHARES equal shares, one per host, at least MIN_SHARE_MB each.
 *
 * Why fixed shares and not "budget ÷ profiles open now": a host's configuration is
 * locked against user SQL as soon as it opens (sandbox.ts), so a running host's
 * limit cannot shrink when another profile opens. Fixed shares keep the sum within
 * the budget for up to MEMORY_SHARES hosts at once (two windows' profiles, plus a
 * backup restore check and a CLI command), with no host ever reconfigured. DuckDB
 * spills to the temp directory beyond its limit rather than failing most queries.
 */
export const MEMORY_SHARES = 4;
const MIN_SHARE_MB = 256;

/** Spill space per host: a fixed cap rather than DuckDB's default of 90 % of the free disk. */
export const MAX_TEMP_MB = 4096;

/** Bytes of kept query results per host (estimated; kept results spill to the temp space, so less than MAX_TEMP_MB). */
export const RESULT_BYTES = 2048 * 2 ** 20;

/** Queries one profile may run at once; more answer LIMIT_REACHED instead of queueing behind them unseen. */
export const CONCURRENT_QUERIES = 4;

export function defaultHostBudget(totalMemBytes = os.totalmem(), cores = os.availableParallelism()): HostBudget {
  const budgetMb = Math.floor(totalMemBytes / 2 ** 20 / 2);
  return {
    memoryLimitMb: Math.max(MIN_SHARE_MB, Math.floor(budgetMb / MEMORY_SHARES)),
    // Half the cores (at least two, at most all): a profile grinding through a query
    // leaves the other half to the other profile's host and to main. The OS shares
    // the rest fairly between processes.
    threads: Math.min(cores, Math.max(2, Math.floor(cores / 2))),
    maxTempMb: MAX_TEMP_MB,
    resultBytes: RESULT_BYTES,
    concurrentQueries: CONCURRENT_QUERIES,
  };
}

/** How far below the main thread a host's worker threads run: CFS weighs 10 steps at about a tenth. */
export const WORKER_NICE_STEPS = 10;
/** The lowest niceness Linux has; where a host's long-running work goes (see LONG_CALL_MS). */
export const BACKGROUND_NICE = 19;

/** The niceness of a host's worker threads when its main thread runs at `mainNice`. */
export const workerNice = (mainNice: number): number => Math.min(BACKGROUND_NICE, mainNice + WORKER_NICE_STEPS);

/**
 * A host call (a query, an import, a sort, a snapshot) still running after this long
 * is background work: the threads running it drop to BACKGROUND_NICE, below every
 * host's worker threads at workerNice (CFS weighs nice 19 at about a seventh of nice
 * 10). So four 2-s queries in profile A give way to B's page fetch (a few ms of DuckDB
 * on B's threads at workerNice), to B's host starting and to scrypt in main, instead
 * of sharing the CPU equally with them. 250 ms is well above any page, preview or
 * tasks answer and short enough that a runaway query yields almost at once. The drop
 * is for the thread's life: Linux lets a process lower a thread's priority but not
 * raise it again without privilege, so a pool thread that once ran long work stays
 * low (profiles that both grind share the CPU equally at the lowest priority).
 */
export const LONG_CALL_MS = 250;
