// The slice arithmetic of a kept result: which slices a page falls in, and the whole
// result as one relation. (Pages read from real slices: wire.test.ts.)
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { relation, sliceRanges } from './result-slices.js';

const slices = ['r_0', 'r_1', 'r_2'];
const starts = [0, 100, 200];

test('a page inside one slice reads only that slice, as its own rowids', () => {
  assert.deepEqual(sliceRanges(starts, slices, 0, 50), [{ table: 'r_0', start: 0, from: 0, to: 50 }]);
  assert.deepEqual(sliceRanges(starts, slices, 120, 150), [{ table: 'r_1', start: 100, from: 20, to: 50 }]);
  assert.deepEqual(sliceRanges(starts, slices, 100, 200), [{ table: 'r_1', start: 100, from: 0, to: 100 }]);
});

test('a page across a boundary reads the end of one slice and the start of the next', () => {
  assert.deepEqual(sliceRanges(starts, slices, 90, 110), [
    { table: 'r_0', start: 0, from: 90, to: 100 },
    { table: 'r_1', start: 100, from: 0, to: 10 },
  ]);
  assert.deepEqual(sliceRanges(starts, slices, 50, 250).map((r) => [r.table, r.from, r.to]), [
    ['r_0', 50, 100],
    ['r_1', 0, 100],
    ['r_2', 0, 50],
  ]);
});

test('the last slice runs to the end asked for; one slice is the whole result', () => {
  assert.deepEqual(sliceRanges(starts, slices, 230, 260), [{ table: 'r_2', start: 200, from: 30, to: 60 }]);
  assert.deepEqual(sliceRanges([0], ['only_0'], 5, 7), [{ table: 'only_0', start: 0, from: 5, to: 7 }]);
});

test('the whole result is the one slice, or every slice in order', () => {
  assert.equal(relation({ slices: ['only_0'] }), 'only_0');
  assert.equal(relation({ slices }), '(SELECT * FROM r_0\nUNION ALL\nSELECT * FROM r_1\nUNION ALL\nSELECT * FROM r_2) AS result');
});
