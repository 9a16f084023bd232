// The Tasks screen: quick add, filters and sort, the paged list with inline editing.
import { useEffect, useRef, useState } from 'react';
import type { DueFilter, Task, TaskSort, TaskStatus } from '../../../shared/tasks/tasks.js';
import { useTags } from '../tags/useTags.js';
import { fetchTask, useTasks } from './useTasks.js';
import { TagFilter } from '../tags/TagFilter.js';
import { Button } from '../../components/Button.js';
import { EmptyState, LoadFailed } from '../../components/EmptyState.js';
import { LoadMore } from '../../components/LoadMore.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { Select, type Choice } from '../../components/Select.js';
import { Spinner } from '../../components/Spinner.js';
import { useStoredFlag } from '../../hooks/useStoredFlag.js';
import type { SearchTarget } from '../search/search-target.js';
import { TaskEditor } from './TaskEditor.js';
import { TaskItem } from './TaskItem.js';
import { TaskQuickAdd } from './TaskQuickAdd.js';
import styles from './TasksView.module.css';

type StatusTab = TaskStatus | 'all';
type DueTab = DueFilter | 'any';

const SORTS: Choice<TaskSort>[] = [
  { value: 'manual', label: 'My order' },
  { value: 'due', label: 'Due date' },
  { value: 'priority', label: 'Priority' },
  { value: 'created', label: 'Newest' },
];

const DUE_LABELS: Record<DueTab, string> = { any: 'Any time', overdue: 'Overdue', today: 'Today', week: 'This week' };

interface TasksViewProps {
  /** A task to open, picked in search. */
  focus: SearchTarget | null;
}

export function TasksView({ focus }: TasksViewProps) {
  const [status, setStatus] = useState<StatusTab>('all');
  const [due, setDue] = useState<DueTab>('any');
  const [sort, setSort] = useState<TaskSort>('manual');
  const [hideDone, setHideDone] = useStoredFlag('enclave.tasks.hideDone', false);
  const [tag, setTag] = useState<string | null>(null);
  const tagList = useTags();
  const tasks = useTasks({ status: status === 'all' ? null : status, due: due === 'any' ? null : due, sort, hideDone, tag });
  const { list, counts } = tasks;

  const [editing, setEditing] = useState<string | null>(null);
  /** A task opened from search that the current page does not show. */
  const [spotlight, setSpotlight] = useState<Task | null>(null);
  /** The last delete or completion, which the toast can take back. */
  const [undo, setUndo] = useState<{ kind: 'deleted' | 'completed'; task: Task } | null>(null);
  const [dragging, setDragging] = useState<Task | null>(null);
  const [dropAt, setDropAt] = useState<{ id: string; side: 'above' | 'below' } | null>(null);
  const listRef = useRef<HTMLUListElement>(null);

  useEffect(() => {
    if (!focus) return;
    let cancelled = false;
    void fetchTask(focus.id).then((result) => {
      if (cancelled || !result.ok) return;
      setEditing(result.value.id);
      setSpotlight(result.value);
    });
    return () => {
      cancelled = true;
    };
  }, [focus]);

  const inList = (id: string | null) => id !== null && list.items.some((t) => t.id === id);
  const shownSpotlight = spotlight && editing === spotlight.id && !inList(spotlight.id) ? spotlight : null;

  useEffect(() => {
    if (!editing) return;
    listRef.current?.querySelector(`[data-task-id="${editing}"]`)?.scrollIntoView({ block: 'nearest' });
  }, [editing]);

  const closeEditor = (id: string) => {
    setEditing(null);
    setSpotlight(null);
    // Hand focus back to the row the editor replaced.
    requestAnimationFrame(() =>
      listRef.current?.querySelector<HTMLElement>(`[data-task-id="${id}"] [data-testid="task-open"]`)?.focus(),
    );
  };

  const toggle = async (task: Task) => {
    const result = await tasks.update(task, { status: task.status === 'done' ? 'todo' : 'done' });
    // Completing takes the task away when completed ones are hidden: offer it back.
    if (result.ok && result.value.status === 'done') setUndo({ kind: 'completed', task: result.value });
    else if (result.ok) setUndo(null);
  };

  const takeBack = (u: { kind: 'deleted' | 'completed'; task: Task }) => {
    setUndo(null);
    if (u.kind === 'deleted') void tasks.restore(u.task);
    else void tasks.update(u.task, { status: 'todo' });
  };

  const remove = async (task: Task) => {
    const result = await tasks.remove(task);
    if (result.ok) {
      setEditing(null);
      setSpotlight(null);
      setUndo({ kind: 'deleted', task: result.value });
    }
  };

  const moveBy = (task: Task, direction: -1 | 1) => {
    const index = list.items.findIndex((t) => t.id === task.id);
    const neighbour = list.items[index + direction];
    if (!neighbour) return;
    void tasks.move(task, direction < 0 ? { before: neighbour } : { after: neighbour });
  };

  const drop = () => {
    const target = dropAt && list.items.find((t) => t.id === dropAt.id);
    if (dragging && target && target.id !== dragging.id) {
      void tasks.move(dragging, dropAt.side === 'above' ? { before: target } : { after: target });
    }
    setDragging(null);
    setDropAt(null);
  };

  const editor = (task: Task) => (
    <TaskEditor
      key={`${task.id}:${task.version}`}
      task={task}
      onSave={tasks.update}
      onDelete={(t) => void remove(t)}
      onClose={() => closeEditor(task.id)}
      knownTags={tagList.tags}
      onReload={async () => {
        const result = await fetchTask(task.id);
        return result.ok ? result.value : null;
      }}
    />
  );

  const filtered = status !== 'all' || due !== 'any' || hideDone || tag !== null;
  const statusOptions = [
    { value: 'all' as const, label: 'All', badge: counts?.total, testId: 'task-filter-all' },
    { value: 'todo' as const, label: 'To do', badge: counts?.todo, testId: 'task-filter-todo' },
    { value: 'doing' as const, label: 'In progress', badge: counts?.doing, testId: 'task-filter-doing' },
    { value: 'done' as const, label: 'Done', badge: counts?.done, testId: 'task-filter-done' },
  ];

  return (
    <div className={styles.view} data-testid="tasks-view">
      <TaskQuickAdd onAdd={tasks.create} />

      <div className={styles.toolbar}>
        <SegmentedControl label="Status" value={status} options={statusOptions} onChange={setStatus} />
        <SegmentedControl
          label="Due"
          value={due}
          options={(Object.keys(DUE_LABELS) as DueTab[]).map((d) => ({ value: d, label: DUE_LABELS[d], testId: `task-due-${d}` }))}
          onChange={setDue}
        />
        <TagFilter tags={tagList.tags} kind="tasks" value={tag} onChange={setTag} onRename={tagList.rename} />
        <label className={styles.hideDone}>
          <input
            type="checkbox"
            checked={hideDone}
            onChange={(e) => setHideDone(e.target.checked)}
            data-testid="task-hide-done"
          />
          <span>Hide completed</span>
        </label>
        <label className={styles.sort}>
          <span>Sort</span>
          <Select className={styles.sortSelect} value={sort} options={SORTS} onChange={setSort} data-testid="task-sort" />
        </label>
      </div>

      {undo && (
        <div className={styles.toast} role="status" data-testid="task-undo" data-kind={undo.kind}>
          <span>
            “{undo.task.title}” {undo.kind === 'deleted' ? 'moved to the Trash.' : 'marked as done.'}
          </span>
          <Button size="small" variant="ghost" onClick={() => takeBack(undo)} data-testid="task-undo-button">
            Undo
          </Button>
          <button type="button" className={styles.toastClose} onClick={() => setUndo(null)} aria-label="Dismiss">
            ×
          </button>
        </div>
      )}

      {shownSpotlight && <div className={styles.spotlight}>{editor(shownSpotlight)}</div>}

      {list.status === 'loading' ? (
        <div className={styles.card} aria-busy="true">
          {[0, 1, 2, 3].map((i) => (
            <div key={i} className={styles.skeletonRow}>
              <span className={styles.skeletonDot} />
              <span className={styles.skeletonLine} style={{ width: `${60 - i * 10}%` }} />
            </div>
          ))}
          <span className="sr-only">
            <Spinner label="Loading tasks" />
          </span>
        </div>
      ) : list.status === 'error' ? (
        <LoadFailed title="Tasks could not be loaded" error={list.error} onRetry={list.refresh} />
      ) : list.items.length === 0 ? (
        filtered ? (
          <EmptyState icon="tasks" title="Nothing matches these filters" testId="tasks-empty">
            {hideDone && (counts?.done ?? 0) > 0 ? 'Completed tasks are hidden.' : 'Try another status, due date or tag.'}
          </EmptyState>
        ) : (
          <EmptyState icon="tasks" title="No tasks yet" testId="tasks-empty">
            Type above and press Enter to add your first task. Everything stays in this profile.
          </EmptyState>
        )
      ) : (
        <>
          <ul ref={listRef} className={styles.card} aria-label="Tasks" data-testid="task-list">
            {list.items.map((task) =>
              editing === task.id ? (
                <li key={task.id} className={styles.editing} data-task-id={task.id}>
                  {editor(task)}
                </li>
              ) : (
                <TaskItem
                  key={task.id}
                  task={task}
                  draggable={sort === 'manual'}
                  dropSide={dragging && dropAt?.id === task.id && dragging.id !== task.id ? dropAt.side : null}
                  onToggle={(t) => void toggle(t)}
                  onEdit={(t) => setEditing(t.id)}
                  onMove={moveBy}
                  onDragStart={setDragging}
                  onDragOver={(t, side) => setDropAt((prev) => (prev?.id === t.id && prev.side === side ? prev : { id: t.id, side }))}
                  onDrop={drop}
                  onDragEnd={() => {
                    setDragging(null);
                    setDropAt(null);
                  }}
                />
              ),
            )}
          </ul>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} label="Load more tasks" />
          {list.error && <p className={styles.inlineError}>Could not refresh: {list.error.message}</p>}
          <p className={styles.footnote}>
            {sort === 'manual' ? 'Drag to reorder, or focus a task and press Alt+↑ / Alt+↓.' : 'Switch the sort to “My order” to arrange tasks by hand.'}
          </p>
        </>
      )}
    </div>
  );
}
