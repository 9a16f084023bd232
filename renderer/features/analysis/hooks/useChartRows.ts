// The rows a chart draws: the first CHART_ROW_LIMIT rows of a result, fetched in the
// largest pages the channel allows.
import { useEffect, useState } from 'react';
import { MAX_PAGE_ROWS, type QueryResultInfo } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { slicePage, type WirePage } from '../../../../shared/wire.js';
import { callAnalytics } from '../analytics-api.js';

export const CHART_ROW_LIMIT = 100_000;

export type ChartRowsState =
  | { status: 'loading'; resultId: string; loaded: number; wanted: number }
  | { status: 'error'; resultId: string; error: AppError }
  | { status: 'ready'; resultId: string; rows: WirePage };

export function useChartRows(info: QueryResultInfo): ChartRowsState {
  const wanted = Math.min(info.totalRows, CHART_ROW_LIMIT);
  const [state, setState] = useState<ChartRowsState>({ status: 'loading', resultId: info.resultId, loaded: 0, wanted });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const rows = slicePage(info.firstPage, 0, wanted);
      while (rows.rowCount < wanted) {
        const limit = Math.min(MAX_PAGE_ROWS, wanted - rows.rowCount);
        const page = await callAnalytics('fetchRows', { resultId: info.resultId, offset: rows.rowCount, limit });
        if (cancelled) return;
        if (!page.ok) {
          setState({ status: 'error', resultId: info.resultId, error: page.error });
          return;
        }
        if (page.value.rowCount === 0) break;
        page.value.columns.forEach((col, j) => {
          const into = rows.columns[j]!;
          for (const cell of col) into.push(cell);
        });
        rows.rowCount += page.value.rowCount;
        setState({ status: 'loading', resultId: info.resultId, loaded: rows.rowCount, wanted });
      }
      if (!cancelled) setState({ status: 'ready', resultId: info.resultId, rows });
    })();
    return () => {
      cancelled = true;
    };
  }, [info, wanted]);

  return state.resultId === info.resultId ? state : { status: 'loading', resultId: info.resultId, loaded: 0, wanted };
}
