// This profile's query history, newest first.
import { useCallback, useEffect, useState } from 'react';
import type { QueryHistoryEntry } from '../../../../shared/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { callAnalytics } from '../analytics-api.js';

export type HistoryState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; entries: QueryHistoryEntry[] };

async function fetchHistory(): Promise<HistoryState> {
  const result = await callAnalytics('listQueryHistory', { limit: 200 });
  return result.ok ? { status: 'ready', entries: result.value } : { status: 'error', error: result.error };
}

export function useQueryHistory() {
  const [state, setState] = useState<HistoryState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void fetchHistory().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  const reload = useCallback(async () => {
    setState(await fetchHistory());
  }, []);

  return { state, reload };
}
