// The task list of the unlocked profile: one filtered, sorted, paged view plus the
// status counts, kept fresh by tasksChanged push events. One refresh path: a write that
// succeeds is followed by the push to every window of the profile, this one included, so
// the write's answer never refreshes too (that read the list and the counts twice).
// A failed write has no push: its answer undoes what was shown before it (a move).
import { useCallback, useEffect, useState } from 'react';
import type { ChannelInput } from '../../../shared/contract.js';
import type { Result } from '../../../shared/errors.js';
import type { DueFilter, Task, TaskCounts, TaskSort, TaskStatus } from '../../../shared/tasks/tasks.js';
import { localTimeZone } from '../../format/local-time.js';
import { callBridge } from '../../bridge/bridge.js';
import { usePagedList, type PagedList } from '../../bridge/usePagedList.js';
import { useItemsChanged } from '../../bridge/useItemsChanged.js';

export interface TaskQuery {
  status: TaskStatus | null;
  due: DueFilter | null;
  sort: TaskSort;
  /** Leave done tasks out of the list (the counts still include them). */
  hideDone: boolean;
  /** Only tasks with this tag. */
  tag: string | null;
}

export type TaskChanges = Omit<ChannelInput<'updateTask'>, 'id' | 'version'>;

export interface Tasks {
  list: PagedList<Task>;
  counts: TaskCounts | null;
  create: (input: { title: string; due?: string }) => Promise<Result<Task>>;
  update: (task: Task, changes: TaskChanges) => Promise<Result<Task>>;
  /** Puts `task` right after `after` or right before `before` in the manual order. */
  move: (task: Task, place: { after?: Task; before?: Task }) => Promise<Result<Task>>;
  remove: (task: Task) => Promise<Result<Task>>;
  restore: (task: Task) => Promise<Result<Task>>;
}

/** Due filters are relative to now in the viewer's zone; the backend is told both. */
const clock = (due: DueFilter | null) => (due ? { due, now: new Date().toISOString(), timeZone: localTimeZone() } : {});

export function useTasks(query: TaskQuery, pageSize = 50): Tasks {
  const key = `${query.status ?? 'all'}|${query.due ?? 'any'}|${query.sort}|${query.hideDone}|${query.tag ?? ''}`;
  const list = usePagedList<Task>(
    key,
    ({ cursor, limit }) =>
      callBridge((api) =>
        api.listTasks({
          ...clock(query.due),
          ...(query.status ? { status: query.status } : {}),
          ...(query.hideDone ? { hideDone: true } : {}),
          ...(query.tag !== null ? { tag: query.tag } : {}),
          sort: query.sort,
          ...(cursor ? { cursor } : {}),
          limit,
        }),
      ),
    pageSize,
  );

  const [counts, setCounts] = useState<{ due: DueFilter | null; tag: string | null; value: TaskCounts } | null>(null);
  const [countsTick, setCountsTick] = useState(0);
  useEffect(() => {
    let cancelled = false;
    void callBridge((api) => api.taskCounts({ ...clock(query.due), ...(query.tag !== null ? { tag: query.tag } : {}) })).then((result) => {
      if (!cancelled && result.ok) setCounts({ due: query.due, tag: query.tag, value: result.value });
    });
    return () => {
      cancelled = true;
    };
  }, [query.due, query.tag, countsTick]);

  const { refresh } = list;
  const refreshAll = useCallback(() => {
    refresh();
    setCountsTick((n) => n + 1);
  }, [refresh]);
  useItemsChanged('task', refreshAll);

  // Kept as the one place a write's answer could refresh from; the push does it (see the top).
  const after = useCallback(async (result: Promise<Result<Task>>) => result, []);

  const create = useCallback(
    (input: { title: string; due?: string }) => after(callBridge((api) => api.createTask(input))),
    [after],
  );

  const { update: patchList } = list;
  const update = useCallback(
    async (task: Task, changes: TaskChanges) => {
      const result = await callBridge((api) => api.updateTask({ id: task.id, version: task.version, ...changes }));
      if (result.ok) {
        const saved = result.value;
        patchList((items) => items.map((t) => (t.id === saved.id ? saved : t)));
      }
      return result;
    },
    [patchList],
  );

  const move = useCallback(
    async (task: Task, place: { after?: Task; before?: Task }) => {
      // Show the new order at once; the push confirms it, or a failed move's answer undoes it.
      patchList((items) => {
        const rest = items.filter((t) => t.id !== task.id);
        const index = place.after
          ? rest.findIndex((t) => t.id === place.after!.id) + 1
          : Math.max(0, rest.findIndex((t) => t.id === place.before!.id));
        return [...rest.slice(0, index), task, ...rest.slice(index)];
      });
      const result = await callBridge((api) =>
        api.moveTask({
          id: task.id,
          ...(place.after ? { after: place.after.id } : {}),
          ...(place.before ? { before: place.before.id } : {}),
        }),
      );
      if (!result.ok) refreshAll();
      return result;
    },
    [patchList, refreshAll],
  );

  const remove = useCallback((task: Task) => after(callBridge((api) => api.deleteTask({ id: task.id }))), [after]);
  const restore = useCallback((task: Task) => after(callBridge((api) => api.restoreTask({ id: task.id }))), [after]);

  return {
    list,
    counts: counts && counts.due === query.due && counts.tag === query.tag ? counts.value : null,
    create,
    update,
    move,
    remove,
    restore,
  };
}

/** One task by id, for a search result that is not in the loaded page. */
export async function fetchTask(id: string): Promise<Result<Task>> {
  return callBridge((api) => api.getTask({ id }));
}
