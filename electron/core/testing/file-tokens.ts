// Tests reach file channels the way the CLI does: the core's trusted grantFile turns a
// path into a token for one window, which the channel then takes as `file`.
import type { Enclave } from '../enclave.js';

/** A read token (import, restore) for `file`, usable by `windowId`. */
export const readToken = (enclave: Pick<Enclave, 'grantFile'>, file: string, windowId = 1) => enclave.grantFile(windowId, 'read', file).token;

/** A write token (data export, archive export) for `file`, usable by `windowId`. */
export const writeToken = (enclave: Pick<Enclave, 'grantFile'>, file: string, windowId = 1) => enclave.grantFile(windowId, 'write', file).token;
