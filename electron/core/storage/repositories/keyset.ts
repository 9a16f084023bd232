// Keyset paging: a page continues after the last row of the previous one, by the
// values of its sort key, so rows inserted or deleted meanwhile never shift a page.
import { AppException } from '../../../../shared/errors.js';
import { PAGE_SIZE_DEFAULT, type Page } from '../../../../shared/tasks/tasks.js';
import type { Statements } from './statements.js';

export type KeyValue = string | number;

export interface KeysetOrder {
  /** Names the order inside the cursor, so a cursor cannot be replayed under another. */
  name: string;
  /** SQL expressions of the key, ending with a unique column. */
  columns: readonly string[];
  direction: 'ASC' | 'DESC';
}

/** `WHERE` fragment for "after the cursor" and `ORDER BY` fragment of an order. */
export function keysetSql(order: KeysetOrder, alias = ''): { after: string; orderBy: string } {
  const cols = order.columns.map((c) => `${alias}${c}`);
  const marks = cols.map(() => '?').join(', ');
  return {
    after: `(${cols.join(', ')}) ${order.direction === 'ASC' ? '>' : '<'} (${marks})`,
    orderBy: cols.map((c) => `${c} ${order.direction}`).join(', '),
  };
}

/** An opaque cursor: base64url of the order's name and the last row's key. */
export const encodeCursor = (order: KeysetOrder, key: readonly KeyValue[]) =>
  Buffer.from(JSON.stringify([order.name, ...key])).toString('base64url');

export function decodeCursor(order: KeysetOrder, cursor: string): KeyValue[] {
  const invalid = () => new AppException('INVALID_INPUT', 'cursor: Not a cursor of this list and order', { field: 'cursor' });
  let parsed: unknown;
  try {
    parsed = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (!Array.isArray(parsed) || parsed[0] !== order.name || parsed.length !== order.columns.length + 1) throw invalid();
  const key = parsed.slice(1) as unknown[];
  if (!key.every((v) => typeof v === 'string' || (typeof v === 'number' && Number.isFinite(v)))) throw invalid();
  return key as KeyValue[];
}

/** Fetches limit + 1 rows to know whether another page exists. */
export function toPage<R, T>(rows: R[], limit: number, map: (r: R) => T, key: (r: R) => KeyValue[], order: KeysetOrder) {
  const more = rows.length > limit;
  const kept = more ? rows.slice(0, limit) : rows;
  const last = kept[kept.length - 1];
  return { items: kept.map(map), nextCursor: more && last ? encodeCursor(order, key(last)) : null };
}

/**
 * One page of `SELECT <select> FROM <from> WHERE <where> ORDER BY <order>` continuing after
 * `cursor`, each row mapped by `map`, PAGE_SIZE_DEFAULT rows unless the list asks for a `limit`.
 * `where` (one condition at least) and `params` are the list's filters; the key is read from
 * the row's columns named in the order.
 */
export function keysetPage<R, T>(
  s: Statements,
  query: { select: string; from: string; where: readonly string[]; params: readonly KeyValue[] },
  order: KeysetOrder,
  page: { limit?: number | undefined; cursor?: string | undefined },
  map: (r: R) => T,
): Page<T> {
  const limit = page.limit ?? PAGE_SIZE_DEFAULT;
  const where = [...query.where];
  const params = [...query.params];
  const { after, orderBy } = keysetSql(order);
  if (page.cursor !== undefined) {
    where.push(after);
    params.push(...decodeCursor(order, page.cursor));
  }
  const rows = s
    .get(`SELECT ${query.select} FROM ${query.from} WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`)
    .all(...params, limit + 1) as R[];
  return toPage(rows, limit, map, (r) => order.columns.map((c) => (r as Record<string, KeyValue>)[c]!), order);
}
