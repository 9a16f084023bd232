// Parallel wrong passwords never get more tries than sequential ones: in one process,
// and from two processes on the same data folder (the CLI beside the app).
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import path from 'node:path';
import { describe, test } from 'node:test';
import { fileURLToPath } from 'node:url';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';
import { FREE_ATTEMPTS } from './throttle.js';

const GUESSER = path.join(path.dirname(fileURLToPath(import.meta.url)), '../testing/password-guesser.js');
const fixture = enclaveFixture('throttle-race');
const PASSWORD = 'correct horse battery';

// Sequentially, FREE_ATTEMPTS wrong passwords are checked (the last of them starts the
// block); every later one is THROTTLED without being checked.
const SEQUENTIAL_CHECKS = FREE_ATTEMPTS;

const count = (codes: string[], code: string) => codes.filter((c) => c === code).length;

async function protectedProfile() {
  const dataDir = fixture.tempDir();
  const enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store });
  const p = expectOk<ProfileSummary>(await enclave.handle(1, 'createProfile', { name: 'Raced', password: PASSWORD }));
  return { dataDir, enclave, id: p.id };
}

/** Starts a guesser process and resolves once it has opened the core. */
function guesser(dataDir: string, profileId: string, guesses: number) {
  const child = spawn(process.execPath, [GUESSER, dataDir, fixture.keychain.service, profileId, String(guesses)], { stdio: ['pipe', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stderr.setEncoding('utf8').on('data', (s: string) => (err += s));
  const ready = new Promise<void>((resolve, reject) => {
    child.stdout.setEncoding('utf8').on('data', (s: string) => {
      out += s;
      if (out.startsWith('ready\n')) resolve();
    });
    child.on('error', reject);
    child.on('close', (code) => reject(new Error(`guesser exited ${code} before it was ready: ${err}`)));
  });
  const codes = new Promise<string[]>((resolve, reject) =>
    child.on('close', (code) => (code === 0 ? resolve(JSON.parse(out.slice('ready\n'.length)) as string[]) : reject(new Error(`guesser exited ${code}: ${err}`)))),
  );
  return { ready, codes, go: () => child.stdin.end('go\n') };
}

describe('the unlock throttle under concurrency', () => {
  test('12 parallel wrong guesses in one process: as many checked as sequentially', async () => {
    const { enclave, id } = await protectedProfile();
    const results = await Promise.all(
      Array.from({ length: 12 }, (_, i) => enclave.handle(i + 1, 'unlockProfile', { profileId: id, password: `wrong ${i}` })),
    );
    const codes = results.map((r) => (r.ok ? 'OK' : r.error.code));
    assert.equal(count(codes, 'AUTH_FAILED'), SEQUENTIAL_CHECKS, codes.join());
    assert.equal(count(codes, 'THROTTLED'), 12 - SEQUENTIAL_CHECKS, codes.join());
    expectError(await enclave.handle(20, 'unlockProfile', { profileId: id, password: PASSWORD }), 'THROTTLED', 'the right password while blocked');
  });

  test('2 processes × 8 parallel wrong guesses on one data folder: as many checked as sequentially', async () => {
    const { dataDir, enclave, id } = await protectedProfile();
    await enclave.close();
    const a = guesser(dataDir, id, 8);
    const b = guesser(dataDir, id, 8);
    await Promise.all([a.ready, b.ready]);
    a.go();
    b.go();
    const codes = [...(await a.codes), ...(await b.codes)];
    assert.equal(count(codes, 'AUTH_FAILED'), SEQUENTIAL_CHECKS, codes.join());
    assert.equal(count(codes, 'THROTTLED'), 16 - SEQUENTIAL_CHECKS, codes.join());

    // Once the block has passed, the right password still unlocks (and clears the count).
    const later = new ManualClock(new Date(Date.now() + 2 * 60 * 60_000).toISOString());
    const reopened = await fixture.open({ dataDir, secrets: fixture.keychain.store, clock: later });
    expectOk(await reopened.handle(1, 'unlockProfile', { profileId: id, password: PASSWORD }), 'the right password after the block');
    const again = await reopened.handle(2, 'unlockProfile', { profileId: id, password: 'wrong again' });
    assert.equal(expectError(again, 'AUTH_FAILED').retryAfterSeconds, undefined, 'the count started over');
  });
});
