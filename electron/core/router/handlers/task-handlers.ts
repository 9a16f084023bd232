import type { Task } from '../../../../shared/tasks.js';
import type { DataContext, Handlers } from '../handler-types.js';

/** Tells every window of the profile (and only those) which tasks changed. */
const changed = (ctx: DataContext, task: Task) => {
  ctx.sessions.notify(ctx.profile.id, 'tasksChanged', { ids: [task.id] });
  return task;
};

// The host serves the tasks channels; main adds only the windows' push event to writes.
export const taskHandlers = {
  createTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('createTask', input)),
  updateTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('updateTask', input)),
  moveTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('moveTask', input)),
  deleteTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('deleteTask', input)),
  restoreTask: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('restoreTask', input)),
} satisfies Partial<Handlers>;
