// readArchiveManifest: what an archive holds, shown before a restore asks for a name and
// password; the token stays usable for the restore, and what is not an archive says so.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import type { ArchiveOutcome, ArchiveSummary } from '../../../shared/backups/backups.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { readToken, writeToken } from '../testing/file-tokens.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';
import { fileHeader, padding } from './tar.js';

const fixture = enclaveFixture('archive-summary');
const W = 1;

async function exported() {
  const dataDir = fixture.tempDir();
  const outside = fixture.tempDir();
  const clock = new ManualClock('2030-05-06T07:08:09.000Z');
  const enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store, clock });
  const alice = expectOk<ProfileSummary>(await enclave.handle(W, 'createProfile', { name: 'Alice Ω' }));
  expectOk(await enclave.handle(W, 'unlockProfile', { profileId: alice.id }));
  for (const title of ['a', 'b', 'c']) expectOk(await enclave.handle(W, 'createTask', { title }));
  const gone = expectOk<{ id: string }>(await enclave.handle(W, 'createTask', { title: 'in the Trash' }));
  expectOk(await enclave.handle(W, 'deleteTask', { id: gone.id }));
  expectOk(await enclave.handle(W, 'createNote', { title: 'n', body: 'x' }));
  expectOk(await enclave.handle(W, 'runQuery', { sql: 'CREATE TABLE t1 AS SELECT 1 AS v' }));
  expectOk(await enclave.handle(W, 'runQuery', { sql: 'CREATE TABLE t2 AS SELECT 2 AS v' }));
  const file = path.join(outside, 'alice.enclave');
  expectOk<ArchiveOutcome>(await enclave.handle(W, 'exportProfile', { file: writeToken(enclave, file) }));
  expectOk(await enclave.handle(W, 'lockSession', undefined));
  return { enclave, outside, file };
}

describe('readArchiveManifest', () => {
  test('name, date, counts and size, before any password; the restore then uses the same token', async () => {
    const { enclave, file } = await exported();
    const token = readToken(enclave, file);
    const summary = expectOk<ArchiveSummary>(await enclave.handle(W, 'readArchiveManifest', { file: token }));
    assert.deepEqual(summary, {
      profileName: 'Alice Ω',
      createdAt: '2030-05-06T07:08:09.000Z',
      appVersion: summary.appVersion,
      bytes: fs.statSync(file).size,
      counts: { tasks: 4, notes: 1, events: 0, tables: 2 },
    });
    assert.ok(summary.appVersion.length > 0);
    const copy = expectOk<ProfileSummary>(await enclave.handle(W, 'restoreProfile', { file: token, name: 'Alice copy' }));
    assert.equal(copy.name, 'Alice copy');
  });

  test('a file that is not an archive, or a truncated one, is ARCHIVE_INVALID', async () => {
    const { enclave, outside, file } = await exported();
    const text = path.join(outside, 'notes.enclave');
    fs.writeFileSync(text, 'just some text, not a tar file at all'.repeat(40));
    expectError(await enclave.handle(W, 'readArchiveManifest', { file: readToken(enclave, text) }), 'ARCHIVE_INVALID');

    const short = path.join(outside, 'short.enclave');
    fs.writeFileSync(short, fs.readFileSync(file).subarray(0, 100));
    expectError(await enclave.handle(W, 'readArchiveManifest', { file: readToken(enclave, short) }), 'ARCHIVE_INVALID');

    // A tar whose first entry is something else.
    const other = path.join(outside, 'other.enclave');
    const body = Buffer.from('{}');
    fs.writeFileSync(other, Buffer.concat([fileHeader('readme.txt', body.length, new Date()), body, Buffer.alloc(padding(body.length) + 1024)]));
    expectError(await enclave.handle(W, 'readArchiveManifest', { file: readToken(enclave, other) }), 'ARCHIVE_INVALID');
  });

  test('a token of another window, or a made-up one, is refused', async () => {
    const { enclave, file } = await exported();
    const theirs = readToken(enclave, file, 2);
    expectError(await enclave.handle(W, 'readArchiveManifest', { file: theirs }), 'PERMISSION_DENIED');
    expectError(await enclave.handle(W, 'readArchiveManifest', { file: 'nonsense' }), 'INVALID_INPUT');
  });
});
