import type { PurgedIds } from '../../../../shared/trash/trash.js';
import type { DataContext, Handlers } from '../handler-types.js';

/** Purged items leave the Trash: each kind's windows hear about theirs. */
function purged(ctx: DataContext, ids: PurgedIds) {
  if (ids.task.length) ctx.sessions.notify(ctx.profile.id, 'tasksChanged', { ids: ids.task });
  if (ids.note.length) ctx.sessions.notify(ctx.profile.id, 'notesChanged', { ids: ids.note });
  if (ids.event.length) ctx.sessions.notify(ctx.profile.id, 'eventsChanged', { ids: ids.event });
  return { purged: ids.task.length + ids.note.length + ids.event.length };
}

// The host serves search and the Trash; main turns purged ids into the windows' push events.
export const searchHandlers = {
  purgeTrash: async (ctx, input) => purged(ctx, await ctx.profile.worker.call('purgeTrash', input)),
  emptyTrash: async (ctx, input) => purged(ctx, await ctx.profile.worker.call('emptyTrash', input)),
} satisfies Partial<Handlers>;
