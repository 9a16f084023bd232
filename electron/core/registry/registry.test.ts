import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { openEnclave } from '../enclave.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectError, expectOk } from '../testing/results.js';
import { tempDirs } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';
import { registryMigrations } from './migrations/index.js';
import { nameKey, Registry, REGISTRY_FILE } from './registry.js';

const keychain = testKeychain('registry');
const temp = tempDirs();

after(async () => {
  await keychain.clear();
  temp.removeAll();
});

const row = (id: string, name: string) => ({
  id,
  name,
  color: '#3b82f6' as const,
  hasPassword: false,
  createdAt: '2030-01-01T00:00:00.000Z',
});

describe('registry migrations', () => {
  test('an empty database is migrated to the latest schema and user_version records it', () => {
    const dir = temp.make();
    const registry = Registry.open(dir, new ManualClock());
    registry.close();

    const db = new Database(path.join(dir, REGISTRY_FILE), { readonly: true });
    try {
      assert.equal(db.pragma('user_version', { simple: true }), registryMigrations.length);
      const tables = (db.prepare("SELECT name FROM sqlite_master WHERE type = 'table' ORDER BY name").all() as { name: string }[]).map(
        (t) => t.name,
      );
      for (const t of ['audit_log', 'profiles', 'unlock_failures']) assert.ok(tables.includes(t), `table ${t}`);
      assert.equal(db.pragma('journal_mode', { simple: true }), 'wal');
    } finally {
      db.close();
    }
  });

  test('reopening applies nothing twice and keeps the rows', () => {
    const dir = temp.make();
    const first = Registry.open(dir, new ManualClock());
    first.insert(row('00000000-0000-4000-8000-000000000001', 'Kept'));
    first.close();
    const second = Registry.open(dir, new ManualClock());
    try {
      assert.deepEqual(
        second.list().map((r) => r.name),
        ['Kept'],
      );
    } finally {
      second.close();
    }
  });

  test('a registry newer than the app is refused rather than misread', () => {
    const dir = temp.make();
    const db = new Database(path.join(dir, REGISTRY_FILE));
    db.pragma('user_version = 99');
    db.close();
    assert.throws(() => Registry.open(dir, new ManualClock()), /newer than this app/);
  });
});

describe('registry names', () => {
  test('names are unique ignoring case and Unicode width', () => {
    assert.equal(nameKey('ＡＬＩＣＥ'), nameKey('alice'));
    assert.equal(nameKey('Alice'), nameKey('aLiCe'));
    assert.notEqual(nameKey('alice'), nameKey('alicia'));

    const dir = temp.make();
    const registry = Registry.open(dir, new ManualClock());
    try {
      registry.insert(row('00000000-0000-4000-8000-000000000001', 'alice'));
      assert.ok(registry.nameTaken('ＡＬＩＣＥ'));
      assert.ok(registry.nameTaken('ALICE'));
      assert.equal(registry.findByName('Ａｌｉｃｅ')?.id, '00000000-0000-4000-8000-000000000001');
      // The database itself enforces it, not only the pre-check.
      assert.throws(() => registry.insert(row('00000000-0000-4000-8000-000000000002', 'ＡＬＩＣＥ')), /UNIQUE/);
      assert.equal(registry.list().length, 1);
      // The display name is kept as typed.
      assert.equal(registry.list()[0]!.name, 'alice');
    } finally {
      registry.close();
    }
  });

  test('createProfile refuses a full-width duplicate with ALREADY_EXISTS', async () => {
    const dir = temp.make();
    const enclave = await openEnclave({ dataDir: dir, secrets: keychain.store });
    try {
      expectOk(await enclave.handle(1, 'createProfile', { name: 'alice' }));
      const error = expectError(await enclave.handle(1, 'createProfile', { name: 'ＡＬＩＣＥ' }), 'ALREADY_EXISTS');
      assert.equal(error.field, 'name');
      assert.equal(expectOk<ProfileSummary[]>(await enclave.handle(1, 'listProfiles', undefined)).length, 1);
    } finally {
      await enclave.close();
    }
  });
});

describe('registry audit log and secrets', () => {
  const password = 'correct horse battery staple';
  let dir: string;
  let id: string;

  before(async () => {
    dir = temp.make();
    const clock = new ManualClock();
    const enclave = await openEnclave({ dataDir: dir, secrets: keychain.store, clock });
    try {
      id = expectOk<ProfileSummary>(await enclave.handle(1, 'createProfile', { name: 'Audited', password })).id;
      clock.advance(1000);
      expectError(await enclave.handle(1, 'unlockProfile', { profileId: id, password: 'wrong password' }), 'AUTH_FAILED');
      clock.advance(1000);
      expectOk(await enclave.handle(1, 'unlockProfile', { profileId: id, password }));
      clock.advance(1000);
      expectOk(await enclave.handle(1, 'lockSession', undefined));
    } finally {
      await enclave.close();
    }
  });

  test('records created, unlock failed, unlocked and locked, in order and with the clock time', () => {
    const registry = Registry.open(dir, new ManualClock());
    try {
      const log = registry.auditLog(id);
      assert.deepEqual(
        log.map((e) => [e.event, e.detail]),
        [
          ['profile created', null],
          ['unlock failed', 'failure 1'],
          ['unlocked', null],
          ['locked', 'user'],
        ],
      );
      assert.deepEqual(
        log.map((e) => e.at),
        ['2030-01-01T00:00:00.000Z', '2030-01-01T00:00:01.000Z', '2030-01-01T00:00:02.000Z', '2030-01-01T00:00:03.000Z'],
      );
      assert.ok(log.every((e) => e.profileId === id));
      // A success clears the failure counter.
      assert.equal(registry.failures(id), null);
    } finally {
      registry.close();
    }
  });

  test('no secret ever reaches registry.sqlite', async () => {
    const raw = await keychain.store.get(id);
    assert.ok(raw, 'the keychain holds the profile entry');
    const secrets = JSON.parse(raw) as { key: string; verifier: { salt: string; hash: string } };
    const needles: [string, Buffer][] = [
      ['password (utf8)', Buffer.from(password, 'utf8')],
      ['password (utf16)', Buffer.from(password, 'utf16le')],
      ['wrong password', Buffer.from('wrong password', 'utf8')],
      ['profile key (base64)', Buffer.from(secrets.key, 'utf8')],
      ['profile key (bytes)', Buffer.from(secrets.key, 'base64')],
      ['verifier hash (base64)', Buffer.from(secrets.verifier.hash, 'utf8')],
      ['verifier hash (bytes)', Buffer.from(secrets.verifier.hash, 'base64')],
      ['verifier salt (base64)', Buffer.from(secrets.verifier.salt, 'utf8')],
    ];
    const files = fs.readdirSync(dir).filter((f) => f.startsWith(REGISTRY_FILE));
    assert.ok(files.includes(REGISTRY_FILE));
    for (const file of files) {
      const bytes = fs.readFileSync(path.join(dir, file));
      for (const [what, needle] of needles) {
        assert.equal(bytes.indexOf(needle), -1, `${what} found in ${file}`);
      }
    }
    // Sanity: the search would find what is really there.
    assert.notEqual(fs.readFileSync(path.join(dir, REGISTRY_FILE)).indexOf(Buffer.from('Audited')), -1);
  });
});
