import assert from 'node:assert/strict';
import { test } from 'node:test';
import { quitSequence } from './quit-sequence.js';

const event = () => {
  const e = { prevented: false, preventDefault: () => (e.prevented = true) };
  return e;
};

test('holds the first quit, shuts down once, then quits and lets the next quit through', async () => {
  const log: string[] = [];
  let finish!: () => void;
  const onQuit = quitSequence(() => new Promise<void>((resolve) => ((finish = resolve), log.push('shutdown'))));
  const first = event();
  onQuit(first, () => log.push('quit'));
  const second = event();
  onQuit(second, () => log.push('quit again'));
  assert.ok(first.prevented && second.prevented);
  assert.deepEqual(log, ['shutdown']);
  finish();
  await new Promise((r) => setImmediate(r));
  assert.deepEqual(log, ['shutdown', 'quit']);
  const last = event();
  onQuit(last, () => log.push('never'));
  assert.equal(last.prevented, false);
});

test('a failed shutdown is reported and the app still quits', async () => {
  const errors: unknown[] = [];
  let quit = false;
  quitSequence(() => Promise.reject(new Error('disk gone')), (e) => errors.push(e))(event(), () => (quit = true));
  await new Promise((r) => setImmediate(r));
  assert.equal(quit, true);
  assert.equal(errors.length, 1);
});
