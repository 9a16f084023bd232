// Sizes, last opened and rows per table of the window's own profile (Storage view).
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors.js';
import type { ProfileStorage } from '../../../shared/profiles/storage-usage.js';
import { callBridge } from '../../bridge/bridge.js';

export type ProfileStorageState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; storage: ProfileStorage };

export function useProfileStorage(): ProfileStorageState {
  const [state, setState] = useState<ProfileStorageState>({ status: 'loading' });
  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.profileStorage()).then((result) => {
      if (!cancelled) setState(result.ok ? { status: 'ready', storage: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, []);
  return state;
}
