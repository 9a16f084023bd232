import assert from 'node:assert/strict';
import { test } from 'node:test';
import { checkSender, forbidden } from './sender-check.js';

const top = { url: 'app://enclave/index.html', parent: null };

test('the top frame of our window on our origin may call', () => {
  assert.deepEqual(checkSender(top, true), { ok: true });
  assert.deepEqual(checkSender({ url: 'app://enclave/index.html#/x', parent: null }, true), { ok: true });
});

test('everything else is refused', () => {
  const refused = [
    checkSender(top, false),
    checkSender(null, true),
    checkSender({ url: 'app://enclave/index.html', parent: top }, true),
    checkSender({ url: 'https://evil.example/', parent: null }, true),
    checkSender({ url: 'app://evil/', parent: null }, true),
    checkSender({ url: 'about:blank', parent: null }, true),
  ];
  for (const verdict of refused) assert.equal(verdict.ok, false);
});

test('a refusal is a FORBIDDEN result value', () => {
  assert.deepEqual(forbidden('the call comes from a subframe'), {
    ok: false,
    error: { code: 'FORBIDDEN', message: 'Refused: the call comes from a subframe' },
  });
});
