// One query at a time: run SQL, cancel it, and sort/filter its result (each sort or
// filter is a new result on the core derived from the original one, by generated SQL).
// Results the view no longer shows are closed so the core can drop them.
import { useCallback, useEffect, useRef, useState } from 'react';
import { RESULT_PAGE_ROWS, type QueryResultInfo, type ResultFilter, type ResultGrouping, type ResultSort } from '../../../../shared/analysis/analytics.js';
import type { AppError } from '../../../../shared/errors.js';
import { useLatest } from '../../../hooks/useLatest.js';
import { callAnalytics, newId } from '../analytics-api.js';

export interface ShownResult {
  /** What the SQL produced. */
  base: QueryResultInfo;
  /** What the grid shows: `base`, or `base` sorted and filtered. */
  view: QueryResultInfo;
  sort: ResultSort[];
  filters: ResultFilter[];
  /** When the query that produced `base` finished (epoch ms). */
  ranAt: number;
  /**
   * Set when a later query failed or was cancelled: the grid still shows this result,
   * and must say it is the previous run's.
   */
  stale: 'failed' | 'cancelled' | null;
  /** Grouped (and pivoted) by the core, when set; the filters then pick the rows grouped. */
  group?: ResultGrouping | null;
}

export interface Running {
  queryId: string;
  kind: 'query' | 'sort';
  startedAt: number;
}

export interface QueryFailure {
  error: AppError;
  /** The SQL sent, and where it starts in the editor (when a selection ran). */
  sql: string;
  editorOffset: number;
}

export function useQuerySession(onFinished?: () => void) {
  const [result, setResult] = useState<ShownResult | null>(null);
  const [running, setRunning] = useState<Running | null>(null);
  const [failure, setFailure] = useState<QueryFailure | null>(null);
  const openIds = useRef(new Set<string>());
  const runningRef = useRef<Running | null>(null);
  const finished = useLatest(onFinished);

  useEffect(() => {
    const ids = openIds.current;
    return () => {
      for (const id of ids) void callAnalytics('closeResult', { resultId: id });
      ids.clear();
    };
  }, []);

  const close = useCallback((ids: string[]) => {
    for (const id of ids) {
      if (!openIds.current.delete(id)) continue;
      void callAnalytics('closeResult', { resultId: id });
    }
  }, []);

  const start = useCallback((kind: Running['kind']) => {
    const next = { queryId: newId(), kind, startedAt: performance.now() };
    runningRef.current = next;
    setRunning(next);
    return next;
  }, []);

  /** False when another run took over meanwhile: then this answer is stale. */
  const stop = useCallback((queryId: string) => {
    if (runningRef.current?.queryId !== queryId) return false;
    runningRef.current = null;
    setRunning(null);
    return true;
  }, []);

  /** The exact count of a streamed result, and its first page as kept, once the core has them. */
  const follow = useCallback(async (info: QueryResultInfo, sql: string, editorOffset: number) => {
    const total = await callAnalytics('resultTotal', { resultId: info.resultId, pageSize: RESULT_PAGE_ROWS });
    if (!total.ok) {
      if (total.error.code === 'NOT_FOUND') return; // closed meanwhile: another result is shown
      setResult((shown) => (shown?.base.resultId === info.resultId ? { ...shown, stale: total.error.code === 'CANCELLED' ? 'cancelled' : 'failed' } : shown));
      setFailure({ error: total.error, sql, editorOffset });
      return;
    }
    const counted: QueryResultInfo = { ...info, ...total.value, counting: false };
    setResult((shown) =>
      shown?.base.resultId === info.resultId ? { ...shown, base: counted, view: shown.view === shown.base ? counted : shown.view } : shown,
    );
  }, []);

  const run = useCallback(async (sql: string, editorOffset = 0) => {
    const { queryId } = start('query');
    setFailure(null);
    // Streamed: the first page shows as soon as DuckDB has it; the exact count follows.
    const outcome = await callAnalytics('runQuery', { sql, queryId, pageSize: RESULT_PAGE_ROWS, stream: true });
    if (!stop(queryId)) {
      if (outcome.ok) close([outcome.value.resultId]);
      return;
    }
    if (outcome.ok) {
      openIds.current.add(outcome.value.resultId);
      close([...openIds.current].filter((id) => id !== outcome.value.resultId));
      setResult({ base: outcome.value, view: outcome.value, sort: [], filters: [], ranAt: Date.now(), stale: null });
      if (outcome.value.counting) void follow(outcome.value, sql, editorOffset);
    } else {
      setFailure({ error: outcome.error, sql, editorOffset });
      const stale = outcome.error.code === 'CANCELLED' ? 'cancelled' : 'failed';
      setResult((shown) => (shown ? { ...shown, stale } : shown));
    }
    finished.current?.();
  }, [close, follow, start, stop, finished]);

  const sortFilter = useCallback(async (shown: ShownResult, sort: ResultSort[], filters: ResultFilter[], group: ResultGrouping | null = null) => {
    setFailure(null);
    if (sort.length === 0 && filters.length === 0 && !group) {
      if (shown.view !== shown.base) close([shown.view.resultId]);
      setResult({ ...shown, view: shown.base, sort, filters, group: null });
      return;
    }
    const { queryId } = start('sort');
    const outcome = await callAnalytics('sortFilterResult', {
      resultId: shown.base.resultId,
      sort,
      filters,
      queryId,
      pageSize: RESULT_PAGE_ROWS,
      ...(group ? { group } : {}),
    });
    if (!stop(queryId)) {
      if (outcome.ok) close([outcome.value.resultId]);
      return;
    }
    if (outcome.ok) {
      openIds.current.add(outcome.value.resultId);
      if (shown.view !== shown.base) close([shown.view.resultId]);
      setResult({ ...shown, view: outcome.value, sort, filters, group });
    } else {
      setFailure({ error: outcome.error, sql: '', editorOffset: 0 });
    }
  }, [close, start, stop]);

  const cancel = useCallback(async () => {
    const current = runningRef.current;
    if (!current) return;
    await callAnalytics('cancelQuery', { queryId: current.queryId });
  }, []);

  const dismissFailure = useCallback(() => setFailure(null), []);

  /** Takes a stale result off the screen (its kept result is closed on the core). */
  const clearResult = useCallback(() => {
    setResult((shown) => {
      if (shown) close([shown.base.resultId, shown.view.resultId]);
      return null;
    });
  }, [close]);

  return { result, running, failure, run, sortFilter, cancel, dismissFailure, clearResult };
}
