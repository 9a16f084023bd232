// LongCalls decides when a host's running work counts as background work (LONG_CALL_MS).
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LONG_CALL_MS } from '../core/storage/host-budget.js';
import { LongCalls } from './long-calls.js';

function fixture() {
  let now = 1000;
  let demoted = 0;
  const calls = new LongCalls(
    () => demoted++,
    () => now,
  );
  return {
    calls,
    advance: (ms: number) => void (now += ms),
    demoted: () => demoted,
  };
}

test('threads are lowered only once a call in flight has run LONG_CALL_MS', (t) => {
  const { calls, advance, demoted } = fixture();
  t.after(() => calls.end(1));
  calls.begin(1);
  advance(LONG_CALL_MS - 1);
  calls.check();
  assert.equal(demoted(), 0, 'a call just under the limit is interactive');
  advance(1);
  calls.check();
  assert.equal(demoted(), 1, 'a call at the limit is background work');
});

test('a finished long call lowers nothing; a short call beside a long one does not hide it', (t) => {
  const { calls, advance, demoted } = fixture();
  t.after(() => {
    calls.end(2);
    calls.end(3);
  });
  calls.begin(1);
  advance(LONG_CALL_MS * 2);
  calls.end(1);
  calls.begin(2);
  advance(10);
  calls.check();
  assert.equal(demoted(), 0, 'only calls still running count');
  calls.begin(3);
  advance(LONG_CALL_MS);
  calls.check();
  assert.equal(demoted(), 1, 'call 2 has now run past the limit, call 3 has not');
});
