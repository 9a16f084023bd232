// The Trash across tasks, notes and events: restore, delete for good, empty.
import { useCallback } from 'react';
import type { Result } from '../../../shared/errors.js';
import type { TrashItem } from '../../../shared/trash/trash.js';
import { callBridge } from '../../bridge/bridge.js';
import { useItemsChanged } from '../../bridge/useItemsChanged.js';
import { usePagedList, type PagedList } from '../../bridge/usePagedList.js';

export interface Trash {
  list: PagedList<TrashItem>;
  restore: (item: TrashItem) => Promise<Result<unknown>>;
  purge: (items: TrashItem[]) => Promise<Result<{ purged: number }>>;
  empty: () => Promise<Result<{ purged: number }>>;
}

export function useTrash(): Trash {
  // Items from different tables can share nothing but their kind + id.
  const list = usePagedList<TrashItem>('trash', ({ cursor, limit }) =>
    callBridge((api) => api.listTrash({ limit, ...(cursor ? { cursor } : {}) })),
  );
  const { refresh } = list;
  useItemsChanged('task', refresh);
  useItemsChanged('note', refresh);
  useItemsChanged('event', refresh);

  // A restore or purge that worked is followed by the items' push (above); one that
  // failed (gone already, say) refreshes from its answer, to show what is there now.
  const after = useCallback(
    async <T,>(call: Promise<Result<T>>) => {
      const result = await call;
      if (!result.ok) refresh();
      return result;
    },
    [refresh],
  );

  const restore = useCallback(
    (item: TrashItem): Promise<Result<unknown>> =>
      after(
        callBridge<unknown>((api) => {
          switch (item.kind) {
            case 'task':
              return api.restoreTask({ id: item.id });
            case 'note':
              return api.restoreNote({ id: item.id });
            case 'event':
              return api.restoreEvent({ id: item.id });
          }
        }),
      ),
    [after],
  );
  const purge = useCallback(
    (items: TrashItem[]) => after(callBridge((api) => api.purgeTrash({ items: items.map(({ kind, id }) => ({ kind, id })) }))),
    [after],
  );
  const empty = useCallback(() => after(callBridge((api) => api.emptyTrash())), [after]);

  return { list, restore, purge, empty };
}
