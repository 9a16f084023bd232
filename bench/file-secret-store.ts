// Benches keep their generated profiles between runs, so their secrets live in a
// JSON file beside them instead of the OS keychain (which benches must not touch).
import fs from 'node:fs';
import type { SecretStore } from '../electron/core/keychain/secret-store.js';

export function fileSecretStore(file: string): SecretStore {
  const read = (): Record<string, string> => (fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>) : {});
  const write = (all: Record<string, string>) => fs.writeFileSync(file, JSON.stringify(all), { mode: 0o600 });
  return {
    get: async (account) => read()[account] ?? null,
    async set(account, secret) {
      write({ ...read(), [account]: secret });
    },
    async delete(account) {
      const all = read();
      if (!(account in all)) return false;
      delete all[account];
      write(all);
      return true;
    },
  };
}
