import assert from 'node:assert/strict';
import { test } from 'node:test';
import { KeyedQueue } from './keyed-queue.js';

/** A promise the test settles by hand, so the order is the test's and no timer is involved. */
function gate() {
  let open!: () => void;
  const opened = new Promise<void>((resolve) => (open = resolve));
  return { opened, open };
}

test('work under one key runs one at a time, in order, past a failure; another key does not wait', async () => {
  const queue = new KeyedQueue<string>();
  const log: string[] = [];
  const first = gate();
  const a1 = queue.run('a', async () => {
    log.push('a1 start');
    await first.opened;
    log.push('a1 end');
    throw new Error('a1 failed');
  });
  const a2 = queue.run('a', async () => {
    log.push('a2');
    return 2;
  });
  const b1 = await queue.run('b', async () => {
    log.push('b1');
    return 'b';
  });
  assert.equal(b1, 'b');
  assert.deepEqual(log, ['a1 start', 'b1'], 'a2 waits for a1; b1 does not');
  first.open();
  await assert.rejects(a1, /a1 failed/);
  assert.equal(await a2, 2);
  assert.deepEqual(log, ['a1 start', 'b1', 'a1 end', 'a2']);
});

test('idle settles once the work queued so far has', async () => {
  const queue = new KeyedQueue<number>();
  const g = gate();
  let done = false;
  void queue.run(1, async () => {
    await g.opened;
    done = true;
  });
  const idle = queue.idle(1).then(() => done);
  g.open();
  assert.equal(await idle, true);
  await queue.idle(2); // nothing queued: settles at once
});
