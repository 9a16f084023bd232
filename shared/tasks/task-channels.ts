// Channels of the task list.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { ITEM_ERRORS, byIdChannel, pageInput, updateChannel } from '../item-channels.js';
import {
  DUE_FILTERS,
  TASK_DETAILS_MAX,
  TASK_PRIORITIES,
  TASK_SORTS,
  TASK_STATUSES,
  TASK_TITLE_MAX,
  type Page,
  type Task,
  type TaskCounts,
} from './tasks.js';
import { dateOrInstant, instant, itemId, line, TAG_MAX, tags, text, timeZone } from '../fields.js';

const title = line('Title', TASK_TITLE_MAX, 1);
const details = text('Details', TASK_DETAILS_MAX);
const status = z.enum(TASK_STATUSES, `Status is one of ${TASK_STATUSES.join(', ')}`);
const priority = z.enum(TASK_PRIORITIES, `Priority is one of ${TASK_PRIORITIES.join(', ')}`);
const due = dateOrInstant('Due');

/**
 * Which tasks a list shows. `due` is relative to `now` in `timeZone`, both given by the
 * caller, so the same input always gives the same answer.
 */
const filter = {
  due: z.enum(DUE_FILTERS, `Due is one of ${DUE_FILTERS.join(', ')}`).optional(),
  now: instant('Now').optional(),
  timeZone: timeZone.optional(),
  tag: line('Tag', TAG_MAX, 1).optional(),
};
const dueNeedsClock = (input: { due?: unknown; now?: unknown; timeZone?: unknown }, ctx: z.RefinementCtx) => {
  if (input.due === undefined) return;
  for (const key of ['now', 'timeZone'] as const) {
    if (input[key] === undefined) ctx.addIssue({ code: 'custom', path: [key], message: `A due filter needs ${key}` });
  }
};

export const taskChannels = {
  createTask: channel({
    scope: 'data',
    input: z.strictObject({
      title,
      details: details.optional(),
      status: status.optional(),
      priority: priority.optional(),
      due: due.optional(),
      tags: tags.optional(),
    }),
    output: returns<Task>(),
    errors: ITEM_ERRORS,
  }),
  /** Changes the given fields of a task last seen at `version`; CONFLICT when it has changed since. `due: null` clears it. */
  updateTask: updateChannel(
    {
      title: title.optional(),
      details: details.optional(),
      status: status.optional(),
      priority: priority.optional(),
      due: due.nullable().optional(),
      tags: tags.optional(),
    },
    returns<Task>(),
    ITEM_ERRORS,
  ),
  /** Places a task between two others in the manual order: right after `after` and/or right before `before`. */
  moveTask: channel({
    scope: 'data',
    input: z
      .strictObject({ id: itemId, after: itemId.optional(), before: itemId.optional() })
      .refine((m) => m.after !== undefined || m.before !== undefined, 'Give after, before or both')
      .refine((m) => m.after !== m.id && m.before !== m.id, 'A task cannot move next to itself'),
    output: returns<Task>(),
    errors: [...ITEM_ERRORS, 'NOT_FOUND'],
  }),
  /** Moves a task to the Trash (restorable for 30 days). */
  deleteTask: byIdChannel<Task>(ITEM_ERRORS),
  restoreTask: byIdChannel<Task>(ITEM_ERRORS),
  getTask: byIdChannel<Task>(ITEM_ERRORS),
  /** One page of tasks not in the Trash. Sort defaults to manual, limit to 100. */
  listTasks: channel({
    scope: 'data',
    input: pageInput({
      ...filter,
      status: status.optional(),
      /** Leaves done tasks out ("Hide completed"); a status filter of done then shows none. */
      hideDone: z.boolean('hideDone must be true or false').optional(),
      sort: z.enum(TASK_SORTS, `Sort is one of ${TASK_SORTS.join(', ')}`).optional(),
    }).superRefine(dueNeedsClock),
    output: returns<Page<Task>>(),
    errors: ITEM_ERRORS,
  }),
  /** How many tasks each status has under a filter (for the status tabs). */
  taskCounts: channel({
    scope: 'data',
    input: z.strictObject(filter).superRefine(dueNeedsClock),
    output: returns<TaskCounts>(),
    errors: ITEM_ERRORS,
  }),
} as const;
