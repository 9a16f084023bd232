// Counts and schema versions read from the unlocked profile's own databases.
import { useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors.js';
import type { ProfileOverview } from '../../shared/profiles.js';
import { callBridge } from './bridge.js';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; overview: ProfileOverview };

export function useProfileOverview(): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.profileOverview()).then((result) => {
      if (cancelled) return;
      setState(result.ok ? { status: 'ready', overview: result.value } : { status: 'error', error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, []);

  return state;
}
