// The SQL of a grouped (and optionally pivoted) view of a kept result, built only from
// quoted column names the result has and a fixed list of aggregate functions, like the
// sort and filter SQL beside it: nothing a person typed reaches it unquoted.
import type { ResultAggregate, ResultGrouping, ResultSort } from '../../../shared/analysis/analytics.js';
import { AppException } from '../../../shared/errors.js';
import { isNumericType, type WireColumn } from '../../../shared/wire.js';
import { quoteIdent } from './sql-text.js';

const SQL_FN: Record<ResultAggregate['fn'], (col: string) => string> = {
  count: (c) => `count(${c})`,
  count_distinct: (c) => `count(DISTINCT ${c})`,
  sum: (c) => `sum(${c})`,
  avg: (c) => `avg(${c})`,
  min: (c) => `min(${c})`,
  max: (c) => `max(${c})`,
};

/** The output column name of an aggregate: 'count', 'sum_amount', 'count_distinct_region'. */
export const aggregateName = (a: ResultAggregate) => (a.column === undefined ? a.fn : `${a.fn}_${a.column}`);

function invalid(message: string): never {
  throw new AppException('INVALID_INPUT', message, { field: 'group' });
}

/**
 * `SELECT <groups>, <aggregates> FROM <source><where> GROUP BY <groups> ORDER BY …`, or
 * the PIVOT of the same when `pivot` is set. `source` is a relation or a parenthesised
 * query with an alias; `where` is '' or '\nWHERE …' over the source's rows. The sort
 * names output columns (a group column or an aggregate's name); without one the
 * groups come in order of their values.
 */
export function groupedSql(source: string, where: string, columns: readonly WireColumn[], group: ResultGrouping, sort: readonly ResultSort[]): string {
  const byName = new Map(columns.map((c) => [c.name, c]));
  const need = (name: string) => byName.get(name) ?? invalid(`No column named ${name}`);
  if (group.columns.length === 0) invalid('Choose at least one column to group by');
  if (new Set(group.columns).size !== group.columns.length) invalid('A column is grouped by twice');
  group.columns.forEach(need);
  const aggregates = group.aggregates.length ? group.aggregates : [{ fn: 'count' as const }];
  const names = new Set<string>(group.columns);
  const parts = aggregates.map((a) => {
    if (a.column === undefined && a.fn !== 'count') invalid(`${a.fn} needs a column`);
    if (a.column !== undefined) {
      const col = need(a.column);
      if ((a.fn === 'sum' || a.fn === 'avg') && !isNumericType(col.type) && col.type.id !== 'INTERVAL') {
        invalid(`${a.fn} needs a numeric column; ${a.column} is ${col.type.sql}`);
      }
    }
    const name = aggregateName(a);
    if (names.has(name)) invalid(`${name} appears twice`);
    names.add(name);
    return { sql: SQL_FN[a.fn](a.column === undefined ? '*' : quoteIdent(a.column)), name };
  });
  const groups = group.columns.map(quoteIdent).join(', ');
  const order = sort.map((s) => {
    // A pivot's other columns are named by the pivot column's values: sort by the groups only.
    const known = group.pivot === undefined ? names.has(s.column) : group.columns.includes(s.column);
    if (!known) invalid(`No column named ${s.column} to sort the grouped result by`);
    return `${quoteIdent(s.column)} ${s.direction === 'asc' ? 'ASC' : 'DESC'} NULLS LAST`;
  });
  const orderBy = `\nORDER BY ${order.length ? order.join(', ') : group.columns.map((c) => `${quoteIdent(c)} ASC NULLS LAST`).join(', ')}`;

  if (group.pivot !== undefined) {
    need(group.pivot);
    if (group.columns.includes(group.pivot)) invalid('The pivot column cannot also be a group column');
    const using = parts.map((p) => `${p.sql} AS ${quoteIdent(p.name)}`).join(', ');
    return `SELECT *\nFROM (\n  PIVOT (SELECT * FROM ${source}${where.replace(/\n/g, '\n  ')})\n  ON ${quoteIdent(group.pivot)}\n  USING ${using}\n  GROUP BY ${groups}\n) AS pivoted${orderBy}`;
  }
  const select = [groups, ...parts.map((p) => `${p.sql} AS ${quoteIdent(p.name)}`)].join(', ');
  return `SELECT ${select}\nFROM ${source}${where}\nGROUP BY ${groups}${orderBy}`;
}
