// What the keychain holds for one profile (account = profile id): a random 256-bit
// profile key, and the password verifier when the profile has a password.
import { randomBytes } from 'node:crypto';
import { AppException } from '../../../shared/errors.js';
import type { PasswordVerifier } from '../auth/password.js';
import { KeychainUnavailableError, type SecretStore } from '../keychain/secret-store.js';

export interface ProfileSecrets {
  v: 1;
  key: string; // base64, 32 random bytes
  verifier: PasswordVerifier | null;
}

export const newProfileSecrets = (verifier: PasswordVerifier | null): ProfileSecrets => ({
  v: 1,
  key: randomBytes(32).toString('base64'),
  verifier,
});

/** Runs a keychain operation, turning an unreachable keychain into KEYCHAIN_UNAVAILABLE. */
export async function keychainCall<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof KeychainUnavailableError) throw new AppException('KEYCHAIN_UNAVAILABLE', e.message);
    throw e;
  }
}

export async function readProfileSecrets(store: SecretStore, profileId: string): Promise<ProfileSecrets> {
  const raw = await keychainCall(() => store.get(profileId));
  if (raw === null) {
    throw new AppException(
      'KEYCHAIN_UNAVAILABLE',
      'The keychain has no entry for this profile (was the keychain reset?); it cannot be unlocked',
    );
  }
  const parsed = JSON.parse(raw) as ProfileSecrets;
  if (parsed.v !== 1 || typeof parsed.key !== 'string') {
    throw new AppException('KEYCHAIN_UNAVAILABLE', 'The keychain entry for this profile is not readable');
  }
  return parsed;
}

export const writeProfileSecrets = (store: SecretStore, profileId: string, secrets: ProfileSecrets) =>
  keychainCall(() => store.set(profileId, JSON.stringify(secrets)));
