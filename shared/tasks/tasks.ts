// Tasks as the renderer and the CLI see them.

export const TASK_STATUSES = ['todo', 'doing', 'done'] as const;
export type TaskStatus = (typeof TASK_STATUSES)[number];

export const TASK_PRIORITIES = ['none', 'low', 'medium', 'high'] as const;
export type TaskPriority = (typeof TASK_PRIORITIES)[number];

/** due: overdue (before now, not done), due today, or due in the seven days from today — all in the caller's zone. */
export const DUE_FILTERS = ['overdue', 'today', 'week'] as const;
export type DueFilter = (typeof DUE_FILTERS)[number];

/**
 * due: soonest first, no due date last. priority: high first, then by due.
 * manual: the user's own order (moveTask). created: newest first.
 */
export const TASK_SORTS = ['due', 'priority', 'manual', 'created'] as const;
export type TaskSort = (typeof TASK_SORTS)[number];

export const TASK_TITLE_MAX = 500;
export const TASK_DETAILS_MAX = 100_000;
export const PAGE_SIZE_MAX = 500;
export const PAGE_SIZE_DEFAULT = 100;

export interface Task {
  /** UUIDv7, assigned by the app. */
  id: string;
  title: string;
  details: string;
  status: TaskStatus;
  priority: TaskPriority;
  /** A calendar date `YYYY-MM-DD`, or one instant as UTC ISO 8601; null when there is none. */
  due: string | null;
  tags: string[];
  /** Manual order, ascending. */
  position: number;
  createdAt: string; // ISO 8601 UTC
  updatedAt: string;
  /** Set while status is done. */
  completedAt: string | null;
  /** Set while the task is in the Trash. */
  deletedAt: string | null;
  /** Bumped by every change; an update based on an older one is a CONFLICT. */
  version: number;
}

/** One page of a list; pass `nextCursor` back (with the same filter and sort) for the next page. */
export interface Page<T> {
  items: T[];
  nextCursor: string | null;
}

export type TaskCounts = Record<TaskStatus, number> & { total: number };
