// Tasks in one profile's data.sqlite. Runs inside that profile's worker.
import type { ParsedInput } from '../../../shared/contract.js';
import { AppException } from '../../../shared/errors.js';
import {
  TASK_STATUSES,
  type DueFilter,
  type Page,
  type Task,
  type TaskCounts,
  type TaskSort,
  type TaskStatus,
} from '../../../shared/tasks/tasks.js';
import { addDays, dateInZone, startOfDay } from '../../../shared/zoned-time.js';
import { keysetPage, type KeysetOrder } from '../../core/storage/repositories/keyset.js';
import { ListFilters } from '../../core/storage/repositories/list-filters.js';
import { givenSets, notFound, setTrashed, updateVersioned, type ItemRow } from '../../core/storage/repositories/soft-delete.js';
import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';
import { uuidv7 } from '../../core/storage/repositories/uuidv7.js';

export type CreateTask = ParsedInput<'createTask'>;
export type UpdateTask = ParsedInput<'updateTask'>;
export type MoveTask = ParsedInput<'moveTask'>;
export type ListTasks = ParsedInput<'listTasks'>;
export type TaskFilter = ParsedInput<'taskCounts'>;

/** A tasks row: the task's own fields where the column holds them as they are. */
interface TaskRow extends ItemRow, Pick<Task, 'title' | 'details' | 'status' | 'priority' | 'due' | 'position'> {
  tags: string;
  completed_at: string | null;
  due_sort: string;
  priority_order: number;
}

const COLUMNS =
  'id, title, details, status, priority, due, tags, position, created_at, updated_at, completed_at, deleted_at, version, due_sort, priority_order';

const ORDERS: Record<TaskSort, KeysetOrder> = {
  due: { name: 'due', columns: ['due_sort', 'id'], direction: 'ASC' },
  priority: { name: 'priority', columns: ['priority_order', 'due_sort', 'id'], direction: 'ASC' },
  manual: { name: 'manual', columns: ['position', 'id'], direction: 'ASC' },
  created: { name: 'created', columns: ['created_at', 'id'], direction: 'DESC' },
};

export const toTask = (r: TaskRow): Task => ({
  id: r.id,
  title: r.title,
  details: r.details,
  status: r.status,
  priority: r.priority,
  due: r.due,
  tags: JSON.parse(r.tags) as string[],
  position: r.position,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  completedAt: r.completed_at,
  deletedAt: r.deleted_at,
  version: r.version,
});


/**
 * The bounds of a due filter. Dates (`YYYY-MM-DD`) are compared as days in the caller's
 * zone; instants (`…Z`) against the instants those days start at. `lo`/`hi` enclose both,
 * so the filter is one range over the due index plus an exact check.
 */
function dueBounds(due: DueFilter, now: string, timeZone: string) {
  const today = dateInZone(Date.parse(now), timeZone);
  const at = (date: string) => new Date(startOfDay(date, timeZone)).toISOString();
  const span = (days: number) => ({ dLo: today, dHi: addDays(today, days), iLo: at(today), iHi: at(addDays(today, days)) });
  const b = due === 'overdue' ? { dLo: '', dHi: today, iLo: '', iHi: now } : span(due === 'today' ? 1 : 7);
  const lo = b.dLo < b.iLo ? b.dLo : b.iLo;
  const hi = b.dHi > b.iHi ? b.dHi : b.iHi;
  return [lo, hi, b.dLo, b.dHi, b.iLo, b.iHi];
}

/** Above this many tasks, a tag filter walks the sort index instead of sorting the tag's tasks. */
const COMMON_TAG = 1000;

const DUE_SQL =
  'due_sort >= ? AND due_sort < ? AND ((length(due) = 10 AND due >= ? AND due < ?) OR (length(due) > 10 AND due >= ? AND due < ?))';

export class TaskRepository extends SqliteRepository {
  private row(id: string): TaskRow | undefined {
    return this.s.get(`SELECT ${COLUMNS} FROM tasks WHERE id = ?`).get(id) as TaskRow | undefined;
  }

  get(id: string): Task {
    const r = this.row(id);
    if (!r || r.deleted_at !== null) throw notFound('tasks');
    return toTask(r);
  }

  create(input: CreateTask): Task {
    const now = this.now();
    const at = now.toISOString();
    const status = input.status ?? 'todo';
    const last = this.s.get('SELECT max(position) AS p FROM tasks WHERE deleted_at IS NULL').get() as { p: number | null };
    const r = this.s
      .get(
        `INSERT INTO tasks (id, title, details, status, priority, due, tags, position, created_at, updated_at, completed_at)
         VALUES (@id, @title, @details, @status, @priority, @due, @tags, @position, @at, @at, @completedAt)
         RETURNING ${COLUMNS}`,
      )
      .get({
        id: uuidv7(now.getTime()),
        title: input.title,
        details: input.details ?? '',
        status,
        priority: input.priority ?? 'none',
        due: input.due ?? null,
        tags: JSON.stringify(input.tags ?? []),
        position: Math.floor(last.p ?? 0) + 1,
        at,
        completedAt: status === 'done' ? at : null,
      }) as TaskRow;
    return toTask(r);
  }

  update(input: UpdateTask): Task {
    const params: Record<string, unknown> = { id: input.id, version: input.version, at: this.now().toISOString() };
    const sets = givenSets(input, ['title', 'details', 'priority', 'due'], params);
    if (input.status !== undefined) {
      sets.push("status = @status, completed_at = CASE WHEN @status = 'done' THEN coalesce(completed_at, @at) ELSE NULL END");
      params.status = input.status;
    }
    return toTask(updateVersioned<TaskRow>(this.s, 'tasks', COLUMNS, sets, params, input));
  }

  /** Soft delete: the task goes to the Trash and out of lists and search. */
  delete(id: string): Task {
    return toTask(setTrashed<TaskRow>(this.s, 'tasks', COLUMNS, id, this.now().toISOString(), true));
  }

  restore(id: string): Task {
    return toTask(setTrashed<TaskRow>(this.s, 'tasks', COLUMNS, id, this.now().toISOString(), false));
  }

  /** Puts a task right after `after` and/or right before `before` in the manual order. */
  move(input: MoveTask): Task {
    return this.s.db.transaction(() => {
      this.get(input.id);
      let [lo, hi] = this.gap(input);
      if (!(lo < lo + (hi - lo) / 2 && lo + (hi - lo) / 2 < hi)) {
        this.renumber();
        [lo, hi] = this.gap(input);
      }
      const at = this.now().toISOString();
      const r = this.s
        .get(`UPDATE tasks SET position = @position, updated_at = @at, version = version + 1 WHERE id = @id RETURNING ${COLUMNS}`)
        .get({ id: input.id, position: lo + (hi - lo) / 2, at }) as TaskRow;
      return toTask(r);
    })();
  }

  /** Positions the moved task must fall strictly between. */
  private gap({ id, after, before }: MoveTask): [number, number] {
    const positionOf = (other: string, field: 'after' | 'before') => {
      const r = this.row(other);
      if (!r || r.deleted_at !== null) throw new AppException('NOT_FOUND', `No such task to move ${field}`, { field });
      return r.position;
    };
    const neighbour = (sql: string, p: number) => (this.s.get(sql).get(p, id) as { p: number | null }).p;
    let lo: number;
    let hi: number;
    if (after !== undefined && before !== undefined) {
      lo = positionOf(after, 'after');
      hi = positionOf(before, 'before');
      if (lo > hi) [lo, hi] = [hi, lo];
    } else if (after !== undefined) {
      lo = positionOf(after, 'after');
      hi = neighbour('SELECT min(position) AS p FROM tasks WHERE deleted_at IS NULL AND position > ? AND id <> ?', lo) ?? lo + 2;
    } else {
      hi = positionOf(before!, 'before');
      lo = neighbour('SELECT max(position) AS p FROM tasks WHERE deleted_at IS NULL AND position < ? AND id <> ?', hi) ?? hi - 2;
    }
    return [lo, hi];
  }

  /** Spreads positions out to whole numbers again once repeated moves have used up a gap's precision. */
  private renumber(): void {
    this.s
      .get(
        `WITH ordered AS (SELECT rowid AS r, row_number() OVER (ORDER BY position, id) AS n FROM tasks)
         UPDATE tasks SET position = ordered.n FROM ordered WHERE tasks.rowid = ordered.r`,
      )
      .run();
  }

  private filterSql(f: TaskFilter, filters: ListFilters): void {
    if (f.due !== undefined) {
      // The channel schema requires now and timeZone with a due filter.
      filters.add(DUE_SQL, ...dueBounds(f.due, f.now!, f.timeZone!));
      if (f.due === 'overdue') filters.add("status <> 'done'");
    }
    if (f.tag !== undefined) {
      // A rare tag: fetch its tasks and sort them. A common one: walk the order's index
      // and check each task's tag, which reaches a page of matches sooner than sorting
      // thousands (SQLite cannot tell the two apart, so we count first).
      const tagged = (this.s.get('SELECT count(*) AS n FROM task_tags WHERE tag = ?').get(f.tag) as { n: number }).n;
      filters.add(
        tagged > COMMON_TAG
          ? 'EXISTS (SELECT 1 FROM task_tags WHERE tag = ? AND task_id = tasks.id)'
          : 'id IN (SELECT task_id FROM task_tags WHERE tag = ?)',
        f.tag,
      );
    }
  }

  list(input: ListTasks): Page<Task> {
    const order = ORDERS[input.sort ?? 'manual'];
    const filters = new ListFilters('deleted_at IS NULL');
    if (input.status !== undefined) filters.add('status = ?', input.status);
    if (input.hideDone === true) filters.add("status <> 'done'");
    this.filterSql(input, filters);
    return keysetPage(this.s, { select: COLUMNS, from: 'tasks', where: filters.where, params: filters.params }, order, input, toTask);
  }

  counts(filter: TaskFilter): TaskCounts {
    const filters = new ListFilters('deleted_at IS NULL');
    this.filterSql(filter, filters);
    const rows = this.s
      .get(`SELECT status, count(*) AS n FROM tasks WHERE ${filters.sql()} GROUP BY status`)
      .all(...filters.params) as { status: TaskStatus; n: number }[];
    const counts = { todo: 0, doing: 0, done: 0, total: 0 };
    for (const r of rows) {
      if ((TASK_STATUSES as readonly string[]).includes(r.status)) counts[r.status] = r.n;
      counts.total += r.n;
    }
    return counts;
  }
}
