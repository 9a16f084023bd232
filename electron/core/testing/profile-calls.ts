// Calls a test makes on a real enclave as a window would (window 1 unless told), and
// the profile-filling step the backup tests share.
import type { ProfileOverview, ProfileSummary } from '../../../shared/profiles/profiles.js';
import type { BackupPolicy } from '../backup/backup-files.js';
import type { Enclave } from '../enclave.js';
import type { EnclaveFixture } from './enclave-fixture.js';
import { ManualClock } from './manual-clock.js';
import { expectOk } from './results.js';

export const W = 1;
export const PASSWORD = 'correct horse battery';

/** An enclave over a new data folder, a folder outside it (where archives go) and a manual clock. */
export async function openWithClock(fixture: EnclaveFixture, backups?: BackupPolicy) {
  const dataDir = fixture.tempDir();
  const outside = fixture.tempDir(); // where archives go: never inside the data dir
  const clock = new ManualClock();
  const enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store, clock, ...(backups ? { backups } : {}) });
  return { dataDir, outside, clock, enclave };
}

/** openWithClock with Alice (the default password) created and unlocked in window 1, filled when told: most backup tests start so. */
export async function openWithAlice(fixture: EnclaveFixture, options: { fill?: boolean; backups?: BackupPolicy } = {}) {
  const opened = await openWithClock(fixture, options.backups);
  const alice = await create(opened.enclave, 'Alice');
  expectOk(await unlock(opened.enclave, alice.id), 'unlock Alice');
  if (options.fill) await fill(opened.enclave, 'alice');
  return { ...opened, alice };
}

export const create = async (enclave: Enclave, name: string, password = PASSWORD) =>
  expectOk<ProfileSummary>(await enclave.handle(W, 'createProfile', { name, password }), `create ${name}`);
export const unlock = (enclave: Enclave, profileId: string, password = PASSWORD, windowId = W) =>
  enclave.handle(windowId, 'unlockProfile', { profileId, password });
export const call = async <T>(enclave: Enclave, channel: string, input?: unknown, windowId = W) =>
  expectOk<T>(await enclave.handle(windowId, channel, input), channel);
/** The profile tests' steps, password optional (none by default), window 1 unless told. */
export const createProfile = async (enclave: Enclave, input: { name: string; password?: string }) =>
  expectOk<ProfileSummary>(await enclave.handle(W, 'createProfile', input), `create ${input.name}`);
export const unlockProfile = (enclave: Enclave, profileId: string, password?: string, windowId = W) =>
  enclave.handle(windowId, 'unlockProfile', password === undefined ? { profileId } : { profileId, password });
export const listProfiles = async (enclave: Enclave) => expectOk<ProfileSummary[]>(await enclave.handle(W, 'listProfiles', undefined));
export const overview = (enclave: Enclave, windowId = W) => call<ProfileOverview>(enclave, 'profileOverview', undefined, windowId);
export const names = async (enclave: Enclave) => (await call<ProfileSummary[]>(enclave, 'listProfiles')).map((p) => p.name).sort();

/** Some of everything: five tasks, a note, an event and a DuckDB table of 1,000 rows. */
export async function fill(enclave: Enclave, tag: string, windowId = W) {
  for (let i = 0; i < 5; i++) await call(enclave, 'createTask', { title: `${tag} task ${i}` }, windowId);
  await call(enclave, 'createNote', { title: `${tag} note`, body: `# ${tag}\nbody` }, windowId);
  await call(enclave, 'createEvent', { title: `${tag} event`, start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z', timeZone: 'UTC' }, windowId);
  await call(enclave, 'runQuery', { sql: `CREATE TABLE ${tag}_numbers AS SELECT range AS v, 'x' || range AS s FROM range(1000)` }, windowId);
}
