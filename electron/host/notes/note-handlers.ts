// The notes channels, served in the profile's host under their contract names.
import { repositories } from '../repositories.js';
import type { HostHandlerTable } from '../../core/storage/profile-stores.js';

export const noteHandlers = {
  createNote: ({ sqlite }, input) => repositories(sqlite).notes.create(input),
  updateNote: ({ sqlite }, input) => repositories(sqlite).notes.update(input),
  deleteNote: ({ sqlite }, { id }) => repositories(sqlite).notes.delete(id),
  restoreNote: ({ sqlite }, { id }) => repositories(sqlite).notes.restore(id),
  getNote: ({ sqlite }, { id }) => repositories(sqlite).notes.get(id),
  listNotes: ({ sqlite }, input) => repositories(sqlite).notes.list(input),
} satisfies Partial<HostHandlerTable>;
