// The one place that touches `window.api`. Hooks call through here so that a
// transport failure (preload missing, IPC torn down) becomes an ordinary error
// value instead of an unhandled rejection somewhere in a component.
import type { Api } from '../../shared/contract.js';
import type { Result } from '../../shared/errors.js';
import type { FileGrant } from '../../shared/files/file-grants.js';

const unreachable = {
  code: 'INTERNAL',
  message: 'Enclave could not reach its core. Restart the app and try again.',
} as const;

export async function callBridge<T>(invoke: (api: Api) => Promise<Result<T>>): Promise<Result<T>> {
  const api = (window as Partial<Window>).api;
  if (!api) return { ok: false, error: unreachable };
  try {
    return await invoke(api);
  } catch {
    return { ok: false, error: unreachable };
  }
}

export function subscribeBridge(subscribe: (api: Api) => () => void): () => void {
  const api = (window as Partial<Window>).api;
  return api ? subscribe(api) : () => {};
}

/** A read token for a dropped file (the preload asks main); null when it is not on disk or main refused it. */
export async function droppedFileGrant(file: File): Promise<FileGrant | null> {
  try {
    return (await (window as Partial<Window>).files?.grant(file)) ?? null;
  } catch {
    return null;
  }
}
