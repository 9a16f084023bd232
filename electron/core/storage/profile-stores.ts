// What a profile host's handlers work on: that profile's two open databases. The
// handlers live in electron/host/; this type sits beside the stores so the core's
// host-side modules (analytics, snapshots) can name it without importing the host.
import type { DuckdbStore } from './duckdb-store.js';
import type { SqliteStore } from './sqlite-store.js';
import type { MethodParams, MethodResult, WorkerEvent, WorkerMethod } from './worker-protocol.js';

export interface ProfileStores {
  sqlite: SqliteStore;
  duckdb: DuckdbStore;
  /** Pushes an event to the windows of this profile (absent where nothing listens). */
  emit?: (event: WorkerEvent) => void;
}

/** One host method: a bridge channel with the contract's parsed input, or an internal method. */
export type HostHandler<M extends WorkerMethod> = (stores: ProfileStores, input: MethodParams<M>) => MethodResult<M> | Promise<MethodResult<M>>;

/** Handlers for a set of host methods, keyed by method (channel) name. */
export type HostHandlers<M extends WorkerMethod> = { [K in M]: HostHandler<K> };

/** Every method a host serves: each data channel the host owns, and the internal methods. */
export type HostHandlerTable = HostHandlers<WorkerMethod>;
