// Source passwords in the OS keychain, under the profile's own keychain scheme (service
// APP_ID, account = profile id): one more entry per profile, account `<profile id>/sources`,
// holding {source name (lower case): password}. One entry rather than one per source so
// that deleting the profile removes every source password without listing the keychain
// (SecretStore has no listing, and the source names live in the profile's own database,
// which main does not open).
import { AppException } from '../../../shared/errors.js';
import type { SecretStore } from '../keychain/secret-store.js';
import { keychainCall } from './profile-secrets.js';

export const sourceSecretsAccount = (profileId: string) => `${profileId}/sources`;

type Passwords = Record<string, string>;

const key = (source: string) => source.toLowerCase();

async function read(store: SecretStore, profileId: string): Promise<Passwords> {
  const raw = await keychainCall(() => store.get(sourceSecretsAccount(profileId)));
  if (raw === null) return {};
  try {
    const parsed = JSON.parse(raw) as unknown;
    if (typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed)) return parsed as Passwords;
  } catch {
    // fall through: an unreadable entry is treated as holding nothing we can use
  }
  throw new AppException('KEYCHAIN_UNAVAILABLE', "The keychain entry for this profile's source passwords is not readable");
}

async function write(store: SecretStore, profileId: string, passwords: Passwords): Promise<void> {
  if (Object.keys(passwords).length === 0) await keychainCall(() => store.delete(sourceSecretsAccount(profileId)));
  else await keychainCall(() => store.set(sourceSecretsAccount(profileId), JSON.stringify(passwords)));
}

// Read-modify-write of the one entry: changes within this process go one at a time.
const queues = new Map<string, Promise<unknown>>();
function serialized<T>(profileId: string, op: () => Promise<T>): Promise<T> {
  const previous = queues.get(profileId) ?? Promise.resolve();
  const next = previous.catch(() => undefined).then(op);
  queues.set(profileId, next);
  void next.finally(() => queues.get(profileId) === next && queues.delete(profileId)).catch(() => undefined);
  return next;
}

export const sourcePasswords = {
  async get(store: SecretStore, profileId: string, source: string): Promise<string | null> {
    return (await read(store, profileId))[key(source)] ?? null;
  },
  set(store: SecretStore, profileId: string, source: string, password: string): Promise<void> {
    return serialized(profileId, async () => write(store, profileId, { ...(await read(store, profileId)), [key(source)]: password }));
  },
  remove(store: SecretStore, profileId: string, source: string): Promise<void> {
    return serialized(profileId, async () => {
      const all = await read(store, profileId);
      if (!(key(source) in all)) return;
      delete all[key(source)];
      await write(store, profileId, all);
    });
  },
  /** Every source password of the profile (its deletion). */
  removeAll: (store: SecretStore, profileId: string) => keychainCall(() => store.delete(sourceSecretsAccount(profileId))),
};
