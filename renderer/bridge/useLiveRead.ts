// A read of the unlocked profile that is done again whenever any window of the profile
// changes a task, note or event (Home's counts and Today), so nothing shown lags behind.
import { useEffect, useState } from 'react';
import type { AppError, Result } from '../../shared/errors.js';
import { useItemsChanged } from './useItemsChanged.js';

export type LiveState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; value: T };

export function useLiveRead<T>(read: () => Promise<Result<T>>): LiveState<T> {
  const [state, setState] = useState<LiveState<T>>({ status: 'loading' });
  const [tick, setTick] = useState(0);
  const again = () => setTick((n) => n + 1);
  useItemsChanged('task', again);
  useItemsChanged('note', again);
  useItemsChanged('event', again);

  useEffect(() => {
    let cancelled = false;
    void read().then((result) => {
      if (cancelled) return;
      // A failed refresh keeps what is already shown.
      setState((prev) =>
        result.ok ? { status: 'ready', value: result.value } : prev.status === 'ready' ? prev : { status: 'error', error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
    // `read` is a module-level function in every caller; only the tick asks for a new read.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [tick]);
  return state;
}
