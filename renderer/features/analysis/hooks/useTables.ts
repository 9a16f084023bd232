// The profile's tables and views, with row counts, sizes and columns.
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { useFetchedState } from '../../../bridge/useFetchedState.js';
import { callAnalytics } from '../analytics-api.js';

export type TablesState =
  | { status: 'loading' }
  | { status: 'error'; error: AppError }
  | { status: 'ready'; tables: TableInfo[] };

async function fetchTables(): Promise<TablesState> {
  const result = await callAnalytics('listTables');
  return result.ok ? { status: 'ready', tables: result.value } : { status: 'error', error: result.error };
}

export function useTables() {
  const { state, reload } = useFetchedState<TablesState>(fetchTables, { status: 'loading' });
  return { state, reload };
}
