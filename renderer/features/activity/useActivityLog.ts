// The window's own profile's activity log, newest first, one page at a time.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AuditLogEntry, AuditLogPage } from '../../../shared/activity/audit.js';
import type { AppError, Result } from '../../../shared/errors.js';
import { callBridge } from '../../bridge/bridge.js';
import type { PagedItems } from '../../bridge/usePagedList.js';

const PAGE = 50;

export type ActivityLog = PagedItems<AuditLogEntry>;

interface State {
  status: ActivityLog['status'];
  items: AuditLogEntry[];
  error: AppError | null;
  cursor: number | null;
}

const fetchPage = (before: number | null) =>
  callBridge((api) => api.auditLog({ limit: PAGE, ...(before !== null ? { before } : {}) }));

/** The state after a page arrived: appended to what is shown, or the error. */
const withPage = (old: State, result: Result<AuditLogPage>): State =>
  result.ok
    ? { status: 'ready', items: [...old.items, ...result.value.entries], error: null, cursor: result.value.nextCursor }
    : { ...old, status: 'error', error: result.error };

export function useActivityLog(): ActivityLog {
  const [state, setState] = useState<State>({ status: 'loading', items: [], error: null, cursor: null });
  const [loadingMore, setLoadingMore] = useState(false);
  const alive = useRef(true);

  useEffect(() => {
    alive.current = true;
    void fetchPage(null).then((result) => {
      if (alive.current) setState((old) => withPage({ ...old, items: [] }, result));
    });
    return () => {
      alive.current = false;
    };
  }, []);

  const loadMore = useCallback(() => {
    if (state.cursor === null || loadingMore) return;
    setLoadingMore(true);
    void fetchPage(state.cursor).then((result) => {
      if (!alive.current) return;
      setState((old) => withPage(old, result));
      setLoadingMore(false);
    });
  }, [state.cursor, loadingMore]);

  return { ...state, hasMore: state.cursor !== null, loadingMore, loadMore };
}
