import assert from 'node:assert/strict';
import { test } from 'node:test';
import {
  clickCell,
  clickColumnHeader,
  clickRowHeader,
  copiesHeader,
  isInBounds,
  moveFocus,
  selectAll,
  selectCell,
  selectionBounds,
} from './grid-selection.js';

test('a click selects one cell; Shift-click extends from the anchor in any direction', () => {
  const one = clickCell(null, { row: 5, col: 3 }, false);
  assert.deepEqual(selectionBounds(one, 100, 10), { rowFrom: 5, rowTo: 5, colFrom: 3, colTo: 3 });
  const up = clickCell(one, { row: 2, col: 1 }, true);
  assert.deepEqual(selectionBounds(up, 100, 10), { rowFrom: 2, rowTo: 5, colFrom: 1, colTo: 3 });
  const again = clickCell(up, { row: 9, col: 7 }, true);
  assert.deepEqual(selectionBounds(again, 100, 10), { rowFrom: 5, rowTo: 9, colFrom: 3, colTo: 7 });
  assert.equal(copiesHeader(again), false);
});

test('row headers select whole rows and Shift extends over rows', () => {
  const r = clickRowHeader(null, 7, false);
  assert.deepEqual(selectionBounds(r, 1_000_000, 4), { rowFrom: 7, rowTo: 7, colFrom: 0, colTo: 3 });
  const more = clickRowHeader(r, 3, true);
  assert.deepEqual(selectionBounds(more, 1_000_000, 4), { rowFrom: 3, rowTo: 7, colFrom: 0, colTo: 3 });
  assert.equal(copiesHeader(more), true);
  // Shift on a row header after a cell selection starts afresh at that row.
  const fromCell = clickRowHeader(selectCell({ row: 1, col: 2 }), 4, true);
  assert.deepEqual(selectionBounds(fromCell, 10, 4), { rowFrom: 4, rowTo: 4, colFrom: 0, colTo: 3 });
});

test('column headers select whole columns over every row, loaded or not', () => {
  const c = clickColumnHeader(null, 2, false);
  assert.deepEqual(selectionBounds(c, 10_000_000, 5), { rowFrom: 0, rowTo: 9_999_999, colFrom: 2, colTo: 2 });
  const more = clickColumnHeader(c, 0, true);
  assert.deepEqual(selectionBounds(more, 10_000_000, 5), { rowFrom: 0, rowTo: 9_999_999, colFrom: 0, colTo: 2 });
});

test('keyboard: a move without Shift collapses, with Shift extends and keeps the kind', () => {
  const start = selectCell({ row: 0, col: 0 });
  const ext = moveFocus(moveFocus(start, { row: 1, col: 0 }, true), { row: 1, col: 1 }, true);
  assert.deepEqual(selectionBounds(ext, 10, 10), { rowFrom: 0, rowTo: 1, colFrom: 0, colTo: 1 });
  assert.deepEqual(selectionBounds(moveFocus(ext, { row: 4, col: 4 }, false), 10, 10), { rowFrom: 4, rowTo: 4, colFrom: 4, colTo: 4 });
  const rows = moveFocus(clickRowHeader(null, 2, false), { row: 4, col: 0 }, true);
  assert.equal(rows.kind, 'rows');
  assert.deepEqual(selectionBounds(rows, 10, 3), { rowFrom: 2, rowTo: 4, colFrom: 0, colTo: 2 });
});

test('select all covers the grid; bounds clamp to its size and an empty grid has none', () => {
  const all = selectAll(null);
  assert.deepEqual(selectionBounds(all, 3, 2), { rowFrom: 0, rowTo: 2, colFrom: 0, colTo: 1 });
  assert.equal(selectionBounds(all, 0, 2), null);
  const past = clickCell(selectCell({ row: 1, col: 1 }), { row: 50, col: 50 }, true);
  const b = selectionBounds(past, 5, 3);
  assert.deepEqual(b, { rowFrom: 1, rowTo: 4, colFrom: 1, colTo: 2 });
  assert.equal(isInBounds(b, 4, 2), true);
  assert.equal(isInBounds(b, 0, 2), false);
  assert.equal(isInBounds(null, 0, 0), false);
});
