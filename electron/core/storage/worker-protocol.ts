// Messages between the main thread and a profile worker. Every method the worker
// serves is declared here with its params and result, so both ends type-check.
import type { AppError } from '../../../shared/errors.js';

export interface StorageOverview {
  counts: { tasks: number; notes: number; events: number; tables: number };
  schema: { sqlite: number; duckdb: number };
}

export interface ProfileMethods {
  overview: { params: undefined; result: StorageOverview };
}

/** Each feature declares its own method table; this joins them. */
export interface WorkerMethods extends ProfileMethods {}

export type WorkerMethod = keyof WorkerMethods;
export type MethodParams<M extends WorkerMethod> = WorkerMethods[M]['params'];
export type MethodResult<M extends WorkerMethod> = WorkerMethods[M]['result'];

export interface WorkerInit {
  dir: string;
}

export type WorkerRequest =
  | { kind: 'call'; id: number; method: WorkerMethod; params: unknown }
  | { kind: 'close'; id: number };

export type WorkerMessage =
  | { kind: 'ready' }
  | { kind: 'fatal'; error: AppError }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: AppError };
