// Its own file so that the sessions (which push events) need not import enclave.ts, which
// builds the sessions: that pair was an import cycle.
import type { EventName, EventPayload } from '../../shared/contract.js';

/** Delivers a push event to one window (webContents id in Electron, a page in the harness). */
export type EventSink = <E extends EventName>(windowId: number, event: E, payload: EventPayload<E>) => void;
