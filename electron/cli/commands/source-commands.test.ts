// enclave source add|list|remove and enclave import --source/--refresh, in process with
// captured io, against a private PostgreSQL and SQLite files: two profiles holding a
// source of the same name with different passwords, the keychain entries (and that they
// go with the source and with the profile), no password in any file or output.
import Database from 'better-sqlite3';
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import type { SourceInfo } from '../../../shared/sources/sources.js';
import { postgresMissing, startPostgres, type DbServer } from '../../core/testing/db-servers.js';
import { makeTempDir, removeTempDir } from '../../core/testing/temp-dir.js';
import { testKeychain } from '../../core/testing/test-keychain.js';
import { runCaptured, runCapturedOk } from '../testing/run-captured.js';
import { sourceTable } from './import-from-source.js';

const keychain = testKeychain('cli-sources');
const dataDir = makeTempDir();
const outside = makeTempDir();
const options = { keychain, dataDir, env: { TZ: 'UTC' } };
const cli = (argv: string[], stdin?: string) => runCaptured(argv, { ...options, ...(stdin !== undefined ? { stdin } : {}) });
const ok = (argv: string[], stdin?: string) => runCapturedOk(argv, { ...options, ...(stdin !== undefined ? { stdin } : {}) });

const ANA_PW = 'ana-profile-pw';
const BOB_ROLE_PW = 'bob-role-secret-91';

function filesContaining(dir: string, needle: string): string[] {
  const hits: string[] = [];
  const walk = (d: string) => {
    for (const e of fs.readdirSync(d, { withFileTypes: true })) {
      const p = path.join(d, e.name);
      if (e.isDirectory()) walk(p);
      else if (fs.readFileSync(p).includes(Buffer.from(needle))) hits.push(p);
    }
  };
  walk(dir);
  return hits;
}

after(async () => {
  await keychain.clear();
  removeTempDir(dataDir);
  removeTempDir(outside);
});

test('--source-table reads schema.table, a bare name, or a quoted name with a dot', () => {
  assert.deepEqual(sourceTable('sales.orders'), { schema: 'sales', table: 'orders' });
  assert.deepEqual(sourceTable('orders'), { table: 'orders' });
  assert.deepEqual(sourceTable('"odd.name"'), { table: 'odd.name' });
});

describe('enclave source and import --source (SQLite files)', () => {
  const lite = path.join(outside, 'shop.db');
  before(async () => {
    const db = new Database(lite);
    db.exec(`CREATE TABLE items (id INTEGER, name TEXT, price DECIMAL(8,2), photo BLOB, ok BOOLEAN, note);
      INSERT INTO items VALUES (9007199254740993, 'pen', 1.25, X'CAFE', 1, ''), (2, NULL, NULL, NULL, 0, NULL);`);
    db.close();
    await ok(['profile', 'create', 'Lea']);
  });

  test('add, list, import a table, refresh after the file changed, remove', async () => {
    assert.equal(await ok(['source', 'add', '--profile', 'Lea', 'lite', `sqlite:${lite}`]), 'lite\tsqlite:shop.db\n');
    const listed = JSON.parse(await ok(['source', 'list', '--profile', 'Lea', '--json'])) as SourceInfo[];
    assert.deepEqual(listed.map((s) => [s.name, s.kind, s.url, s.hasPassword]), [['lite', 'sqlite', 'sqlite:shop.db', false]]);
    assert.equal(await ok(['import', '--profile', 'Lea', '--source', 'lite', '--source-table', 'items', '--table', 'items']), 'items\t2\n');
    const q = await ok(['query', '--profile', 'Lea', 'SELECT id, name, price, hex(photo) AS photo, ok, note, note IS NULL AS nn FROM items ORDER BY id DESC', '--format', 'csv']);
    assert.equal(q, 'id,name,price,photo,ok,note,nn\n9007199254740993,pen,1.25,CAFE,true,,false\n2,,,,false,,true\n');
    const db = new Database(lite);
    db.exec("INSERT INTO items VALUES (3, 'ink', 2.5, NULL, 1, 'new')");
    db.close();
    assert.equal(await ok(['import', '--profile', 'Lea', '--refresh', 'items']), 'items\t3\n');
    await ok(['source', 'remove', '--profile', 'Lea', 'lite']);
    assert.deepEqual(JSON.parse(await ok(['source', 'list', '--profile', 'Lea', '--json'])), []);
    const gone = await cli(['import', '--profile', 'Lea', '--refresh', 'items']);
    assert.equal(gone.code, 1);
    assert.match(gone.stderr, /^error: NOT_FOUND: This profile has no saved source of that name/);
  });

  test('--progress puts the rows so far on stderr only; without it (stderr not a terminal) stderr stays empty', async () => {
    const file = path.join(outside, 'many.db');
    const db = new Database(file);
    db.exec('CREATE TABLE n (i INTEGER); WITH RECURSIVE r(i) AS (SELECT 1 UNION ALL SELECT i + 1 FROM r WHERE i < 20000) INSERT INTO n SELECT i FROM r;');
    db.close();
    await ok(['source', 'add', '--profile', 'Lea', 'many', `sqlite:${file}`]);
    const shown = await cli(['import', '--profile', 'Lea', '--source', 'many', '--source-table', 'n', '--table', 'n', '--progress']);
    assert.equal(shown.code, 0, shown.stderr);
    assert.equal(shown.stdout, 'n\t20000\n');
    assert.match(shown.stderr, /^importing: [\d,]+ rows, \d+\.\d s\n/);
    assert.equal(await ok(['import', '--profile', 'Lea', '--refresh', 'n']), 'n\t20000\n');
    const misplaced = await cli(['import', '--profile', 'Lea', lite, '--progress']);
    assert.equal(misplaced.code, 2);
  });

  test('a file inside the data folder is refused; usage errors exit 2', async () => {
    const r = await cli(['source', 'add', '--profile', 'Lea', 'own', `sqlite:${path.join(dataDir, 'registry.sqlite')}`]);
    assert.equal(r.code, 1);
    assert.match(r.stderr, /^error: PERMISSION_DENIED: /);
    for (const argv of [
      ['import', '--profile', 'Lea', '--source', 'x', '--table', 't'],
      ['import', '--profile', 'Lea', '--source', 'x', '--source-table', 'a', '--sql', 'select 1', '--table', 't'],
      ['import', '--profile', 'Lea', '--source', 'x', '--source-table', 'a'],
      ['import', '--profile', 'Lea', '--refresh', 't', '--replace'],
      ['import', '--profile', 'Lea'],
      ['import', '--profile', 'Lea', 'file.csv', '--source', 'x'],
    ]) {
      const u = await cli(argv);
      assert.equal(u.code, 2, argv.join(' '));
      assert.match(u.stderr, /^error: USAGE: /);
    }
    const url = await cli(['source', 'add', '--profile', 'Lea', 'pw', 'postgresql://u:secret@127.0.0.1/db']);
    assert.equal(url.code, 1);
    assert.match(url.stderr, /^error: INVALID_INPUT: A source URL must not hold a password/);
  });
});

describe('enclave source with PostgreSQL: two profiles, one source name, two passwords', { skip: postgresMissing() }, () => {
  let pg: DbServer;
  let ids: { ana: string; bob: string };
  before(async () => {
    pg = await startPostgres();
    pg.admin(`CREATE ROLE bob LOGIN PASSWORD '${BOB_ROLE_PW}'; CREATE TABLE who AS SELECT current_user::text AS u; GRANT SELECT ON who TO bob;`);
    await ok(['profile', 'create', 'Ana', '--password-stdin'], `${ANA_PW}\n`);
    await ok(['profile', 'create', 'Bob']);
    const profiles = JSON.parse(await ok(['profile', 'list', '--json'])) as { id: string; name: string }[];
    ids = { ana: profiles.find((p) => p.name === 'Ana')!.id, bob: profiles.find((p) => p.name === 'Bob')!.id };
  });
  after(async () => {
    await pg?.stop();
  });

  test('each profile keeps its own password for "shop" in the keychain, and connects with it', async () => {
    // Ana has a password: stdin holds hers first, then the source's.
    await ok(['source', 'add', '--profile', 'Ana', 'shop', pg.url, '--password-stdin'], `${ANA_PW}\n${pg.password}\n`);
    await ok(['source', 'add', '--profile', 'Bob', 'shop', pg.url.replace('enclave@', 'bob@'), '--password-stdin'], `${BOB_ROLE_PW}\n`);
    const accounts = await keychain.accounts();
    assert.ok(accounts.includes(`${ids.ana}/sources`) && accounts.includes(`${ids.bob}/sources`), accounts.join(','));
    const entry = async (id: string) => (await keychain.store.get(`${id}/sources`)) ?? '';
    assert.ok((await entry(ids.ana)).includes(pg.password) && !(await entry(ids.ana)).includes(BOB_ROLE_PW));
    assert.ok((await entry(ids.bob)).includes(BOB_ROLE_PW) && !(await entry(ids.bob)).includes(pg.password));

    assert.equal(await ok(['import', '--profile', 'Ana', '--password-stdin', '--source', 'shop', '--sql', 'SELECT current_user::text AS u', '--table', 'me'], `${ANA_PW}\n`), 'me\t1\n');
    assert.equal(await ok(['import', '--profile', 'Bob', '--source', 'shop', '--sql', 'SELECT current_user::text AS u', '--table', 'me']), 'me\t1\n');
    assert.equal(await ok(['query', '--profile', 'Ana', '--password-stdin', 'SELECT u FROM me', '--format', 'csv'], `${ANA_PW}\n`), 'u\nenclave\n');
    assert.equal(await ok(['query', '--profile', 'Bob', 'SELECT u FROM me', '--format', 'csv']), 'u\nbob\n');

    const list = await ok(['source', 'list', '--profile', 'Ana', '--password-stdin', '--json'], `${ANA_PW}\n`);
    assert.ok(!list.includes(pg.password));
    assert.deepEqual((JSON.parse(list) as SourceInfo[]).map((s) => [s.name, s.url, s.hasPassword]), [['shop', pg.url, true]]);
    assert.match(await ok(['source', 'list', '--profile', 'Bob']), /^NAME +KIND +URL +PASSWORD\nshop +postgresql +postgresql:\/\/bob@127\.0\.0\.1:\d+\/shop +keychain\n$/);
    assert.deepEqual(filesContaining(dataDir, pg.password), [], 'no password in any file of the data folder');
    assert.deepEqual(filesContaining(dataDir, BOB_ROLE_PW), []);
  });

  test('a wrong source password exits 3 with SOURCE_AUTH_FAILED; the source name exists twice only across profiles', async () => {
    await ok(['source', 'add', '--profile', 'Bob', 'bad', pg.url, '--password-stdin'], 'nope-nope\n');
    const r = await cli(['import', '--profile', 'Bob', '--source', 'bad', '--source-table', 'who', '--table', 'w']);
    assert.equal(r.code, 3);
    assert.match(r.stderr, /^error: SOURCE_AUTH_FAILED: /);
    assert.ok(!r.stderr.includes('nope-nope'));
    const dup = await cli(['source', 'add', '--profile', 'Bob', 'SHOP', pg.url]);
    assert.equal(dup.code, 1);
    assert.match(dup.stderr, /^error: ALREADY_EXISTS: /);
  });

  test('removing a source removes its password; deleting a profile leaves no keychain entry of it', async () => {
    await ok(['source', 'remove', '--profile', 'Bob', 'bad']);
    assert.ok(!((await keychain.store.get(`${ids.bob}/sources`)) ?? '').includes('nope-nope'));
    await ok(['source', 'remove', '--profile', 'Bob', 'shop']);
    assert.ok(!(await keychain.accounts()).includes(`${ids.bob}/sources`), 'the last source took the entry with it');
    await ok(['profile', 'delete', 'Ana', '--password-stdin'], `${ANA_PW}\n`);
    assert.deepEqual((await keychain.accounts()).filter((a) => a.startsWith(ids.ana)), [], 'nothing of Ana is left in the keychain');
  });
});
