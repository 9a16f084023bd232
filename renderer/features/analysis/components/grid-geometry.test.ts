import assert from 'node:assert/strict';
import { test } from 'node:test';
import { clampTop, geometry, HEADER_HEIGHT, MAX_SCROLL_PX, revealRow, ROW_HEIGHT, scrollFromTopRow, topRowFromScroll } from './grid-geometry.js';

const VIEWPORT = HEADER_HEIGHT + 10 * ROW_HEIGHT; // ten body rows

test('a small result scrolls one pixel per pixel', () => {
  const g = geometry(100, VIEWPORT);
  assert.equal(g.scaled, false);
  assert.equal(g.scrollHeight, HEADER_HEIGHT + 100 * ROW_HEIGHT);
  assert.equal(g.bodyRows, 10);
  assert.equal(g.maxTop, 90);
  assert.equal(g.scrollRange, g.scrollHeight - VIEWPORT);
  assert.equal(topRowFromScroll(g, g.scrollRange), 90);
  assert.equal(scrollFromTopRow(g, 45), g.scrollRange / 2);
});

test('ten million rows: the height is capped and the thumb still reaches the last row', () => {
  const g = geometry(10_000_000, VIEWPORT);
  assert.equal(g.scaled, true);
  assert.equal(g.scrollHeight, MAX_SCROLL_PX);
  assert.equal(topRowFromScroll(g, 0), 0);
  assert.equal(topRowFromScroll(g, g.scrollRange), 10_000_000 - 10);
  assert.equal(topRowFromScroll(g, g.scrollRange * 10), g.maxTop);
  assert.equal(topRowFromScroll(g, -5), 0);
  // Round trip: a row's scroll position maps back to that row.
  assert.ok(Math.abs(topRowFromScroll(g, scrollFromTopRow(g, 1_234_567)) - 1_234_567) < 1e-6);
});

test('fewer rows than fit: nothing to scroll', () => {
  const g = geometry(3, VIEWPORT);
  assert.equal(g.maxTop, 0);
  assert.equal(g.scrollRange, 0);
  assert.equal(topRowFromScroll(g, 100), 0);
  assert.equal(scrollFromTopRow(g, 2), 0);
  assert.equal(geometry(0, 10).bodyRows, 1);
});

test('revealing a row moves as little as possible', () => {
  const g = geometry(100, VIEWPORT);
  assert.equal(revealRow(g, 20, 25), 20);
  assert.equal(revealRow(g, 20, 5), 5);
  assert.equal(revealRow(g, 20, 30), 21);
  assert.equal(revealRow(g, 20, 99), 90);
  assert.equal(clampTop(g, 500), 90);
  assert.equal(clampTop(g, -1), 0);
});
