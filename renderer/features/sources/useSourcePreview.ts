// A source's tables (browsed once per source) and the preview of what is chosen: the
// first 100 rows as the import would type them. A newer request supersedes an older one.
import { useCallback, useEffect, useRef, useState } from 'react';
import type { AppError } from '../../../shared/errors.js';
import type { SourcePreview, SourceTable } from '../../../shared/sources/sources.js';
import { callSources, type Selection } from './sources-api.js';

export type BrowseState = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; tables: SourceTable[] };

/** `serial` asks again (Try again, a new password); until the answer comes the state is loading. */
export function useSourceTables(source: string, serial: number): BrowseState {
  const key = `${serial}:${source}`;
  const [answer, setAnswer] = useState<{ key: string; state: BrowseState } | null>(null);
  useEffect(() => {
    let cancelled = false;
    void callSources('browseSource', { source }).then((r) => {
      if (!cancelled) setAnswer({ key, state: r.ok ? { status: 'ready', tables: r.value } : { status: 'error', error: r.error } });
    });
    return () => {
      cancelled = true;
    };
  }, [key, source]);
  return answer?.key === key ? answer.state : { status: 'loading' };
}

export type PreviewState =
  | { status: 'idle' }
  | { status: 'loading'; selection: Selection }
  | { status: 'error'; selection: Selection; error: AppError }
  | { status: 'ready'; selection: Selection; preview: SourcePreview };

/** One source's previews (the source's screen is keyed by its name, so `source` never changes under it). */
export function useSourcePreview(source: string) {
  const [state, setState] = useState<PreviewState>({ status: 'idle' });
  const latest = useRef(0);

  const load = useCallback(
    async (selection: Selection) => {
      const serial = ++latest.current;
      setState({ status: 'loading', selection });
      const r = await callSources('previewSource', { source, from: selection });
      if (serial !== latest.current) return;
      setState(r.ok ? { status: 'ready', selection, preview: r.value } : { status: 'error', selection, error: r.error });
    },
    [source],
  );

  const clear = useCallback(() => {
    latest.current += 1;
    setState({ status: 'idle' });
  }, []);

  return { state, load, clear };
}
