import assert from 'node:assert/strict';
import { test } from 'node:test';
import { DEFAULT_IDLE_LOCK_MINUTES, idleLockMinutes, idleWatch } from './idle-lock.js';

test('ENCLAVE_IDLE_LOCK_MINUTES: default 15, positive numbers, 0/off disable, junk falls back', () => {
  assert.equal(DEFAULT_IDLE_LOCK_MINUTES, 15);
  assert.equal(idleLockMinutes({}), 15);
  assert.equal(idleLockMinutes({ ENCLAVE_IDLE_LOCK_MINUTES: '5' }), 5);
  assert.equal(idleLockMinutes({ ENCLAVE_IDLE_LOCK_MINUTES: '0.5' }), 0.5);
  assert.equal(idleLockMinutes({ ENCLAVE_IDLE_LOCK_MINUTES: '0' }), null);
  assert.equal(idleLockMinutes({ ENCLAVE_IDLE_LOCK_MINUTES: 'OFF' }), null);
  for (const junk of ['-3', 'soon', 'Infinity', ' ']) assert.equal(idleLockMinutes({ ENCLAVE_IDLE_LOCK_MINUTES: junk }), 15, junk);
});

test('the watch fires once per idle spell and re-arms on activity', () => {
  const reached = idleWatch(60);
  assert.deepEqual([10, 59, 60, 90, 3000, 0, 61, 62].map(reached), [false, false, true, false, false, false, true, false]);
});
