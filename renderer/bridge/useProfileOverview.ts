// Counts read from the unlocked profile's own databases, read again whenever any window
// of the profile changes a task, note or event (so a count never lags behind a dialog).
import { useEffect, useState } from 'react';
import type { AppError } from '../../shared/errors.js';
import type { ProfileOverview } from '../../shared/profiles.js';
import { callBridge } from './bridge.js';
import { useItemsChanged } from './useItemsChanged.js';

export type OverviewState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; overview: ProfileOverview };

export function useProfileOverview(): OverviewState {
  const [state, setState] = useState<OverviewState>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const again = () => setTick((n) => n + 1);
  useItemsChanged('task', again);
  useItemsChanged('note', again);
  useItemsChanged('event', again);

  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.profileOverview()).then((result) => {
      if (cancelled) return;
      // A failed refresh keeps the counts already shown.
      setState((prev) =>
        result.ok ? { status: 'ready', overview: result.value } : prev.status === 'ready' ? prev : { status: 'error', error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [tick]);

  return state;
}
