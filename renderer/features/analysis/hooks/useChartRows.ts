// The rows a chart draws: the first CHART_ROW_LIMIT rows of a result, fetched in the
// largest pages the channel allows.
import { useEffect, useState } from 'react';
import type { QueryResultInfo } from '../../../../shared/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import type { WireCell } from '../../../../shared/wire.js';
import { callAnalytics } from '../analytics-api.js';

export const CHART_ROW_LIMIT = 100_000;
/** fetchRows' own limit (MAX_PAGE_ROWS); importing the value would pull zod into this chunk. */
const MAX_PAGE_ROWS = 10_000;

export type ChartRowsState =
  | { status: 'loading'; resultId: string; loaded: number; wanted: number }
  | { status: 'error'; resultId: string; error: AppError }
  | { status: 'ready'; resultId: string; rows: WireCell[][] };

export function useChartRows(info: QueryResultInfo): ChartRowsState {
  const wanted = Math.min(info.totalRows, CHART_ROW_LIMIT);
  const [state, setState] = useState<ChartRowsState>({ status: 'loading', resultId: info.resultId, loaded: 0, wanted });

  useEffect(() => {
    let cancelled = false;
    void (async () => {
      const rows: WireCell[][] = info.firstPage.rows.slice(0, wanted);
      while (rows.length < wanted) {
        const limit = Math.min(MAX_PAGE_ROWS, wanted - rows.length);
        const page = await callAnalytics('fetchRows', { resultId: info.resultId, offset: rows.length, limit });
        if (cancelled) return;
        if (!page.ok) {
          setState({ status: 'error', resultId: info.resultId, error: page.error });
          return;
        }
        if (page.value.rows.length === 0) break;
        for (const r of page.value.rows) rows.push(r);
        setState({ status: 'loading', resultId: info.resultId, loaded: rows.length, wanted });
      }
      if (!cancelled) setState({ status: 'ready', resultId: info.resultId, rows });
    })();
    return () => {
      cancelled = true;
    };
  }, [info, wanted]);

  return state.resultId === info.resultId ? state : { status: 'loading', resultId: info.resultId, loaded: 0, wanted };
}
