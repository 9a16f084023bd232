// What tasks, notes and events share: soft delete into the Trash and back, and the
// errors of a missing item or a stale edit. Every change bumps version and updated_at.
import { AppException } from '../../../../shared/errors.js';
import type { Statements } from './statements.js';

export type ItemTable = 'tasks' | 'notes' | 'events';
const NOUN: Record<ItemTable, string> = { tasks: 'task', notes: 'note', events: 'event' };

/** The columns every such row has, that soft delete and versioned edits read and write. */
export interface ItemRow {
  id: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: number;
}

export const notFound = (table: ItemTable) =>
  new AppException('NOT_FOUND', `No such ${NOUN[table]} (it may be in the Trash)`);

/** An edit based on `based` while the row is at `current`: the later save must not win silently. */
export const conflict = (table: ItemTable, current: number, based: number) =>
  new AppException(
    'CONFLICT',
    `This ${NOUN[table]} was changed elsewhere (it is at version ${current}, the edit was based on ${based}); reload it and try again`,
    { field: 'version' },
  );

/** Moves a row into the Trash (`trashed`) or out of it, returning the row's `columns`. */
export function setTrashed<Row>(s: Statements, table: ItemTable, columns: string, id: string, at: string, trashed: boolean): Row {
  const r = s
    .get(
      `UPDATE ${table} SET deleted_at = ${trashed ? '@at' : 'NULL'}, updated_at = @at, version = version + 1
       WHERE id = @id AND deleted_at IS ${trashed ? 'NULL' : 'NOT NULL'} RETURNING ${columns}`,
    )
    .get({ id, at }) as Row | undefined;
  if (r) return r;
  throw trashed ? notFound(table) : new AppException('NOT_FOUND', `No such ${NOUN[table]} in the Trash`);
}

/**
 * The `SET` parts of an edit's given fields, their values put in `params`: each of `plain`
 * under its own column name, tags as their JSON array. A field left out stays as it is.
 */
export function givenSets<I extends { tags?: readonly string[] | undefined }>(
  input: I,
  plain: readonly (keyof I & string)[],
  params: Record<string, unknown>,
): string[] {
  const sets: string[] = [];
  for (const key of plain) {
    if (input[key] !== undefined) {
      sets.push(`${key} = @${key}`);
      params[key] = input[key];
    }
  }
  if (input.tags !== undefined) {
    sets.push('tags = @tags');
    params.tags = JSON.stringify(input.tags);
  }
  return sets;
}

/**
 * Applies `sets` to a row not in the Trash if it is still at the version the edit was
 * based on (`edit.version`; `params` carry @id, @version and @at); otherwise NOT_FOUND or CONFLICT, and nothing changes.
 */
export function updateVersioned<Row extends { version: number }>(
  s: Statements,
  table: ItemTable,
  columns: string,
  sets: readonly string[],
  params: Record<string, unknown>,
  edit: { id: string; version: number },
): Row {
  const r = s
    .get(
      `UPDATE ${table} SET ${sets.join(', ')}, updated_at = @at, version = version + 1
       WHERE id = @id AND version = @version AND deleted_at IS NULL RETURNING ${columns}`,
    )
    .get(params) as Row | undefined;
  if (r) return r;
  const current = s.get(`SELECT version FROM ${table} WHERE id = ? AND deleted_at IS NULL`)  .get(edit.id) as
    | { version: number }
    | undefined;
  if (!current) throw notFound(table);
  throw conflict(table, current.version, edit.version);
}
