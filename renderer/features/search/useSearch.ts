// Full-text search as the person types: debounced, newest answer wins, the previous
// hits stay on screen while the next ones load.
import { useEffect, useState } from 'react';
import type { AppError } from '../../../shared/errors.js';
import type { ItemKind, SearchHit } from '../../../shared/search/search.js';
import { callBridge } from '../../bridge/bridge.js';

export interface SearchResults {
  /** idle: nothing typed yet. */
  status: 'idle' | 'loading' | 'error' | 'ready';
  hits: SearchHit[];
  error: AppError | null;
}

interface Answer {
  key: string;
  hits: SearchHit[];
  error: AppError | null;
}

const DEBOUNCE_MS = 150;

/** `refreshKey` re-runs the same query (bump it when items change). */
export function useSearch(query: string, kinds: readonly ItemKind[] | null, limit = 30, refreshKey = 0): SearchResults {
  const trimmed = query.trim();
  const key = `${trimmed}|${kinds?.join(',') ?? '*'}|${limit}`;
  const [answer, setAnswer] = useState<Answer | null>(null);
  const [answeredTick, setAnsweredTick] = useState(refreshKey);

  useEffect(() => {
    if (!trimmed) return;
    let cancelled = false;
    const timer = window.setTimeout(() => {
      void callBridge((api) => api.search({ query: trimmed, limit, ...(kinds ? { kinds: [...kinds] } : {}) })).then((result) => {
        if (cancelled) return;
        setAnswer(result.ok ? { key, hits: result.value, error: null } : { key, hits: [], error: result.error });
        setAnsweredTick(refreshKey);
      });
    }, DEBOUNCE_MS);
    return () => {
      cancelled = true;
      window.clearTimeout(timer);
    };
    // kinds is folded into key.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key, refreshKey]);

  if (!trimmed) return { status: 'idle', hits: [], error: null };
  if (!answer || answer.key !== key || answeredTick !== refreshKey) {
    return { status: 'loading', hits: answer?.hits ?? [], error: null };
  }
  return answer.error ? { status: 'error', hits: [], error: answer.error } : { status: 'ready', hits: answer.hits, error: null };
}
