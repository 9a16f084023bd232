// The SQL of a sorted and filtered (or grouped, group-by-sql.ts) view of a kept result,
// built only from quoted column names the result has, quoted literals cast to the
// column's own type and a fixed list of operators: nothing a person typed reaches it unquoted.
import type { ResultFilter, ResultGrouping, ResultSort } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import type { WireColumn } from '../../../shared/wire.js';
import { groupedSql } from './group-by-sql.js';
import { quoteIdent, quoteLiteral } from './sql-text.js';

export interface SortFilterSql {
  /** What the person is shown: the same view over the parent query's own SQL. */
  shownSql: string;
  /** What runs: the same view over `relation`, the kept rows of the parent. */
  over(relation: string): string;
}

/**
 * Throws INVALID_INPUT (field `filters` or `sort`) for a column the parent has not or a
 * comparison without a value. With `group` the filters choose the rows that are grouped
 * and the sort names the grouped result's columns (checked in group-by-sql.ts).
 */
export function sortFilterSql(
  parent: { columns: readonly WireColumn[]; sql: string },
  sort: readonly ResultSort[],
  filters: readonly ResultFilter[],
  group: ResultGrouping | undefined,
): SortFilterSql {
  const byName = new Map(parent.columns.map((c) => [c.name, c]));
  const conditions = filters.map((f) => {
    const col = byName.get(f.column);
    if (!col) throw new AppException('INVALID_INPUT', `No column named ${f.column}`, { field: 'filters' });
    const ident = quoteIdent(f.column);
    if (f.op === 'is_null') return `${ident} IS NULL`;
    if (f.op === 'is_not_null') return `${ident} IS NOT NULL`;
    if (f.value === undefined) throw new AppException('INVALID_INPUT', `The filter on ${f.column} needs a value`, { field: 'filters' });
    const value = quoteLiteral(f.value);
    if (f.op === 'contains') return `contains(lower(CAST(${ident} AS VARCHAR)), lower(${value}))`;
    if (f.op === 'starts_with') return `starts_with(CAST(${ident} AS VARCHAR), ${value})`;
    return `${ident} ${f.op} CAST(${value} AS ${col.type.sql})`;
  });
  // A grouped result sorts by its own columns (groups and aggregates), checked there.
  const order = group
    ? []
    : sort.map((s) => {
        if (!byName.has(s.column)) throw new AppException('INVALID_INPUT', `No column named ${s.column}`, { field: 'sort' });
        return `${quoteIdent(s.column)} ${s.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
      });
  const where = conditions.length ? `\nWHERE ${conditions.join('\n  AND ')}` : '';
  const tail = `${where}${order.length ? `\nORDER BY ${order.join(', ')}` : ''}`;
  const over = (source: string, selectFrom: string) =>
    group ? groupedSql(source, where, parent.columns, group, sort) : `${selectFrom}${source}${tail}`;
  return {
    shownSql: over(`(\n${parent.sql.replace(/;\s*$/, '')}\n) AS result`, 'SELECT *\nFROM '),
    over: (relation) => over(relation, 'SELECT * FROM '),
  };
}
