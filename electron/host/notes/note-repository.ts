// Notes in one profile's data.sqlite. Runs inside that profile's worker.
import type { ParsedInput } from '../../../shared/contract.js';
import { NOTE_EXCERPT_CHARS, type Note, type NoteSort, type NoteSummary } from '../../../shared/notes/notes.js';
import type { Page } from '../../../shared/tasks/tasks.js';
import { keysetPage, type KeysetOrder } from '../../core/storage/repositories/keyset.js';
import { ListFilters } from '../../core/storage/repositories/list-filters.js';
import { givenSets, notFound, setTrashed, updateVersioned, type ItemRow } from '../../core/storage/repositories/soft-delete.js';
import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';
import { uuidv7 } from '../../core/storage/repositories/uuidv7.js';

export type CreateNote = ParsedInput<'createNote'>;
export type UpdateNote = ParsedInput<'updateNote'>;
export type ListNotes = ParsedInput<'listNotes'>;

interface NoteMeta extends ItemRow, Pick<Note, 'title'> {
  tags: string;
  pinned: 0 | 1;
  unpinned: number;
  title_key: string;
}
interface NoteRow extends NoteMeta {
  body: string;
}
interface NoteSummaryRow extends NoteMeta {
  excerpt: string;
}

const META = 'id, title, tags, pinned, created_at, updated_at, deleted_at, version, unpinned, title_key';
const COLUMNS = `${META}, body`;

// Pinned notes first in every order.
const ORDERS: Record<NoteSort, KeysetOrder> = {
  updated: { name: 'updated', columns: ['pinned', 'updated_at', 'id'], direction: 'DESC' },
  created: { name: 'created', columns: ['pinned', 'created_at', 'id'], direction: 'DESC' },
  title: { name: 'title', columns: ['unpinned', 'title_key', 'id'], direction: 'ASC' },
};

const meta = (r: NoteMeta) => ({
  id: r.id,
  title: r.title,
  tags: JSON.parse(r.tags) as string[],
  pinned: r.pinned === 1,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  version: r.version,
});
export const toNote = (r: NoteRow): Note => ({ ...meta(r), body: r.body });
const toSummary = (r: NoteSummaryRow): NoteSummary => ({ ...meta(r), excerpt: r.excerpt });


export class NoteRepository extends SqliteRepository {
  get(id: string): Note {
    const r = this.s.get(`SELECT ${COLUMNS} FROM notes WHERE id = ? AND deleted_at IS NULL`).get(id) as NoteRow | undefined;
    if (!r) throw notFound('notes');
    return toNote(r);
  }

  create(input: CreateNote): Note {
    const now = this.now();
    const r = this.s
      .get(
        `INSERT INTO notes (id, title, body, tags, pinned, created_at, updated_at)
         VALUES (@id, @title, @body, @tags, @pinned, @at, @at) RETURNING ${COLUMNS}`,
      )
      .get({
        id: uuidv7(now.getTime()),
        title: input.title ?? '',
        body: input.body ?? '',
        tags: JSON.stringify(input.tags ?? []),
        pinned: input.pinned ? 1 : 0,
        at: now.toISOString(),
      }) as NoteRow;
    return toNote(r);
  }

  update(input: UpdateNote): Note {
    const params: Record<string, unknown> = { id: input.id, version: input.version, at: this.now().toISOString() };
    const sets = givenSets(input, ['title', 'body'], params);
    if (input.pinned !== undefined) {
      sets.push('pinned = @pinned');
      params.pinned = input.pinned ? 1 : 0;
    }
    return toNote(updateVersioned<NoteRow>(this.s, 'notes', COLUMNS, sets, params, input));
  }

  delete(id: string): Note {
    return toNote(setTrashed<NoteRow>(this.s, 'notes', COLUMNS, id, this.now().toISOString(), true));
  }

  restore(id: string): Note {
    return toNote(setTrashed<NoteRow>(this.s, 'notes', COLUMNS, id, this.now().toISOString(), false));
  }

  list(input: ListNotes): Page<NoteSummary> {
    const order = ORDERS[input.sort ?? 'updated'];
    const filters = new ListFilters('deleted_at IS NULL');
    if (input.pinned !== undefined) filters.add('pinned = ?', input.pinned ? 1 : 0);
    if (input.tag !== undefined) filters.add('EXISTS (SELECT 1 FROM json_each(notes.tags) WHERE value = ?)', input.tag);
    const select = `${META}, substr(body, 1, ${NOTE_EXCERPT_CHARS}) AS excerpt`;
    return keysetPage(this.s, { select, from: 'notes', where: filters.where, params: filters.params }, order, input, toSummary);
  }
}
