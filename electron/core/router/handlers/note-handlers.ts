import type { Handlers } from '../handler-types.js';
import { itemWrites } from './item-writes.js';

// The host serves the notes channels; main adds only the windows' push event to writes.
export const noteHandlers = {
  ...itemWrites('notesChanged', ['createNote', 'updateNote', 'deleteNote', 'restoreNote']),
} satisfies Partial<Handlers>;
