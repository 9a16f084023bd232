import { createRequire } from 'node:module';
import { KeychainUnavailableError, type SecretStore } from './secret-store.js';

type Keytar = typeof import('keytar');

// keytar is loaded lazily: without libsecret it fails at import, and that must surface
// as KEYCHAIN_UNAVAILABLE on first use, not as a crash at start-up.
let keytar: Keytar | undefined;
function load(): Keytar {
  if (!keytar) {
    try {
      keytar = createRequire(import.meta.url)('keytar') as Keytar;
    } catch (e) {
      throw new KeychainUnavailableError(`the keytar native module failed to load (${describe(e)})`);
    }
  }
  return keytar;
}

const describe = (e: unknown) => (e instanceof Error ? e.message : String(e)).split('\n')[0]!;

/** Turns libsecret/Keychain/Credential Manager failures into one error that names the cause. */
async function call<T>(op: () => Promise<T>): Promise<T> {
  try {
    return await op();
  } catch (e) {
    if (e instanceof KeychainUnavailableError) throw e;
    const msg = describe(e);
    const hint = /org\.freedesktop\.secrets|DBUS|D-Bus|X11|Could not connect/i.test(msg)
      ? ' — no Secret Service is running (on Linux install and unlock gnome-keyring or KeePassXC)'
      : /locked|denied|cancel/i.test(msg)
        ? ' — the keychain is locked or access was denied'
        : '';
    throw new KeychainUnavailableError(`${msg}${hint}`);
  }
}

/** The OS keychain through keytar: Secret Service on Linux, Keychain on macOS, Credential Vault on Windows. */
export function keytarStore(service: string): SecretStore {
  return {
    get: (account) => call(() => load().getPassword(service, account)),
    set: (account, secret) => call(() => load().setPassword(service, account, secret)),
    delete: (account) => call(() => load().deletePassword(service, account)),
  };
}
