// A profile host opens analytics.duckdb only when a method needs it, once the file is
// known untouched since the app last closed it (analytics-stamp.ts); a file touched
// since is checked at unlock as before, and damage found on a lazy open still answers
// PROFILE_DAMAGED and brings the recovery offer back at the next unlock. Real forked
// hosts, real databases; whether DuckDB's library is loaded is read from /proc.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { before, describe, test } from 'node:test';
import Database from 'better-sqlite3';
import type { Enclave } from '../enclave.js';
import { DUCKDB_FILE, profileDir, SQLITE_FILE } from '../paths.js';
import { enclaveFixture } from '../testing/enclave-fixture.js';
import { expectError, expectOk } from '../testing/results.js';
import { analyticsFileStamp } from './analytics-stamp.js';

const fixture = enclaveFixture('lazy-analytics');
const W = 1;
let enclave: Enclave;
let dataDir = '';

/** Whether a host process has DuckDB's native library mapped. */
const duckdbLoaded = (pid: number) => /libduckdb/.test(fs.readFileSync(`/proc/${pid}/maps`, 'utf8'));

const ok = async <T>(channel: string, input?: unknown) => expectOk<T>(await enclave.handle(W, channel, input), channel);

async function create(name: string): Promise<string> {
  return (await ok<{ id: string }>('createProfile', { name })).id;
}

async function unlock(profileId: string) {
  return enclave.handle(W, 'unlockProfile', { profileId });
}

before(async () => {
  dataDir = fixture.tempDir();
  enclave = await fixture.open({ dataDir, secrets: fixture.keychain.store });
});

describe('analytics opens on first use', { skip: process.platform !== 'linux' && 'reads /proc' }, () => {
  test('an untouched profile serves tasks without loading DuckDB; an analytics call loads and opens it', async () => {
    const id = await create('Lazy');
    // The first unlock opens DuckDB (no clean close recorded yet); its close records one.
    expectOk(await unlock(id));
    await ok('runQuery', { sql: 'CREATE TABLE t AS SELECT 42 AS n' });
    expectOk(await enclave.handle(W, 'lockSession', undefined));

    expectOk(await unlock(id));
    const pid = enclave.hostPid(id)!;
    await ok('createTask', { title: 'no DuckDB for this' });
    assert.equal((await ok<{ items: unknown[] }>('listTasks', { limit: 10 })).items.length, 1);
    assert.equal(duckdbLoaded(pid), false, 'tasks never load DuckDB');
    const result = await ok<{ rows: unknown[][] }>('runQuery', { sql: 'SELECT n FROM t' });
    assert.ok(result, 'the query ran');
    assert.equal(duckdbLoaded(pid), true);
    expectOk(await enclave.handle(W, 'lockSession', undefined));
  });

  test('a file touched since the last close is checked at unlock: damage answers PROFILE_DAMAGED there', async () => {
    const id = await create('Touched');
    expectOk(await unlock(id));
    expectOk(await enclave.handle(W, 'lockSession', undefined));
    const file = path.join(profileDir(dataDir, id), DUCKDB_FILE);
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 7));
    expectError(await unlock(id), 'PROFILE_DAMAGED');
  });

  test('damage a lazy open finds answers PROFILE_DAMAGED, and the next unlock reports it with the recovery offer', async () => {
    const id = await create('Rotten');
    expectOk(await unlock(id));
    expectOk(await enclave.handle(W, 'lockSession', undefined));
    const dir = profileDir(dataDir, id);
    const file = path.join(dir, DUCKDB_FILE);
    fs.writeFileSync(file, Buffer.alloc(fs.statSync(file).size, 7));
    // Damage no file-system stamp shows (bit rot): the stamp is made to match the damaged file.
    const db = new Database(path.join(dir, SQLITE_FILE));
    db.prepare("UPDATE app_state SET value = ? WHERE key = 'analytics_closed_stamp'").run(analyticsFileStamp(dir));
    db.close();

    expectOk(await unlock(id));
    await ok('listTasks', { limit: 10 });
    const error = expectError(await enclave.handle(W, 'runQuery', { sql: 'SELECT 1' }), 'PROFILE_DAMAGED');
    assert.match(error.message, /analytics\.duckdb/);
    expectOk(await enclave.handle(W, 'lockSession', undefined));
    expectError(await unlock(id), 'PROFILE_DAMAGED');
  });
});
