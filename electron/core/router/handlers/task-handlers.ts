import type { Task } from '../../../../shared/tasks.js';
import type { DataContext, Handlers } from '../handler-types.js';

/** Tells every window of the profile (and only those) which tasks changed. */
const changed = (ctx: DataContext, task: Task) => {
  ctx.sessions.notify(ctx.profile.id, 'tasksChanged', { ids: [task.id] });
  return task;
};

export const taskHandlers = {
  createTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('taskCreate', input)),
  updateTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('taskUpdate', input)),
  moveTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('taskMove', input)),
  deleteTask: async (ctx, { id }) => changed(ctx, await ctx.profile.worker.call('taskDelete', id)),
  restoreTask: async (ctx, { id }) => changed(ctx, await ctx.profile.worker.call('taskRestore', id)),
  getTask: (ctx, { id }) => ctx.profile.worker.call('taskGet', id),
  listTasks: (ctx, input) => ctx.profile.worker.call('taskList', input),
  taskCounts: (ctx, input) => ctx.profile.worker.call('taskCounts', input),
} satisfies Partial<Handlers>;
