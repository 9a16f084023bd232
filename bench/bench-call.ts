// A channel call as a window would make it, for the benches: an error answer throws, so a
// bench stops at the first instead of timing failures.
import type { Enclave } from '../electron/core/enclave.js';

export async function callAs<T>(enclave: Enclave, windowId: number, channel: string, input?: unknown): Promise<T> {
  const r = await enclave.handle(windowId, channel, input);
  if (!r.ok) throw new Error(`${channel}: ${r.error.code}: ${r.error.message}`);
  return r.value as T;
}
