// Composition root of the plain-Node core, shared by the Electron main process,
// the CLI and the test harnesses. Nothing here imports `electron`.
import type { Result } from '../../shared/errors.js';
import type { EventName, EventPayload } from '../../shared/contract.js';
import type { LockReason } from '../../shared/profiles.js';
import type { Clock } from './clock.js';
import type { SecretStore } from './keychain/secret-store.js';

/** Delivers a push event to one window (webContents id in Electron, a page in the harness). */
export type EventSink = <E extends EventName>(windowId: number, event: E, payload: EventPayload<E>) => void;

export interface EnclaveOptions {
  /** `<userData>`: holds registry.sqlite and profiles/<uuid>/. */
  dataDir: string;
  secrets: SecretStore;
  clock?: Clock;
  events?: EventSink;
}

export interface Enclave {
  /**
   * Handles one bridge call from a window: validates the input against the contract,
   * resolves the window's profile (data channels never carry one) and runs the handler.
   * Never throws: every failure is a `{ ok: false, error }` value.
   */
  handle(windowId: number, channel: string, input: unknown): Promise<Result<unknown>>;
  /** Unbinds a window (its profile's databases close when no window holds it any more). */
  lockWindow(windowId: number, reason: LockReason): Promise<void>;
  /** Locks every window (OS screen lock, suspend, quit). */
  lockAll(reason: LockReason): Promise<void>;
  /** Locks everything and closes the registry. */
  close(): Promise<void>;
}

export declare function openEnclave(options: EnclaveOptions): Promise<Enclave>;
