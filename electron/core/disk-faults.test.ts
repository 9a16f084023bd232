// A full disk and a read-only data folder, on real small file systems (tmpfs, a
// read-only bind mount): every write answers a typed error with a clear message
// (DISK_FULL; STORAGE_ERROR saying "read-only"), nothing is half-written, and the
// app works again once there is space or the folder is writable. Mounting needs root;
// elsewhere these tests skip and say why.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, test } from 'node:test';
import type { ImportOutcome, TableInfo } from '../../shared/analysis/analytics.js';
import { AppException, type Result } from '../../shared/errors.js';
import type { Note } from '../../shared/notes/notes.js';
import type { ProfileSummary } from '../../shared/profiles/profiles.js';
import type { Task } from '../../shared/tasks/tasks.js';
import { STAGING_DIR } from './analytics/sandbox.js';
import { openEnclave, type Enclave } from './enclave.js';
import { profileDir, profilesRoot, SQLITE_FILE } from './paths.js';
import { REGISTRY_FILE } from './registry/registry.js';
import { runCliProcess } from './testing/cli-process.js';
import { dataChecksum } from './testing/db-checksum.js';
import { bindReadOnly, fillDisk, mountTmpfs } from './testing/mounts.js';
import { expectError, expectOk } from './testing/results.js';
import { listTreeStable, makeTempDir, removeTempDir } from './testing/temp-dir.js';
import { testKeychain } from './testing/test-keychain.js';
import { readToken } from './testing/file-tokens.js';

const keychain = testKeychain('disk-faults');
const root = makeTempDir();
const W = 1;
const CSV_ROWS = 60_000;

after(async () => {
  await keychain.clear();
  removeTempDir(root);
});

function writeCsv(file: string): void {
  const lines = ['id,customer,amount'];
  for (let i = 0; i < CSV_ROWS; i++) lines.push(`${i},customer ${i % 977},${(i * 7.31).toFixed(2)}`);
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
}

function integrityOk(file: string): void {
  const db = new Database(file, { fileMustExist: true });
  try {
    assert.equal(db.pragma('integrity_check', { simple: true }), 'ok', path.basename(file));
  } finally {
    db.close();
  }
}

const call = <T>(enclave: Enclave, channel: string, input?: unknown) => enclave.handle(W, channel, input) as Promise<Result<T>>;
const stagingOf = (dataDir: string, id: string) => fs.readdirSync(path.join(profileDir(dataDir, id), STAGING_DIR));

test('a full disk: writes answer DISK_FULL, nothing is half-written, and all works again once space is freed', async (t) => {
  const mount = mountTmpfs(path.join(root, 'small-disk'), 40 << 20);
  if (typeof mount === 'string') return t.skip(mount);
  let enclave: Enclave | undefined;
  try {
    const dataDir = path.join(mount.dir, 'data');
    // One CSV on the same disk (hard-linked into staging: DuckDB's own writes fail)
    // and one elsewhere (copied into staging: the copy fails).
    const csvHere = path.join(mount.dir, 'orders.csv');
    const csvElsewhere = path.join(root, 'orders.csv');
    writeCsv(csvHere);
    writeCsv(csvElsewhere);
    enclave = await openEnclave({ dataDir, secrets: keychain.store });
    const profile = expectOk<ProfileSummary>(await call(enclave, 'createProfile', { name: 'Full' }));
    expectOk(await call(enclave, 'unlockProfile', { profileId: profile.id }));
    const note = expectOk<Note>(await call(enclave, 'createNote', { title: 'Draft', body: 'first' }));
    const filler = path.join(mount.dir, 'filler');
    fillDisk(filler);

    // SQLite may still fit a few rows into pages it already has; the first refusal must be DISK_FULL.
    const saved: Task[] = [];
    let refusal: Result<unknown> | undefined;
    for (let i = 0; i < 5000 && !refusal; i++) {
      const r = await call<Task>(enclave, 'createTask', { title: `task ${i}`, details: 'x'.repeat(2000) });
      if (r.ok) saved.push(r.value);
      else refusal = r;
    }
    assert.ok(refusal, 'a full disk refused a task');
    const error = expectError(refusal, 'DISK_FULL', 'createTask on a full disk');
    assert.match(error.message, /disk is full/);
    console.log(`disk full: ${saved.length} tasks fitted before DISK_FULL: ${error.message}`);
    expectError(await call(enclave, 'updateNote', { id: note.id, version: note.version, body: 'y'.repeat(200_000) }), 'DISK_FULL', 'note autosave');

    for (const [what, csv] of [['same disk', csvHere], ['other disk', csvElsewhere]] as const) {
      const r = await call<ImportOutcome>(enclave, 'startImport', { file: readToken(enclave, csv), table: 'orders' });
      expectError(r, 'DISK_FULL', `import from the ${what}`);
      assert.deepEqual(stagingOf(dataDir, profile.id), [], `no staging file after the import from the ${what}`);
      const tables: TableInfo[] = expectOk(await call(enclave, 'listTables'));
      assert.deepEqual(tables.map((x) => x.name), [], `no table after the import from the ${what}`);
    }

    const dirsBefore = fs.readdirSync(profilesRoot(dataDir));
    const accountsBefore = await keychain.accounts();
    expectError(await call(enclave, 'createProfile', { name: 'No room' }), 'DISK_FULL', 'createProfile on a full disk');
    assert.deepEqual(fs.readdirSync(profilesRoot(dataDir)), dirsBefore, 'no directory of the refused profile');
    assert.deepEqual(await keychain.accounts(), accountsBefore, 'no keychain entry of the refused profile');
    assert.deepEqual(expectOk<ProfileSummary[]>(await call(enclave, 'listProfiles')).map((p) => p.name), ['Full']);

    // Space again: the same session works, and everything acknowledged is there.
    fs.rmSync(filler);
    const after = expectOk<Task>(await call(enclave, 'createTask', { title: 'after the disk was freed' }));
    for (const task of [...saved, after]) expectOk(await call(enclave, 'getTask', { id: task.id }), `task ${task.title}`);
    const kept = expectOk<Note>(await call(enclave, 'getNote', { id: note.id }));
    assert.equal(kept.body, 'first');
    expectOk(await call(enclave, 'updateNote', { id: note.id, version: kept.version, body: 'second' }), 'autosave after freeing space');
    const imported = expectOk<ImportOutcome>(await call(enclave, 'startImport', { file: readToken(enclave, csvHere), table: 'orders' }), 'import after freeing space');
    assert.equal(imported.status === 'imported' && imported.rows, CSV_ROWS);
    expectOk(await call(enclave, 'createProfile', { name: 'Room again' }), 'createProfile after freeing space');
    await enclave.close();
    enclave = undefined;
    integrityOk(path.join(dataDir, REGISTRY_FILE));
    integrityOk(path.join(profileDir(dataDir, profile.id), SQLITE_FILE));
  } finally {
    try {
      await enclave?.close();
    } finally {
      mount.remove();
    }
  }
});

const isReadOnlyError = (e: unknown) => e instanceof AppException && e.code === 'STORAGE_ERROR' && /read-only/.test(e.message);

test('a read-only data folder: opening answers STORAGE_ERROR "read-only" (the CLI prints it, exit 1) and nothing changes', async (t) => {
  const mount = mountTmpfs(path.join(root, 'read-only-disk'), 40 << 20);
  if (typeof mount === 'string') return t.skip(mount);
  try {
    const dataDir = path.join(mount.dir, 'data');
    const enclave = await openEnclave({ dataDir, secrets: keychain.store });
    const profile = expectOk<ProfileSummary>(await call(enclave, 'createProfile', { name: 'Frozen' }));
    expectOk(await call(enclave, 'unlockProfile', { profileId: profile.id }));
    expectOk(await call(enclave, 'createTask', { title: 'written before' }));
    await enclave.close();
    const checksum = await dataChecksum(dataDir, profile.id);
    const tree = listTreeStable(dataDir);

    mount.readOnly();
    await assert.rejects(openEnclave({ dataDir, secrets: keychain.store }), isReadOnlyError, 'an existing data folder');
    await assert.rejects(openEnclave({ dataDir: path.join(mount.dir, 'fresh'), secrets: keychain.store }), isReadOnlyError, 'a new data folder');
    const cli = await runCliProcess(['profile', 'list', '--data-dir', dataDir], { env: { ENCLAVE_KEYCHAIN_SERVICE: keychain.service } });
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(cli.stderr, /^error: STORAGE_ERROR: .*read-only/m);
    mount.writable();

    assert.deepEqual(listTreeStable(dataDir), tree);
    assert.deepEqual(await dataChecksum(dataDir, profile.id), checksum);
  } finally {
    mount.remove();
  }
});

test('a profile folder that turns read-only: unlocking and importing answer "read-only", nothing is half-written', async (t) => {
  const mount = mountTmpfs(path.join(root, 'profile-disk'), 40 << 20);
  if (typeof mount === 'string') return t.skip(mount);
  let enclave: Enclave | undefined;
  let undo: (() => void) | undefined;
  try {
    const dataDir = path.join(mount.dir, 'data');
    const csv = path.join(mount.dir, 'orders.csv');
    writeCsv(csv);
    enclave = await openEnclave({ dataDir, secrets: keychain.store });
    const profile = expectOk<ProfileSummary>(await call(enclave, 'createProfile', { name: 'Stuck' }));
    expectOk(await call(enclave, 'unlockProfile', { profileId: profile.id }));
    expectOk(await call(enclave, 'createTask', { title: 'written before' }));
    const dir = profileDir(dataDir, profile.id);

    // While open: the databases keep the files they hold, but anything new in the folder is refused.
    undo = bindReadOnly(dir);
    const refused = expectError(await call(enclave, 'startImport', { file: readToken(enclave, csv), table: 'orders' }), 'STORAGE_ERROR', 'import into a read-only folder');
    assert.match(refused.message, /read-only/);
    undo();
    undo = undefined;
    assert.deepEqual(stagingOf(dataDir, profile.id), []);
    assert.deepEqual(expectOk<TableInfo[]>(await call(enclave, 'listTables')), []);
    expectOk(await call(enclave, 'lockSession'));
    await enclave.close();
    const checksum = await dataChecksum(dataDir, profile.id);

    // Opened while read-only: unlocking says so; the CLI prints the same line.
    enclave = await openEnclave({ dataDir, secrets: keychain.store });
    undo = bindReadOnly(dir);
    const locked = expectError(await call(enclave, 'unlockProfile', { profileId: profile.id }), 'STORAGE_ERROR', 'unlock a read-only profile');
    assert.match(locked.message, /read-only/);
    const cli = await runCliProcess(['task', 'list', '--profile', 'Stuck', '--data-dir', dataDir], {
      env: { ENCLAVE_KEYCHAIN_SERVICE: keychain.service },
    });
    assert.equal(cli.code, 1, cli.stderr);
    assert.match(cli.stderr, /^error: STORAGE_ERROR: .*read-only/m);
    undo();
    undo = undefined;

    expectOk(await call(enclave, 'unlockProfile', { profileId: profile.id }), 'unlock once writable again');
    expectOk(await call(enclave, 'createTask', { title: 'written after' }));
    await enclave.close();
    enclave = undefined;
    assert.notDeepEqual(await dataChecksum(dataDir, profile.id), checksum);
    integrityOk(path.join(dir, SQLITE_FILE));
  } finally {
    undo?.();
    await enclave?.close();
    mount.remove();
  }
});
