// A cursor-paged list that can grow (load more) and refresh in place. Refreshing
// refetches as many rows as are on screen, so a push event never shrinks the list
// the person has scrolled through.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError, Result } from '../../shared/errors.js';
import type { Page } from '../../shared/tasks/tasks.js';
import { canLoadMore, initialPagedState, moreLoaded, pageLoaded, refreshLimit, type PagedState } from './paged-list-state.js';

export interface PageRequest {
  cursor?: string;
  limit: number;
}

/** What a list read a page at a time shows: its items so far, and the way to the next page. */
export interface PagedItems<T> {
  status: 'loading' | 'error' | 'ready';
  items: T[];
  error: AppError | null;
  hasMore: boolean;
  loadingMore: boolean;
  loadMore: () => void;
}

export interface PagedList<T> extends PagedItems<T> {
  refresh: () => void;
  /** Changes what is shown before the server confirms (moves, edits); the next refresh wins. */
  update: (change: (items: T[]) => T[]) => void;
}

/**
 * `key` names the query (filter, sort): when it changes the list starts over.
 * `fetchPage` may be a new function on every render; the latest one is used.
 */
export function usePagedList<T extends { id: string }>(
  key: string,
  fetchPage: (request: PageRequest) => Promise<Result<Page<T>>>,
  pageSize = 50,
): PagedList<T> {
  const [state, setState] = useState<PagedState<T>>(() => initialPagedState(key));
  const fetchRef = useRef(fetchPage);
  const stateRef = useRef(state);
  // Every fetch takes a ticket; answers to older tickets are dropped.
  const ticket = useRef(0);

  useEffect(() => {
    fetchRef.current = fetchPage;
    stateRef.current = state;
  });

  const load = useCallback(
    async (forKey: string, limit: number) => {
      const mine = ++ticket.current;
      const result = await fetchRef.current({ limit });
      if (mine !== ticket.current) return;
      setState((prev) => pageLoaded(prev, forKey, result));
    },
    [],
  );

  useEffect(() => {
    void load(key, pageSize);
  }, [key, load, pageSize]);

  const refresh = useCallback(() => {
    const current = stateRef.current;
    const shown = current.key === key ? current.items.length : 0;
    void load(key, refreshLimit(shown, pageSize));
  }, [key, load, pageSize]);

  const loadMore = useCallback(() => {
    const current = stateRef.current;
    if (!canLoadMore(current, key)) return;
    const mine = ticket.current;
    const cursor = current.cursor!;
    setState((prev) => ({ ...prev, loadingMore: true }));
    void fetchRef.current({ cursor, limit: pageSize }).then((result) => {
      if (mine !== ticket.current) return;
      setState((prev) => moreLoaded(prev, key, result));
    });
  }, [key, pageSize]);

  const update = useCallback((change: (items: T[]) => T[]) => {
    setState((prev) => ({ ...prev, items: change(prev.items) }));
  }, []);

  const current = state.key === key ? state : initialPagedState<T>(key);
  return {
    status: current.status,
    items: current.items,
    error: current.error,
    hasMore: current.cursor !== null,
    loadingMore: current.loadingMore,
    loadMore,
    refresh,
    update,
  };
}
