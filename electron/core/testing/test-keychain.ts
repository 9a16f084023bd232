// The real OS keychain under a service name of the test's own, emptied afterwards
// (including entries written by child processes through ENCLAVE_KEYCHAIN_SERVICE).
import { createRequire } from 'node:module';
import { keytarStore } from '../keychain/keytar-store.js';
import type { SecretStore } from '../keychain/secret-store.js';

type Keytar = typeof import('keytar');
const keytar = () => createRequire(import.meta.url)('keytar') as Keytar;

export interface TestKeychain {
  service: string;
  store: SecretStore;
  /** Accounts currently stored under the service. */
  accounts(): Promise<string[]>;
  /** Deletes every entry under the service. */
  clear(): Promise<void>;
}

export function testKeychain(name: string): TestKeychain {
  const service = `enclave-test-${process.pid}-${name}`;
  const accounts = async () => (await keytar().findCredentials(service)).map((c) => c.account).sort();
  return {
    service,
    store: keytarStore(service),
    accounts,
    async clear() {
      for (const account of await accounts()) await keytar().deletePassword(service, account);
    },
  };
}
