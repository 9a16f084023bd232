import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { CRASH_WINDOW_MS, CrashBackoff, MAX_CRASHES } from './crash-backoff.js';

test('restarts back off after MAX_CRASHES crashes within the window, saying when to retry, per profile', () => {
  let now = 1_000_000;
  const backoff = new CrashBackoff(() => now);
  for (let i = 0; i < MAX_CRASHES - 1; i++) {
    backoff.crashed('a');
    now += 1_000;
  }
  backoff.check('a'); // one crash short: restarts are allowed
  backoff.crashed('a');
  const first = now - (MAX_CRASHES - 1) * 1_000;
  assert.throws(
    () => backoff.check('a'),
    (e: unknown) =>
      e instanceof AppException &&
      e.code === 'PROFILE_CRASHED' &&
      e.extra.retryAfterSeconds === Math.ceil((first + CRASH_WINDOW_MS - now) / 1000),
  );
  backoff.check('b'); // another profile is not held back
  now = first + CRASH_WINDOW_MS + 1; // the oldest crash left the window
  backoff.check('a');
});
