// The note list (pinned first, paged) and creating notes; refreshed by notesChanged,
// which also reaches the window that wrote (so a create does not refresh on its answer).
import { useCallback, useState } from 'react';
import type { Note, NoteSummary } from '../../../shared/notes/notes.js';
import type { Result } from '../../../shared/errors.js';
import { callBridge } from '../../bridge/bridge.js';
import { useItemsChanged } from '../../bridge/useItemsChanged.js';
import { usePagedList, type PagedList } from '../../bridge/usePagedList.js';

export interface Notes {
  list: PagedList<NoteSummary>;
  /** Bumped on every notesChanged, so a search over notes can re-run. */
  changeTick: number;
  create: () => Promise<Result<Note>>;
}

/** `tag`: only notes with this tag. */
export function useNotes(tag: string | null = null, pageSize = 50): Notes {
  const list = usePagedList<NoteSummary>(
    `notes|${tag ?? ''}`,
    ({ cursor, limit }) =>
      callBridge((api) => api.listNotes({ sort: 'updated', limit, ...(tag !== null ? { tag } : {}), ...(cursor ? { cursor } : {}) })),
    pageSize,
  );
  const [changeTick, setChangeTick] = useState(0);
  const { refresh } = list;
  useItemsChanged('note', () => {
    refresh();
    setChangeTick((n) => n + 1);
  });

  const create = useCallback(() => callBridge((api) => api.createNote({ title: '', body: '' })), []);

  return { list, changeTick, create };
}
