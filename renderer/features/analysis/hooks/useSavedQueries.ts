// This profile's saved queries: the list (filtered by a search as it is typed) and the
// changes to it, each followed by a fresh read of the list.
import { useCallback } from 'react';
import type { Result } from '../../../../shared/errors.js';
import type { SavedQuery } from '../../../../shared/analysis/query-workspace.js';
import { callBridge } from '../../../bridge/bridge.js';
import { useSearchedList, type SearchedState } from './useSearchedList.js';

export type SavedQueriesState = SearchedState<SavedQuery>;

async function fetchSavedQueries(words: string): Promise<SavedQueriesState> {
  const result = await callBridge((api) => api.listSavedQueries(words ? { search: words } : {}));
  return result.ok ? { status: 'ready', items: result.value } : { status: 'error', error: result.error };
}

export function useSavedQueries() {
  const { state, search, setSearch, reload } = useSearchedList<SavedQueriesState>(fetchSavedQueries, { status: 'loading' });
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
