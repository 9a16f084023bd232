// A profile's AI endpoint key, in the OS keychain beside the profile's own entry: same
// service, account `<profile id>/ai-key`, one per profile. It is read only to be put in
// the Authorization header of that profile's calls, and goes when the profile is deleted.
import type { SecretStore } from '../keychain/secret-store.js';
import { keychainCall } from './profile-secrets.js';

export const aiKeyAccount = (profileId: string) => `${profileId}/ai-key`;

export const readAiKey = (store: SecretStore, profileId: string) => keychainCall(() => store.get(aiKeyAccount(profileId)));

export const writeAiKey = (store: SecretStore, profileId: string, key: string) => keychainCall(() => store.set(aiKeyAccount(profileId), key));

export const deleteAiKey = (store: SecretStore, profileId: string) => keychainCall(() => store.delete(aiKeyAccount(profileId)));
