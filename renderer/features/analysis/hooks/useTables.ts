// The profile's tables and views, with row counts, sizes and columns.
import { useCallback, useEffect, useState } from 'react';
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
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
  const [state, setState] = useState<TablesState>({ status: 'loading' });

  useEffect(() => {
    let cancelled = false;
    void fetchTables().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
  }, []);

  // Keeps the old list on screen while refreshing; a refresh is quick and flicker is not.
  const reload = useCallback(async () => {
    setState(await fetchTables());
  }, []);

  return { state, reload };
}
