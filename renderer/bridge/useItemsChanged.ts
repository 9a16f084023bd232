// Push events: main tells every window of this profile which items changed, and the
// window refetches what it shows.
import { useEffect } from 'react';
import type { ItemsChanged } from '../../shared/contract.js';
import type { ItemKind } from '../../shared/search/search.js';
import { useLatest } from '../hooks/useLatest.js';
import { subscribeBridge } from './bridge.js';

export function useItemsChanged(kind: ItemKind, listener: (change: ItemsChanged) => void): void {
  const listenerRef = useLatest(listener);
  useEffect(
    () =>
      subscribeBridge((api) => {
        const notify = (change: ItemsChanged) => listenerRef.current(change);
        switch (kind) {
          case 'task':
            return api.onTasksChanged(notify);
          case 'note':
            return api.onNotesChanged(notify);
          case 'event':
            return api.onEventsChanged(notify);
        }
      }),
    [kind, listenerRef],
  );
}
