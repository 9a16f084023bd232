import type { Note } from '../../../../shared/notes.js';
import type { DataContext, Handlers } from '../handler-types.js';

const changed = (ctx: DataContext, note: Note) => {
  ctx.sessions.notify(ctx.profile.id, 'notesChanged', { ids: [note.id] });
  return note;
};

// The host serves the notes channels; main adds only the windows' push event to writes.
export const noteHandlers = {
  createNote: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('createNote', input)),
  updateNote: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('updateNote', input)),
  deleteNote: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('deleteNote', input)),
  restoreNote: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('restoreNote', input)),
} satisfies Partial<Handlers>;
