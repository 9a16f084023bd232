import assert from 'node:assert/strict';
import { test } from 'node:test';
import { niceScale, niceStep, ticksWithin } from './nice-scale.js';

test('steps are 1, 2, 2.5 or 5 times a power of ten', () => {
  assert.equal(niceStep(100, 5), 20);
  assert.equal(niceStep(10, 4), 2.5);
  assert.equal(niceStep(0.9, 3), 0.5);
  assert.equal(niceStep(7000, 7), 1000);
});

test('the domain widens to whole ticks, so the top of the axis is labelled', () => {
  const s = niceScale(0, 937, 5);
  assert.equal(s.ticks[0], 0);
  assert.equal(s.ticks[s.ticks.length - 1], s.max);
  assert.ok(s.max >= 937);
  assert.deepEqual(s.ticks, [0, 200, 400, 600, 800, 1000]);
  const neg = niceScale(-12.3, 48.1, 6);
  assert.equal(neg.min, -20);
  assert.equal(neg.max, 60);
  assert.equal(neg.ticks[neg.ticks.length - 1], 60);
});

test('ticks carry no float noise and a single value still gets an axis from zero', () => {
  const s = niceScale(0, 0.7, 7);
  assert.deepEqual(s.ticks, [0, 0.1, 0.2, 0.3, 0.4, 0.5, 0.6, 0.7]);
  assert.deepEqual(niceScale(5, 5, 4).ticks.slice(0, 1), [0]);
  assert.ok(niceScale(5, 5, 4).max >= 5);
  assert.deepEqual(niceScale(0, 0, 4).ticks, [0, 0.25, 0.5, 0.75, 1]);
});

test('x-axis ticks stay within the data range', () => {
  assert.deepEqual(ticksWithin(3, 97, 4), [25, 50, 75]);
  assert.deepEqual(ticksWithin(5, 5, 4), [5]);
});
