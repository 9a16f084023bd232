import type { ParsedInput } from '../../../../shared/contract.js';
import type { Note, NoteSummary } from '../../../../shared/notes.js';
import type { Page } from '../../../../shared/tasks.js';
import { repositories } from '../repositories/repositories.js';
import type { HandlersFor } from '../worker-methods.js';

export interface NoteMethods {
  noteCreate: { params: ParsedInput<'createNote'>; result: Note };
  noteUpdate: { params: ParsedInput<'updateNote'>; result: Note };
  noteDelete: { params: string; result: Note };
  noteRestore: { params: string; result: Note };
  noteGet: { params: string; result: Note };
  noteList: { params: ParsedInput<'listNotes'>; result: Page<NoteSummary> };
}

export const noteHandlers: HandlersFor<NoteMethods> = {
  noteCreate: ({ sqlite }, p) => repositories(sqlite).notes.create(p),
  noteUpdate: ({ sqlite }, p) => repositories(sqlite).notes.update(p),
  noteDelete: ({ sqlite }, id) => repositories(sqlite).notes.delete(id),
  noteRestore: ({ sqlite }, id) => repositories(sqlite).notes.restore(id),
  noteGet: ({ sqlite }, id) => repositories(sqlite).notes.get(id),
  noteList: ({ sqlite }, p) => repositories(sqlite).notes.list(p),
};
