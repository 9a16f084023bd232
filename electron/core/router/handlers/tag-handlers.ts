import type { Handlers } from '../handler-types.js';

// The host serves the tags channels; a rename rewrites items, so main tells every window
// of the profile which ones, as for an edit.
export const tagHandlers = {
  renameTag: async (ctx, input) => {
    const changed = await ctx.profile.worker.call('renameTag', input);
    if (changed.tasks.length > 0) ctx.sessions.notify(ctx.profile.id, 'tasksChanged', { ids: changed.tasks });
    if (changed.notes.length > 0) ctx.sessions.notify(ctx.profile.id, 'notesChanged', { ids: changed.notes });
    return changed;
  },
} satisfies Partial<Handlers>;
