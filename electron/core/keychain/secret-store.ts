// Our own small interface over the OS keychain, so the backend (keytar today;
// Electron safeStorage or @napi-rs/keyring tomorrow) can change without touching callers.

export interface SecretStore {
  get(account: string): Promise<string | null>;
  set(account: string, secret: string): Promise<void>;
  /** True when an entry existed. */
  delete(account: string): Promise<boolean>;
}

/** The keychain cannot be reached (no Secret Service, locked keychain, denied access). */
export class KeychainUnavailableError extends Error {
  constructor(cause: string) {
    super(`OS keychain unavailable: ${cause}`);
    this.name = 'KeychainUnavailableError';
  }
}

/** The keychain service name under which every profile's entry is stored (account = profile id). */
export const APP_ID = 'dev.enclave.app';
