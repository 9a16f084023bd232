import assert from 'node:assert/strict';
import { test } from 'node:test';
import { delayAfter, FREE_ATTEMPTS, secondsLeft } from './throttle.js';

const S = 1000;

test('the first failures are free', () => {
  // Literal counts, not FREE_ATTEMPTS: a change of the constant must show up here.
  assert.equal(FREE_ATTEMPTS, 5);
  for (const f of [0, 1, 2, 3, 4]) assert.equal(delayAfter(f), 0, `after ${f} failures`);
  assert.ok(delayAfter(5) > 0, 'the fifth failure costs a delay');
});

test('from the fifth failure on, the delay starts at 30 s and doubles', () => {
  assert.deepEqual(
    [5, 6, 7, 8, 9, 10, 11].map(delayAfter),
    [30, 60, 120, 240, 480, 960, 1920].map((s) => s * S),
  );
});

test('the delay is capped at one hour, however many failures', () => {
  assert.equal(delayAfter(12), 3600 * S); // 3840 s uncapped
  assert.equal(delayAfter(100), 3600 * S);
  assert.equal(delayAfter(5000), 3600 * S); // 2 ** 4995 is Infinity: still the cap
});

test('secondsLeft rounds up and never goes negative', () => {
  const now = new Date('2030-01-01T00:00:00.000Z');
  assert.equal(secondsLeft(null, now), 0);
  assert.equal(secondsLeft('2029-12-31T23:59:59.000Z', now), 0);
  assert.equal(secondsLeft('2030-01-01T00:00:00.000Z', now), 0);
  assert.equal(secondsLeft('2030-01-01T00:00:00.001Z', now), 1);
  assert.equal(secondsLeft('2030-01-01T00:00:30.000Z', now), 30);
  assert.equal(secondsLeft('2030-01-01T01:00:00.000Z', now), 3600);
});
