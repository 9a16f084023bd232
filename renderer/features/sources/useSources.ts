// The profile's saved sources and the tables imported from them, kept together: adding,
// removing or importing changes both lists.
import { useCallback } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import type { SourceInfo, SourcedTable } from '../../../shared/sources/sources.js';
import { useFetchedState } from '../../bridge/useFetchedState.js';
import { callSources, type SourceInput } from './sources-api.js';

export type SourcesState = { status: 'loading' } | { status: 'error'; error: AppError } | { status: 'ready'; sources: SourceInfo[]; sourced: SourcedTable[] };

async function fetchSources(): Promise<SourcesState> {
  const [sources, sourced] = await Promise.all([callSources('listSources'), callSources('listSourcedTables')]);
  if (!sources.ok) return { status: 'error', error: sources.error };
  if (!sourced.ok) return { status: 'error', error: sourced.error };
  return { status: 'ready', sources: sources.value, sourced: sourced.value };
}

export function useSources() {
  const { state, reload } = useFetchedState<SourcesState>(fetchSources, { status: 'loading' });

  const add = useCallback(
    async (input: SourceInput<'addSource'>): Promise<Result<SourceInfo>> => {
      const done = await callSources('addSource', input);
      if (done.ok) await reload();
      return done;
    },
    [reload],
  );

  const remove = useCallback(
    async (name: string): Promise<Result<null>> => {
      const done = await callSources('removeSource', { name });
      if (done.ok || done.error.code === 'NOT_FOUND') await reload();
      return done;
    },
    [reload],
  );

  /**
   * A new password for a saved network source: the source is saved again under its name
   * and URL (tables imported from it keep their Refresh, which follows the name). When
   * saving it again fails, it is saved back without a password so that it is not lost.
   */
  const changePassword = useCallback(
    async (source: SourceInfo, password: string): Promise<Result<SourceInfo>> => {
      const removed = await callSources('removeSource', { name: source.name });
      if (!removed.ok) return removed;
      const tls = source.tls ?? undefined;
      const done = await callSources('addSource', { name: source.name, url: source.url, password, ...(tls ? { tls } : {}) });
      if (!done.ok) await callSources('addSource', { name: source.name, url: source.url, ...(tls ? { tls } : {}) });
      await reload();
      return done;
    },
    [reload],
  );

  return { state, reload, add, remove, changePassword };
}
