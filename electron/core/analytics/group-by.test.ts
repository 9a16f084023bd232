// Group-by and pivot of a kept result through the router and a profile's worker,
// against real DuckDB: the generated SQL comes back, aggregates are exact, filters
// pick the rows grouped, and a bad grouping is INVALID_INPUT.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import type { QueryResultInfo } from '../../../shared/analysis/analytics.js';
import { pageRows } from '../../../shared/wire.js';
import type { Enclave } from '../enclave.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { expectError, expectOk } from '../testing/results.js';
import { openUnlocked } from '../testing/unlocked-enclave.js';

const fixture = enclaveFixture('group-by');
let enclave: Enclave;
const W = 1;
const call = async <T>(channel: string, input?: unknown) => expectOk<T>(await enclave.handle(W, channel, input), channel);

before(async () => {
  ({ enclave } = await openUnlocked(fixture, [[W, 'Tad']], { events: () => undefined }));
});

const SALES = `SELECT * FROM (VALUES
  ('north', 2024, 9007199254740993::BIGINT, 1.10::DECIMAL(18,2)),
  ('north', 2025, 1::BIGINT, 2.20::DECIMAL(18,2)),
  ('south', 2024, 5::BIGINT, 3.30::DECIMAL(18,2)),
  (NULL, 2025, 7::BIGINT, NULL)
) t(region, year, big, amount)`;

test('group by a column with exact aggregates; the SQL is shown; filters pick the rows', async () => {
  const base = await call<QueryResultInfo>('runQuery', { sql: SALES });
  const grouped = await call<QueryResultInfo>('sortFilterResult', {
    resultId: base.resultId,
    group: { columns: ['region'], aggregates: [{ fn: 'count' }, { fn: 'sum', column: 'big' }, { fn: 'sum', column: 'amount' }] },
  });
  assert.deepEqual(grouped.columns.map((c) => c.name), ['region', 'count', 'sum_big', 'sum_amount']);
  assert.match(grouped.sql, /GROUP BY "region"/);
  assert.match(grouped.sql, /sum\("big"\) AS "sum_big"/);
  assert.deepEqual(pageRows(grouped.firstPage), [
    ['north', '2', '9007199254740994', '3.30'],
    ['south', '1', '5', '3.30'],
    [null, '1', '7', null],
  ]);

  const filtered = await call<QueryResultInfo>('sortFilterResult', {
    resultId: base.resultId,
    filters: [{ column: 'year', op: '=', value: '2024' }],
    sort: [{ column: 'count_distinct_year', direction: 'desc' }],
    group: { columns: ['region'], aggregates: [{ fn: 'count_distinct', column: 'year' }] },
  });
  assert.match(filtered.sql, /WHERE "year" = CAST\('2024' AS INTEGER\)\nGROUP BY "region"/);
  assert.equal(filtered.totalRows, 2);
});

test('a pivot spreads an aggregate over the pivot column values', async () => {
  const base = await call<QueryResultInfo>('runQuery', { sql: SALES });
  const pivoted = await call<QueryResultInfo>('sortFilterResult', {
    resultId: base.resultId,
    group: { columns: ['region'], aggregates: [{ fn: 'sum', column: 'big' }], pivot: 'year' },
  });
  assert.match(pivoted.sql, /PIVOT/);
  assert.deepEqual(pivoted.columns.map((c) => c.name), ['region', '2024_sum_big', '2025_sum_big']);
  assert.deepEqual(pageRows(pivoted.firstPage)[0], ['north', '9007199254740993', '1']);
});

test('a grouping that names no column of the result is INVALID_INPUT', async () => {
  const base = await call<QueryResultInfo>('runQuery', { sql: SALES });
  expectError(
    await enclave.handle(W, 'sortFilterResult', { resultId: base.resultId, group: { columns: ['nope'], aggregates: [] } }),
    'INVALID_INPUT',
  );
  expectError(
    await enclave.handle(W, 'sortFilterResult', {
      resultId: base.resultId,
      group: { columns: ['region'], aggregates: [{ fn: 'sum', column: 'region' }] },
    }),
    'INVALID_INPUT',
  );
  expectError(
    await enclave.handle(W, 'sortFilterResult', { resultId: base.resultId, group: { columns: ['region'], aggregates: [{ fn: 'median', column: 'big' }] } }),
    'INVALID_INPUT',
  );
});
