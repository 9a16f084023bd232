import type { Note } from '../../../../shared/notes.js';
import type { DataContext, Handlers } from '../handler-types.js';

const changed = (ctx: DataContext, note: Note) => {
  ctx.sessions.notify(ctx.profile.id, 'notesChanged', { ids: [note.id] });
  return note;
};

export const noteHandlers = {
  createNote: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('noteCreate', input)),
  updateNote: async (ctx, input) => changed(ctx, await ctx.profile.worker.call('noteUpdate', input)),
  deleteNote: async (ctx, { id }) => changed(ctx, await ctx.profile.worker.call('noteDelete', id)),
  restoreNote: async (ctx, { id }) => changed(ctx, await ctx.profile.worker.call('noteRestore', id)),
  getNote: (ctx, { id }) => ctx.profile.worker.call('noteGet', id),
  listNotes: (ctx, input) => ctx.profile.worker.call('noteList', input),
} satisfies Partial<Handlers>;
