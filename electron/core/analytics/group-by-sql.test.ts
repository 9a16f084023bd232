import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import type { WireColumn } from '../../../shared/wire.js';
import { aggregateName, groupedSql } from './group-by-sql.js';

const columns: WireColumn[] = [
  { name: 'region', type: { id: 'VARCHAR', sql: 'VARCHAR' } },
  { name: 'year', type: { id: 'INTEGER', sql: 'INTEGER' } },
  { name: 'amount', type: { id: 'DECIMAL', sql: 'DECIMAL(18,2)', width: 18, scale: 2 } },
  { name: 'we"ird', type: { id: 'VARCHAR', sql: 'VARCHAR' } },
];

const invalid = (fn: () => unknown, pattern: RegExp) =>
  assert.throws(fn, (e: unknown) => e instanceof AppException && e.code === 'INVALID_INPUT' && pattern.test(e.message));

test('GROUP BY with aggregates, named for what they compute, ordered by the groups', () => {
  const sql = groupedSql('t', '', columns, { columns: ['region'], aggregates: [{ fn: 'count' }, { fn: 'sum', column: 'amount' }] }, []);
  assert.equal(
    sql,
    'SELECT "region", count(*) AS "count", sum("amount") AS "sum_amount"\nFROM t\nGROUP BY "region"\nORDER BY "region" ASC NULLS LAST',
  );
  assert.equal(aggregateName({ fn: 'count_distinct', column: 'year' }), 'count_distinct_year');
});

test('filters choose the rows grouped; sorts name output columns; identifiers are quoted', () => {
  const sql = groupedSql(
    'src',
    '\nWHERE "year" > 2020',
    columns,
    { columns: ['we"ird', 'year'], aggregates: [{ fn: 'avg', column: 'amount' }, { fn: 'count_distinct', column: 'region' }] },
    [{ column: 'avg_amount', direction: 'desc' }],
  );
  assert.ok(sql.includes('SELECT "we""ird", "year", avg("amount") AS "avg_amount", count(DISTINCT "region") AS "count_distinct_region"'));
  assert.ok(sql.includes('FROM src\nWHERE "year" > 2020\nGROUP BY "we""ird", "year"'));
  assert.ok(sql.endsWith('ORDER BY "avg_amount" DESC NULLS LAST'));
});

test('no aggregates means a count of rows', () => {
  assert.ok(groupedSql('t', '', columns, { columns: ['year'], aggregates: [] }, []).startsWith('SELECT "year", count(*) AS "count"'));
});

test('a pivot spreads the aggregates over the pivot column and sorts by the groups', () => {
  const sql = groupedSql('t', '', columns, { columns: ['region'], aggregates: [{ fn: 'sum', column: 'amount' }], pivot: 'year' }, []);
  assert.ok(sql.includes('PIVOT (SELECT * FROM t)\n  ON "year"\n  USING sum("amount") AS "sum_amount"\n  GROUP BY "region"'));
  assert.ok(sql.endsWith('ORDER BY "region" ASC NULLS LAST'));
  invalid(() => groupedSql('t', '', columns, { columns: ['region'], aggregates: [], pivot: 'region' }, []), /pivot column/);
  invalid(() => groupedSql('t', '', columns, { columns: ['region'], aggregates: [{ fn: 'count' }], pivot: 'year' }, [{ column: 'count', direction: 'asc' }]), /sort/);
});

test('unknown columns, sums of text, duplicate groups and aggregates without a column are refused', () => {
  invalid(() => groupedSql('t', '', columns, { columns: ['nope'], aggregates: [] }, []), /No column named nope/);
  invalid(() => groupedSql('t', '', columns, { columns: [], aggregates: [] }, []), /at least one/);
  invalid(() => groupedSql('t', '', columns, { columns: ['year'], aggregates: [{ fn: 'sum', column: 'region' }] }, []), /numeric/);
  invalid(() => groupedSql('t', '', columns, { columns: ['year', 'year'], aggregates: [] }, []), /twice/);
  invalid(() => groupedSql('t', '', columns, { columns: ['year'], aggregates: [{ fn: 'max' }] }, []), /needs a column/);
  invalid(() => groupedSql('t', '', columns, { columns: ['year'], aggregates: [{ fn: 'min', column: 'amount' }, { fn: 'min', column: 'amount' }] }, []), /twice/);
  invalid(() => groupedSql('t', '', columns, { columns: ['year'], aggregates: [] }, [{ column: 'amount', direction: 'asc' }]), /sort/);
});
