// The state of a cursor-paged list and how each answer changes it, as plain functions:
// usePagedList.ts holds it in React, and these are tested in Node.
import type { AppError, Result } from '../../shared/errors.js';
import { PAGE_SIZE_MAX, type Page } from '../../shared/tasks/tasks.js';

export interface PagedState<T> {
  /** The query (filter, sort) these rows answer; a new key starts over. */
  key: string;
  status: 'loading' | 'error' | 'ready';
  items: T[];
  error: AppError | null;
  cursor: string | null;
  loadingMore: boolean;
}

export const initialPagedState = <T>(key: string): PagedState<T> => ({ key, status: 'loading', items: [], error: null, cursor: null, loadingMore: false });

/** A first load or a refresh answered for `forKey`. */
export function pageLoaded<T>(prev: PagedState<T>, forKey: string, result: Result<Page<T>>): PagedState<T> {
  const base = prev.key === forKey ? prev : initialPagedState<T>(forKey);
  if (!result.ok) {
    // A failed refresh keeps what is on screen; only a first load shows the error.
    return base.status === 'ready' ? { ...base, error: result.error } : { ...base, status: 'error', error: result.error };
  }
  return { key: forKey, status: 'ready', items: result.value.items, error: null, cursor: result.value.nextCursor, loadingMore: false };
}

/**
 * The next page answered for `key`: appended, minus rows already shown (a row that moved
 * up a page between two reads would otherwise show twice). Another key's answer is dropped.
 */
export function moreLoaded<T extends { id: string }>(prev: PagedState<T>, key: string, result: Result<Page<T>>): PagedState<T> {
  if (prev.key !== key) return prev;
  if (!result.ok) return { ...prev, loadingMore: false, error: result.error };
  const seen = new Set(prev.items.map((item) => item.id));
  const fresh = result.value.items.filter((item) => !seen.has(item.id));
  return { ...prev, items: [...prev.items, ...fresh], cursor: result.value.nextCursor, loadingMore: false, error: null };
}

/** Whether a next page may be asked for now (ready, more to read, none already coming). */
export const canLoadMore = <T>(state: PagedState<T>, key: string): boolean =>
  state.key === key && state.status === 'ready' && state.cursor !== null && !state.loadingMore;

/**
 * Rows a refresh reads again: as many as are shown, so a push event never shrinks the list
 * the person has scrolled through; at least a page; at most what the channel allows.
 */
export const refreshLimit = (shown: number, pageSize: number): number => Math.min(PAGE_SIZE_MAX, Math.max(pageSize, shown));
