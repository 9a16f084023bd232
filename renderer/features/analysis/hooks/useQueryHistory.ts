// This profile's query history, newest first; a search (every word, any case) is sent to
// the profile's host as it is typed, so it covers the whole history, not the page shown.
import { useCallback, useEffect, useState } from 'react';
import type { QueryHistoryEntry } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { callAnalytics } from '../analytics-api.js';

export type HistoryState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; entries: QueryHistoryEntry[] };

const SEARCH_AFTER_MS = 150;

async function fetchHistory(search: string): Promise<HistoryState> {
  const words = search.trim();
  const result = await callAnalytics('listQueryHistory', words ? { limit: 200, search: words } : { limit: 200 });
  return result.ok ? { status: 'ready', entries: result.value } : { status: 'error', error: result.error };
}

export function useQueryHistory() {
  const [state, setState] = useState<HistoryState>({ status: 'loading' });
  const [search, setSearch] = useState('');
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const t = window.setTimeout(
      () =>
        void fetchHistory(search).then((next) => {
          if (!cancelled) setState(next);
        }),
      search ? SEARCH_AFTER_MS : 0,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(t);
    };
  }, [search, serial]);

  const reload = useCallback(() => setSerial((n) => n + 1), []);

  return { state, search, setSearch, reload };
}
