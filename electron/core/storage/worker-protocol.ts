// Messages between the core and a profile host process (electron/host/). Every method
// the host serves is declared here with its params and result, so both ends type-check.
import type { EventName, EventPayload } from '../../../shared/contract.js';
import type { DamagedFile } from '../../../shared/backups.js';
import type { AppError } from '../../../shared/errors.js';
import type { ProfileRowCounts } from '../../../shared/storage-usage.js';
import type { AnalyticsMethods } from '../analytics/analytics-methods.js';
import type { SnapshotMethods } from '../backup/snapshot-methods.js';
import type { EventMethods } from './methods/event-methods.js';
import type { InternalMethods } from './methods/internal-methods.js';
import type { NoteMethods } from './methods/note-methods.js';
import type { SearchMethods } from './methods/search-methods.js';
import type { TaskMethods } from './methods/task-methods.js';

export interface StorageOverview {
  counts: { tasks: number; notes: number; events: number; tables: number };
  schema: { sqlite: number; duckdb: number };
}

export interface ProfileMethods {
  overview: { params: undefined; result: StorageOverview };
  rowCounts: { params: undefined; result: ProfileRowCounts };
}

/** Each feature declares its own method table; this joins them. */
export interface WorkerMethods extends ProfileMethods, TaskMethods, NoteMethods, EventMethods, SearchMethods, InternalMethods, AnalyticsMethods, SnapshotMethods {}

export type WorkerMethod = keyof WorkerMethods;
export type MethodParams<M extends WorkerMethod> = WorkerMethods[M]['params'];
export type MethodResult<M extends WorkerMethod> = WorkerMethods[M]['result'];

/** What a host is given before anything else: its profile's directory and its share of the machine. */
export interface WorkerInit {
  dir: string;
  budget: HostBudget;
}

/** Limits of one profile host (see host-budget.ts for how they are chosen). */
export interface HostBudget {
  /** DuckDB memory_limit, MiB. */
  memoryLimitMb: number;
  /** DuckDB threads. */
  threads: number;
  /** DuckDB max_temp_directory_size, MiB (spill files in the profile's .staging/). */
  maxTempMb: number;
  /** Bytes of query results the host keeps for paging, summed over its open results. */
  resultBytes: number;
  /** Queries that may run at once in this profile. */
  concurrentQueries: number;
}

export type WorkerRequest =
  | { kind: 'call'; id: number; method: WorkerMethod; params: unknown }
  | { kind: 'close'; id: number };

/** Everything the core sends a host: `init` first and once, then requests. */
export type HostInbound = { kind: 'init'; init: WorkerInit } | WorkerRequest;

/** A push event raised inside the worker (e.g. import progress); main forwards it to the profile's windows. */
export type WorkerEvent = { [E in EventName]: { kind: 'event'; event: E; payload: EventPayload<E> } }[EventName];

export type WorkerMessage =
  | WorkerEvent
  | { kind: 'ready' }
  | { kind: 'fatal'; error: AppError; damaged?: DamagedFile[] }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: AppError };
