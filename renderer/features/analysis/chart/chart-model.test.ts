import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireCell, WireColumn, WirePage } from '../../../../shared/wire.js';
import { buildModel, type ChartSpec } from './chart-model.js';

const col = (name: string, id: 'VARCHAR' | 'INTEGER' | 'DOUBLE' | 'DATE'): WireColumn => ({ name, type: { id, sql: id } });
const rows = (...columns: WireCell[][]): WirePage => ({ offset: 0, rowCount: columns[0]?.length ?? 0, columns });
const UTC = 'UTC';
/** A spec with the defaults the chart panel starts from (bars by value, 40 bins). */
const spec = (s: Pick<ChartSpec, 'kind' | 'x' | 'y'> & Partial<ChartSpec>): ChartSpec => ({ order: 'value', bins: 40, ...s });

test('bar: sums per category, largest first, or counts rows', () => {
  const columns = [col('fruit', 'VARCHAR'), col('kg', 'DOUBLE')];
  const page = rows(['apple', 'pear', 'apple', null, 'fig'], ['1.5', '2', '3', '4', null]);
  assert.deepEqual(buildModel(spec({ kind: 'bar', x: 0, y: 1 }), columns, page, UTC), {
    kind: 'bar',
    labels: ['apple', 'NULL', 'pear'],
    values: [4.5, 4, 2],
    exact: ['4.5', '4', '2'],
    rowCounts: [2, 1, 1],
    omitted: 0,
    xTitle: 'fruit',
    yTitle: 'sum of kg',
  });
  const counted = buildModel(spec({ kind: 'bar', x: 0, y: -1 }), columns, page, UTC);
  assert.ok(counted?.kind === 'bar');
  assert.deepEqual(counted.labels[0], 'apple');
  assert.deepEqual(counted.values, [2, 1, 1, 1]);
  assert.equal(counted.yTitle, 'count of rows');
});

test('bar: in category order (numbers as numbers, NULL last) and exact BIGINT sums', () => {
  const columns = [col('n', 'INTEGER'), { name: 'big', type: { id: 'BIGINT', sql: 'BIGINT' } } as WireColumn];
  const page = rows(['10', '9', null, '10'], ['9007199254740993', '1', '5', '1']);
  const model = buildModel(spec({ kind: 'bar', x: 0, y: 1, order: 'category' }), columns, page, UTC);
  assert.ok(model?.kind === 'bar');
  assert.deepEqual(model.labels, ['9', '10', 'NULL']);
  assert.deepEqual(model.exact, ['1', '9007199254740994', '5']);
  const byValue = buildModel(spec({ kind: 'bar', x: 0, y: 1 }), columns, page, UTC);
  assert.ok(byValue?.kind === 'bar');
  assert.deepEqual(byValue.labels, ['10', 'NULL', '9']);
});

test('bar: only the 40 largest categories are drawn', () => {
  const names = Array.from({ length: 45 }, (_, i) => `c${i}`);
  const model = buildModel(spec({ kind: 'bar', x: 0, y: -1 }), [col('c', 'VARCHAR')], rows(names), UTC);
  assert.ok(model?.kind === 'bar');
  assert.equal(model.labels.length, 40);
  assert.equal(model.omitted, 5);
});

test('line: points sorted by x, rows without a number skipped', () => {
  const model = buildModel(spec({ kind: 'line', x: 0, y: 1 }), [col('x', 'INTEGER'), col('y', 'DOUBLE')], rows(['3', '1', null, '2'], ['30', '10', '5', 'x']), UTC);
  assert.ok(model?.kind === 'line');
  assert.deepEqual([...model.xs], [1, 3]);
  assert.deepEqual([...model.ys], [10, 30]);
  assert.equal(model.skipped, 2);
  assert.equal(model.xKind, 'number');
  assert.deepEqual([...model.rows], [1, 0]); // where each point came from, for exact tooltips
  assert.equal(model.yTitle, 'y');
});

test('scatter keeps row order; a date axis is time', () => {
  const model = buildModel(spec({ kind: 'scatter', x: 0, y: 1 }), [col('d', 'DATE'), col('v', 'INTEGER')], rows(['2026-03-02', '2026-03-01'], ['1', '2']), UTC);
  assert.ok(model?.kind === 'scatter');
  assert.equal(model.xKind, 'time');
  assert.ok(model.xs[0]! > model.xs[1]!);
});

test('histogram: the chosen number of bins over the range, a constant column gets a unit range', () => {
  const values = Array.from({ length: 81 }, (_, i) => String(i));
  const model = buildModel(spec({ kind: 'histogram', x: 0, y: -1 }), [col('n', 'INTEGER')], rows([...values, null]), UTC);
  assert.ok(model?.kind === 'histogram');
  assert.equal(model.counts.length, 40);
  assert.equal(model.edges.length, 41);
  assert.equal(model.counts.reduce((a, b) => a + b, 0), 81);
  assert.equal(model.skipped, 1);
  const flat = buildModel(spec({ kind: 'histogram', x: 0, y: -1 }), [col('n', 'INTEGER')], rows(['7', '7']), UTC);
  assert.ok(flat?.kind === 'histogram');
  assert.equal(flat.edges[0], 7);
  assert.equal(flat.edges.at(-1), 8);
  const none = buildModel(spec({ kind: 'histogram', x: 0, y: -1 }), [col('n', 'INTEGER')], rows([null]), UTC);
  assert.deepEqual(none, { kind: 'histogram', edges: [], counts: [], xKind: 'number', skipped: 1, xTitle: 'n', yTitle: 'count of rows' });
  const ten = buildModel(spec({ kind: 'histogram', x: 0, y: -1, bins: 10 }), [col('n', 'INTEGER')], rows(values), UTC);
  assert.ok(ten?.kind === 'histogram');
  assert.equal(ten.counts.length, 10);
  assert.equal(ten.edges.at(-1), 80);
});

test('no chart without the columns it needs', () => {
  assert.equal(buildModel(spec({ kind: 'bar', x: 5, y: -1 }), [col('a', 'VARCHAR')], rows(['x']), UTC), null);
  assert.equal(buildModel(spec({ kind: 'line', x: 0, y: -1 }), [col('a', 'INTEGER')], rows(['1']), UTC), null);
});
