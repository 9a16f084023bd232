// This profile's saved queries: the list (filtered by a search as it is typed) and the
// changes to it, each followed by a fresh read of the list.
import { useCallback, useEffect, useState } from 'react';
import type { AppError, Result } from '../../../../shared/errors.js';
import type { SavedQuery } from '../../../../shared/analysis/query-workspace.js';
import { callBridge } from '../../../bridge/bridge.js';

export type SavedQueriesState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; queries: SavedQuery[] };

const SEARCH_AFTER_MS = 150;

export function useSavedQueries() {
  const [search, setSearch] = useState('');
  const [state, setState] = useState<SavedQueriesState>({ status: 'loading' });
  const [serial, setSerial] = useState(0);

  useEffect(() => {
    let cancelled = false;
    const t = window.setTimeout(
      () =>
        void callBridge((api) => api.listSavedQueries(search.trim() ? { search: search.trim() } : {})).then((result) => {
          if (!cancelled) setState(result.ok ? { status: 'ready', queries: result.value } : { status: 'error', error: result.error });
        }),
      search ? SEARCH_AFTER_MS : 0,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(t);
    };
  }, [search, serial]);

  const reload = useCallback(() => setSerial((n) => n + 1), []);
  const after = useCallback(
    <T,>(result: Result<T>) => {
      if (result.ok) reload();
      return result;
    },
    [reload],
  );

  return {
    state,
    search,
    setSearch,
    create: useCallback((name: string, sql: string) => callBridge((api) => api.createSavedQuery({ name, sql })).then(after), [after]),
    update: useCallback(
      (id: string, changes: { name?: string; sql?: string }) => callBridge((api) => api.updateSavedQuery({ id, ...changes })).then(after),
      [after],
    ),
    remove: useCallback((id: string) => callBridge((api) => api.deleteSavedQuery({ id })).then(after), [after]),
  };
}
