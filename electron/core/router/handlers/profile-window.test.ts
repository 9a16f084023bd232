// openProfileWindow: a tile's "Open in new window" asks the shell for a window with the
// profile chosen, for an existing profile only; nothing is unlocked by it.
import assert from 'node:assert/strict';
import { after, test } from 'node:test';
import type { ProfileSummary, SessionInfo } from '../../../../shared/profiles/profiles.js';
import { openEnclave, type Enclave } from '../../enclave.js';
import { expectError, expectOk } from '../../testing/results.js';
import { makeTempDir, removeTempDir } from '../../testing/temp-dir.js';
import { testKeychain } from '../../testing/test-keychain.js';
import type { WindowHint } from '../../window-opener.js';

const keychain = testKeychain('profile-window');
const dataDir = makeTempDir();
const opened: WindowHint[] = [];
let enclave: Enclave | null = null;

after(async () => {
  await enclave?.close();
  await keychain.clear();
  removeTempDir(dataDir);
});

test('opens a window hinted with the profile; unknown profiles and bad ids open none', async () => {
  enclave = await openEnclave({ dataDir, secrets: keychain.store, windows: { open: (hint) => void opened.push(hint) } });
  const bob = expectOk<ProfileSummary>(await enclave.handle(1, 'createProfile', { name: 'Bob', password: 'bob password 1' }));
  expectOk(await enclave.handle(1, 'openProfileWindow', { profileId: bob.id }));
  assert.deepEqual(opened, [{ profileId: bob.id }]);
  // The asking window stays as it was: nothing was unlocked, here or anywhere.
  assert.equal(expectOk<SessionInfo | null>(await enclave.handle(1, 'currentSession', undefined)), null);

  expectError(await enclave.handle(1, 'openProfileWindow', { profileId: '3f2a1b4c-5d6e-4f70-8a9b-0c1d2e3f4a5b' }), 'NOT_FOUND');
  expectError(await enclave.handle(1, 'openProfileWindow', { profileId: 'not an id' }), 'INVALID_INPUT');
  expectError(await enclave.handle(1, 'openProfileWindow', { profileId: bob.id, extra: true }), 'INVALID_INPUT');
  assert.equal(opened.length, 1);
});
