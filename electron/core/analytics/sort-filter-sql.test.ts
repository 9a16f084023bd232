// sortFilterSql: the generated SQL of a sorted, filtered or grouped view of a kept result.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import type { WireColumn } from '../../../shared/wire.js';
import { sortFilterSql } from './sort-filter-sql.js';

const columns: WireColumn[] = [
  { name: 'name', type: { id: 'VARCHAR', sql: 'VARCHAR' } },
  { name: 'amount', type: { id: 'DECIMAL', sql: 'DECIMAL(18,2)', width: 18, scale: 2 } },
  { name: 'we"ird', type: { id: 'INTEGER', sql: 'INTEGER' } },
];
const parent = { columns, sql: 'SELECT * FROM sales;  ' };

const invalid = (fn: () => unknown, field: string, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof AppException && e.code === 'INVALID_INPUT' && e.extra.field === field && pattern.test(e.message));

test('every filter operator over quoted names, values quoted and cast to the column type', () => {
  const view = sortFilterSql(
    parent,
    [],
    [
      { column: 'name', op: 'contains', value: "O'Brien" },
      { column: 'name', op: 'starts_with', value: 'A' },
      { column: 'amount', op: '>=', value: '10.5' },
      { column: 'we"ird', op: 'is_null' },
      { column: 'we"ird', op: 'is_not_null' },
    ],
    undefined,
  );
  assert.equal(
    view.over('t_0'),
    'SELECT * FROM t_0\nWHERE contains(lower(CAST("name" AS VARCHAR)), lower(\'O\'\'Brien\'))' +
      "\n  AND starts_with(CAST(\"name\" AS VARCHAR), 'A')" +
      "\n  AND \"amount\" >= CAST('10.5' AS DECIMAL(18,2))" +
      '\n  AND "we""ird" IS NULL\n  AND "we""ird" IS NOT NULL',
  );
});

test('sorts in the order given, NULLs last; the shown SQL wraps the parent query without its semicolon', () => {
  const view = sortFilterSql(parent, [{ column: 'amount', direction: 'desc' }, { column: 'name', direction: 'asc' }], [], undefined);
  assert.equal(view.over('t_0'), 'SELECT * FROM t_0\nORDER BY "amount" DESC NULLS LAST, "name" ASC NULLS LAST');
  assert.equal(view.shownSql, 'SELECT *\nFROM (\nSELECT * FROM sales\n) AS result\nORDER BY "amount" DESC NULLS LAST, "name" ASC NULLS LAST');
  assert.equal(sortFilterSql(parent, [], [], undefined).over('t_0'), 'SELECT * FROM t_0');
});

test('grouped: the filters choose the rows grouped and the sort is the grouped result’s', () => {
  const view = sortFilterSql(
    parent,
    [{ column: 'count', direction: 'desc' }],
    [{ column: 'amount', op: '>', value: '0' }],
    { columns: ['name'], aggregates: [{ fn: 'count' }] },
  );
  const run = view.over('t_0');
  assert.match(run, /^SELECT "name", count\(\*\) AS "count"\nFROM t_0\nWHERE "amount" > CAST\('0' AS DECIMAL\(18,2\)\)\nGROUP BY "name"\nORDER BY "count" DESC/);
  assert.ok(view.shownSql.includes('FROM (\nSELECT * FROM sales\n) AS result\nWHERE'), view.shownSql);
});

test('a column the result has not, or a comparison without a value, is INVALID_INPUT naming the field', () => {
  invalid(() => sortFilterSql(parent, [], [{ column: 'nope', op: 'is_null' }], undefined), 'filters', /No column named nope/);
  invalid(() => sortFilterSql(parent, [], [{ column: 'name', op: '=' }], undefined), 'filters', /needs a value/);
  invalid(() => sortFilterSql(parent, [{ column: 'Name', direction: 'asc' }], [], undefined), 'sort', /No column named Name/);
});
