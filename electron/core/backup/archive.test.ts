// archive.ts: a restore reads the whole archive and refuses any that is damaged or
// altered, creating nothing (no registry row, no folder, no keychain entry).
import assert from 'node:assert/strict';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, test } from 'node:test';
import { DUCKDB_FILE, SQLITE_FILE } from '../paths.js';
import { editManifest, forgeEntry, readEntries, writeEntries } from '../testing/archive-entries.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { readToken, writeToken } from '../testing/file-tokens.js';
import { call, names, openWithAlice, W } from '../testing/profile-calls.js';
import { expectError, expectOk } from '../testing/results.js';
import { listTreeStable } from '../testing/temp-dir.js';
import { MANIFEST_NAME } from './archive.js';
import { BLOCK } from './tar.js';

const fixture = enclaveFixture('archive');
const { keychain } = fixture;

describe('a damaged or altered archive is refused and creates nothing', () => {
  test('every kind of tampering', async () => {
    const { dataDir, outside, enclave } = await openWithAlice(fixture, { fill: true });
    const good = path.join(outside, 'good.enclave');
    await call(enclave, 'exportProfile', { file: writeToken(enclave, good) });
    const entries = readEntries(good);
    assert.deepEqual(entries.map((e) => e.name), [MANIFEST_NAME, SQLITE_FILE, DUCKDB_FILE]);
    const flip = (name: string) =>
      entries.map((e) => {
        if (e.name !== name) return e;
        const data = Buffer.from(e.data);
        data[Math.floor(data.length / 2)]! ^= 0xff;
        return { name, data };
      });

    const cases: Array<[what: string, make: (file: string) => void, message: RegExp]> = [
      ['a flipped byte in data.sqlite', (f) => writeEntries(f, flip(SQLITE_FILE)), /checksum mismatch for data\.sqlite/],
      ['a flipped byte in analytics.duckdb', (f) => writeEntries(f, flip(DUCKDB_FILE)), /checksum mismatch for analytics\.duckdb/],
      [
        'a manifest whose checksum was edited',
        (f) => writeEntries(f, editManifest(entries, (m) => ((m.files as { sha256: string }[])[0]!.sha256 = 'a'.repeat(64)))),
        /checksum mismatch/,
      ],
      ['a newer format', (f) => writeEntries(f, editManifest(entries, (m) => (m.formatVersion = 2))), /newer version of Enclave/],
      ['a manifest with an extra field', (f) => writeEntries(f, editManifest(entries, (m) => (m.extra = 1))), /manifest is malformed/],
      ['a truncated archive', (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, fs.statSync(good).size - 5000)), /truncated|data after|missing/],
      ['cut mid-header', (f) => fs.writeFileSync(f, fs.readFileSync(good).subarray(0, BLOCK + 100)), /truncated|not an Enclave archive/],
      ['an extra entry', (f) => writeEntries(f, [...entries, { name: 'extra.txt', data: Buffer.from('hi') }]), /unexpected entry "extra\.txt"/],
      ['a ../ entry', (f) => writeEntries(f, [...entries.slice(0, 2), { name: '../evil.sqlite', data: Buffer.from('x') }, entries[2]!]), /unexpected entry "\.\.\/evil\.sqlite"/],
      ['a duplicated entry', (f) => writeEntries(f, [...entries, entries[1]!]), /data\.sqlite twice/],
      ['a missing entry', (f) => writeEntries(f, entries.slice(0, 2)), /analytics\.duckdb is missing/],
      ['random bytes', (f) => fs.writeFileSync(f, randomBytes(10_000)), /not an Enclave archive/],
      ['an empty file', (f) => fs.writeFileSync(f, ''), /not an Enclave archive/],
      ['trailing data', (f) => fs.writeFileSync(f, Buffer.concat([fs.readFileSync(good), Buffer.from('junk'.repeat(300))])), /data after its end/],
      [
        'matching checksums over a file no database accepts',
        (f) => writeEntries(f, forgeEntry(entries, SQLITE_FILE, randomBytes(8192))),
        /data\.sqlite cannot be opened/,
      ],
    ];

    const before = { names: await names(enclave), tree: listTreeStable(path.join(dataDir, 'profiles')), keys: await keychain.accounts() };
    for (const [what, make, message] of cases) {
      const file = path.join(outside, 'bad.enclave');
      make(file);
      const error = expectError(await enclave.handle(W, 'restoreProfile', { file: readToken(enclave, file), name: 'Never restored' }), 'ARCHIVE_INVALID', what);
      assert.match(error.message, message, what);
      assert.doesNotMatch(error.message, new RegExp(dataDir.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')), what);
      assert.deepEqual(await names(enclave), before.names, `${what}: no registry row`);
      assert.deepEqual(listTreeStable(path.join(dataDir, 'profiles')), before.tree, `${what}: no directory`);
      assert.deepEqual(await keychain.accounts(), before.keys, `${what}: no keychain entry`);
    }
    // The good archive still restores.
    expectOk(await enclave.handle(W, 'restoreProfile', { file: readToken(enclave, good), name: 'Restored' }));
  });
});
