// This profile's query history, newest first; a search (every word, any case) is sent to
// the profile's host as it is typed, so it covers the whole history, not the page shown.
import type { QueryHistoryEntry } from '../../../../shared/analysis/analytics.js';
import { callAnalytics } from '../analytics-api.js';
import { useSearchedList, type SearchedState } from './useSearchedList.js';

export type HistoryState = SearchedState<QueryHistoryEntry>;

async function fetchHistory(words: string): Promise<HistoryState> {
  const result = await callAnalytics('listQueryHistory', words ? { limit: 200, search: words } : { limit: 200 });
  return result.ok ? { status: 'ready', items: result.value } : { status: 'error', error: result.error };
}

export function useQueryHistory() {
  return useSearchedList<HistoryState>(fetchHistory, { status: 'loading' });
}
