// A profile creation cut short (a crash between its directory and its registry row)
// leaves files that no listing shows; the next start removes them once they are stale,
// and leaves alone a creation that may still be running in another process.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import { after, test } from 'node:test';
import { openEnclave } from '../enclave.js';
import { profileDir } from '../paths.js';
import { ManualClock } from '../testing/manual-clock.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';

const keychain = testKeychain('unfinished-creation');
const dataDir = makeTempDir();
const LEFTOVER = '0d6f7c1e-2b3a-4c5d-8e9f-a0b1c2d3e4f5';

after(async () => {
  await keychain.clear();
  removeTempDir(dataDir);
});

test('a fresh leftover is kept, a stale one goes with its keychain entry, real profiles stay', async () => {
  const first = await openEnclave({ dataDir, secrets: keychain.store });
  const kept = await first.profiles.create({ name: 'Kept' });
  await first.close();
  fs.mkdirSync(profileDir(dataDir, LEFTOVER));
  await keychain.store.set(LEFTOVER, 'half-made');

  const now = await openEnclave({ dataDir, secrets: keychain.store, clock: new ManualClock(new Date().toISOString()) });
  await now.close();
  assert.ok(fs.existsSync(profileDir(dataDir, LEFTOVER)), 'a creation of a minute ago may still be running');

  const later = new ManualClock(new Date(Date.now() + 11 * 60_000).toISOString());
  const next = await openEnclave({ dataDir, secrets: keychain.store, clock: later });
  assert.deepEqual(next.profiles.list().map((p) => p.id), [kept.id]);
  await next.close();
  assert.ok(!fs.existsSync(profileDir(dataDir, LEFTOVER)), 'the stale leftover directory is gone');
  assert.deepEqual(await keychain.accounts(), [kept.id]);
  assert.ok(fs.existsSync(profileDir(dataDir, kept.id)));
});
