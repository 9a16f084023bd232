// A view's state read once when it mounts and again on reload(): the profile list, the
// tables, the sources, the backups. The fetch answers a whole state (ready or error), so
// the hook knows nothing of what is read.
import { useCallback, useEffect, useState, type Dispatch, type SetStateAction } from 'react';

export interface FetchedState<S> {
  state: S;
  /** For a write that knows the new state from its own answer (no read again). */
  setState: Dispatch<SetStateAction<S>>;
  /** Reads again, keeping the old state on screen meanwhile (a reload is quick; flicker is not). */
  reload: () => Promise<void>;
}

/** `fetch` is a module-level function in every caller; `loading` is the state before the first answer. */
export function useFetchedState<S>(fetch: () => Promise<S>, loading: S): FetchedState<S> {
  const [state, setState] = useState<S>(loading);

  useEffect(() => {
    // An answer that lands after the view is gone is dropped.
    let cancelled = false;
    void fetch().then((next) => {
      if (!cancelled) setState(next);
    });
    return () => {
      cancelled = true;
    };
    // eslint-disable-next-line react-hooks/exhaustive-deps -- read once on mount; reload() reads again
  }, []);

  const reload = useCallback(async () => {
    setState(await fetch());
    // eslint-disable-next-line react-hooks/exhaustive-deps -- see above
  }, []);

  return { state, setState, reload };
}
