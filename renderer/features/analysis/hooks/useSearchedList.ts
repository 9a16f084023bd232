// A list the profile's host reads for a search typed as it is typed (query history, saved
// queries): the read waits a moment after the last key (none with an empty search), an
// answer that arrives after a newer search is dropped, and `reload` reads again.
import { useCallback, useEffect, useState } from 'react';
import type { AppError } from '../../../../shared/errors.js';

/** What a searched list shows: its rows once read, or why they could not be. */
export type SearchedState<T> = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; items: T[] };

const SEARCH_AFTER_MS = 150;

/** `read` gets the trimmed search; it is captured once (pass a module-level function). */
export function useSearchedList<S>(read: (words: string) => Promise<S>, loading: S) {
  const [state, setState] = useState<S>(loading);
  const [search, setSearch] = useState('');
  const [serial, setSerial] = useState(0);
  const [readList] = useState(() => read);

  useEffect(() => {
    let cancelled = false;
    const t = window.setTimeout(
      () =>
        void readList(search.trim()).then((next) => {
          if (!cancelled) setState(next);
        }),
      search ? SEARCH_AFTER_MS : 0,
    );
    return () => {
      cancelled = true;
      window.clearTimeout(t);
    };
  }, [readList, search, serial]);

  const reload = useCallback(() => setSerial((n) => n + 1), []);

  return { state, search, setSearch, reload };
}
