// How a task's status, priority and due date read in the list.
import { isIsoDate } from '../../../shared/zoned-time.js';
import type { Task, TaskPriority, TaskStatus } from '../../../shared/tasks/tasks.js';
import { dayLabel, localDate, timeLabel } from '../../format/local-time.js';

export const STATUS_LABELS: Record<TaskStatus, string> = { todo: 'To do', doing: 'In progress', done: 'Done' };
export const PRIORITY_LABELS: Record<TaskPriority, string> = { none: 'No priority', low: 'Low', medium: 'Medium', high: 'High' };

export interface DueLabel {
  text: string;
  /** overdue: before today (or now) and not done; today: due today. */
  tone: 'overdue' | 'today' | 'later';
}

export function dueLabel(task: Pick<Task, 'due' | 'status'>, now = Date.now()): DueLabel | null {
  if (!task.due) return null;
  const today = localDate(now);
  if (isIsoDate(task.due)) {
    const tone = task.due < today && task.status !== 'done' ? 'overdue' : task.due === today ? 'today' : 'later';
    return { text: dayLabel(task.due, today), tone };
  }
  const at = Date.parse(task.due);
  const day = localDate(at);
  const tone = at < now && task.status !== 'done' ? 'overdue' : day === today ? 'today' : 'later';
  return { text: `${dayLabel(day, today)}, ${timeLabel(at)}`, tone };
}

/** The date part of a due value, for <input type="date">. */
export const dueDateInput = (due: string | null): string =>
  !due ? '' : isIsoDate(due) ? due : localDate(Date.parse(due));
