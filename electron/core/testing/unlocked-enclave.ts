// The set-up most router tests share: one enclave over a new data folder and the test's
// keychain, with profiles (no password) created and unlocked in the windows named. The
// fixture closes the enclave, clears the keychain and removes the folder after the file's tests.
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { Enclave, EnclaveOptions } from '../enclave.js';
import type { EnclaveFixture } from './enclave-fixture.js';
import { expectOk } from './results.js';

export interface UnlockedEnclave<Name extends string> {
  enclave: Enclave;
  dataDir: string;
  /** Each profile by its name, as createProfile answered. */
  profiles: Record<Name, ProfileSummary>;
}

/**
 * `windows` lists [window id, profile name] in the order to unlock: a name seen before is
 * unlocked again in that window (two windows on one profile), a new one is created first.
 */
export async function openUnlocked<Name extends string>(
  fixture: EnclaveFixture,
  windows: readonly (readonly [windowId: number, name: Name])[],
  options: Omit<EnclaveOptions, 'dataDir' | 'secrets'> = {},
): Promise<UnlockedEnclave<Name>> {
  const dataDir = fixture.tempDir();
  const enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store, ...options });
  const profiles: Partial<Record<Name, ProfileSummary>> = {};
  for (const [windowId, name] of windows) {
    const profile = (profiles[name] ??= expectOk<ProfileSummary>(await enclave.handle(windowId, 'createProfile', { name }), `create ${name}`));
    expectOk(await enclave.handle(windowId, 'unlockProfile', { profileId: profile.id }), `unlock ${name}`);
  }
  return { enclave, dataDir, profiles: profiles as Record<Name, ProfileSummary> };
}
