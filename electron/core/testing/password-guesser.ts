// A child process of the throttle race test (auth/throttle-race.test.ts): opens the
// real core on a data folder another process uses too, says "ready", waits for "go" on
// stdin, then tries all its wrong passwords at once and prints the error codes as JSON.
//
//   node password-guesser.js <dataDir> <keychainService> <profileId> <guesses>
import { createInterface } from 'node:readline';
import { openEnclave } from '../enclave.js';
import { keytarStore } from '../keychain/keytar-store.js';

const [dataDir, service, profileId, guesses] = process.argv.slice(2) as [string, string, string, string];
const enclave = await openEnclave({ dataDir, secrets: keytarStore(service) });
process.stdout.write('ready\n');
for await (const line of createInterface({ input: process.stdin })) {
  if (line === 'go') break;
}
const results = await Promise.all(
  Array.from({ length: Number(guesses) }, (_, i) => enclave.handle(i + 1, 'unlockProfile', { profileId, password: `wrong guess ${process.pid} ${i}` })),
);
await enclave.close();
process.stdout.write(`${JSON.stringify(results.map((r) => (r.ok ? 'OK' : r.error.code)))}\n`);
