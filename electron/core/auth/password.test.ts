import assert from 'node:assert/strict';
import { randomBytes, scryptSync } from 'node:crypto';
import { test } from 'node:test';
import { createVerifier, verifyPassword, type PasswordVerifier } from './password.js';

// Each verifier costs one real scrypt (~100 ms), so the tests share what they can.
const password = 'correct horse battery staple';
const verifier = await createVerifier(password);

test('a verifier records its algorithm, parameters, salt and hash', () => {
  assert.equal(verifier.alg, 'scrypt');
  assert.deepEqual({ N: verifier.N, r: verifier.r, p: verifier.p }, { N: 2 ** 15, r: 8, p: 1 });
  assert.equal(Buffer.from(verifier.salt, 'base64').length, 16);
  assert.equal(Buffer.from(verifier.hash, 'base64').length, 32);
  assert.ok(!JSON.stringify(verifier).includes(password));
});

test('the right password verifies, wrong ones do not', async () => {
  assert.equal(await verifyPassword(password, verifier), true);
  for (const wrong of ['', 'correct horse battery stapl', `${password} `, password.toUpperCase()]) {
    assert.equal(await verifyPassword(wrong, verifier), false, JSON.stringify(wrong));
  }
});

test('the same password gets a fresh salt each time', async () => {
  const again = await createVerifier(password);
  assert.notEqual(again.salt, verifier.salt);
  assert.notEqual(again.hash, verifier.hash);
  assert.equal(await verifyPassword(password, again), true);
});

test('passwords are compared after NFC normalisation', async () => {
  const composed = 'caf\u00e9 au lait';
  const v = await createVerifier(composed);
  assert.equal(await verifyPassword('cafe\u0301 au lait', v), true);
});

test('verification uses the parameters stored with the hash, so they can be raised later', async () => {
  const salt = randomBytes(16);
  const old: PasswordVerifier = {
    alg: 'scrypt',
    N: 1024,
    r: 4,
    p: 2,
    salt: salt.toString('base64'),
    hash: scryptSync(password.normalize('NFC'), salt, 24, { N: 1024, r: 4, p: 2 }).toString('base64'),
  };
  assert.equal(await verifyPassword(password, old), true);
  assert.equal(await verifyPassword('something else', old), false);
  // The same hash read with other parameters no longer matches.
  assert.equal(await verifyPassword(password, { ...old, N: 2048 }), false);
});

test('a hash differing only in its last bit is rejected (full-length comparison, no early exit on prefix)', async () => {
  const hash = Buffer.from(verifier.hash, 'base64');
  const last = hash.length - 1;
  hash.writeUInt8(hash.readUInt8(last) ^ 1, last);
  assert.equal(await verifyPassword(password, { ...verifier, hash: hash.toString('base64') }), false);
});
