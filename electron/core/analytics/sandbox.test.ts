// The sandbox, attack by attack. ONE table: add a row for every new way out.
// Each attack runs as user SQL (the runQuery path) in profile A, with profile B's
// files next door, and must fail with PERMISSION_DENIED and change nothing.
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { pageRows } from '../../../shared/wire.js';
import { openDuckdbStore, type DuckdbStore } from '../storage/duckdb-store.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { checkExportTarget, checkImportSource } from './import-source.js';
import { QueryResults } from './query-results.js';
import { STAGING_DIR } from './sandbox.js';

const dataDir = makeTempDir();
const A = path.join(dataDir, 'profiles', '0a0a0a0a-0000-4000-8000-000000000001');
const B = path.join(dataDir, 'profiles', '0b0b0b0b-0000-4000-8000-000000000002');
const outside = makeTempDir();
let store: DuckdbStore;
let results: QueryResults;

const bDb = () => path.join(B, 'analytics.duckdb');
const staging = () => path.join(fs.realpathSync(A), STAGING_DIR);
const q = (s: string) => `'${s.replace(/'/g, "''")}'`;

// `sql` gets the paths it needs at run time; `creates` lists files that must not appear.
const ATTACKS: { name: string; sql: () => string; creates?: () => string[] }[] = [
  { name: 'read_csv /etc/passwd', sql: () => `SELECT * FROM read_csv('/etc/passwd')` },
  { name: 'read_text /etc/passwd', sql: () => `SELECT * FROM read_text('/etc/passwd')` },
  { name: 'read_blob /etc/passwd', sql: () => `SELECT * FROM read_blob('/etc/passwd')` },
  { name: 'read_json outside', sql: () => `SELECT * FROM read_json(${q(path.join(outside, 'x.json'))})` },
  { name: 'read_parquet outside', sql: () => `SELECT * FROM read_parquet(${q(path.join(outside, 'x.parquet'))})` },
  { name: 'parquet_metadata outside', sql: () => `SELECT * FROM parquet_metadata(${q(path.join(outside, 'x.parquet'))})` },
  { name: 'sniff_csv /etc/passwd', sql: () => `SELECT * FROM sniff_csv('/etc/passwd')` },
  { name: 'glob /etc', sql: () => `SELECT * FROM glob('/etc/*')` },
  { name: 'glob own profile dir', sql: () => `SELECT * FROM glob(${q(path.join(A, '*'))})` },
  { name: 'read_text own data.sqlite', sql: () => `SELECT * FROM read_text(${q(path.join(A, 'data.sqlite'))})` },
  { name: 'read_text other analytics.duckdb', sql: () => `SELECT * FROM read_text(${q(bDb())})` },
  { name: 'ATTACH other profile by absolute path', sql: () => `ATTACH ${q(bDb())} AS other` },
  { name: 'ATTACH other profile by ../ path', sql: () => `ATTACH ${q(path.join(staging(), '..', '..', path.basename(B), 'analytics.duckdb'))} AS other` },
  { name: 'ATTACH other profile via symlink in staging', sql: () => `ATTACH ${q(path.join(staging(), 'evil.duckdb'))} AS other` },
  { name: 'read_text /etc/passwd via symlink in staging', sql: () => `SELECT * FROM read_text(${q(path.join(staging(), 'passwd'))})` },
  { name: 'ATTACH a new file outside', sql: () => `ATTACH ${q(path.join(outside, 'new.duckdb'))} AS n`, creates: () => [path.join(outside, 'new.duckdb')] },
  { name: 'COPY TO outside', sql: () => `COPY (SELECT 1) TO ${q(path.join(outside, 'out.csv'))}`, creates: () => [path.join(outside, 'out.csv')] },
  { name: 'COPY TO own data.sqlite', sql: () => `COPY (SELECT 1) TO ${q(path.join(A, 'data.sqlite'))}` },
  { name: 'COPY TO ../ out of staging', sql: () => `COPY (SELECT 1) TO ${q(path.join(staging(), '..', '..', 'escape.csv'))}`, creates: () => [path.join(dataDir, 'profiles', 'escape.csv')] },
  { name: 'EXPORT DATABASE outside', sql: () => `EXPORT DATABASE ${q(path.join(outside, 'dump'))}`, creates: () => [path.join(outside, 'dump')] },
  { name: 'IMPORT DATABASE outside', sql: () => `IMPORT DATABASE ${q(outside)}` },
  { name: 'INSTALL', sql: () => `INSTALL httpfs` },
  { name: 'LOAD', sql: () => `LOAD httpfs` },
  { name: 'LOAD a file', sql: () => `LOAD ${q(path.join(outside, 'evil.duckdb_extension'))}` },
  { name: 'SET enable_external_access', sql: () => `SET enable_external_access = true` },
  { name: 'SET allowed_directories', sql: () => `SET allowed_directories = ['/']` },
  { name: 'SET lock_configuration', sql: () => `SET lock_configuration = false` },
  { name: 'SET threads', sql: () => `SET threads = 1` },
  { name: 'SET GLOBAL memory_limit', sql: () => `SET GLOBAL memory_limit = '100GB'` },
  { name: 'SET temp_directory', sql: () => `SET temp_directory = ${q(outside)}` },
  { name: 'RESET threads', sql: () => `RESET threads` },
  { name: 'RESET enable_external_access', sql: () => `RESET enable_external_access` },
  { name: 'PRAGMA threads', sql: () => `PRAGMA threads = 1` },
  { name: 'PRAGMA profiling_output', sql: () => `PRAGMA profiling_output = ${q(path.join(outside, 'prof.json'))}`, creates: () => [path.join(outside, 'prof.json')] },
  { name: 'attack after a harmless statement', sql: () => `SELECT 1; SELECT * FROM read_text('/etc/passwd')` },
];

function digest(dir: string): string {
  const h = createHash('sha256');
  for (const name of fs.readdirSync(dir).sort()) {
    const p = path.join(dir, name);
    const st = fs.lstatSync(p);
    h.update(name);
    if (st.isFile()) h.update(fs.readFileSync(p));
  }
  return h.digest('hex');
}

before(async () => {
  fs.mkdirSync(A, { recursive: true });
  fs.mkdirSync(B, { recursive: true });
  fs.writeFileSync(path.join(A, 'data.sqlite'), 'stand-in for the profile database');
  const b = await openDuckdbStore(B);
  await b.conn.run(`CREATE TABLE secrets AS SELECT 'bob-secret' AS s`);
  await b.close();
  fs.writeFileSync(path.join(outside, 'x.json'), '[{"a": 1}]');
  fs.writeFileSync(path.join(outside, 'x.parquet'), 'PAR1');
  store = await openDuckdbStore(A);
  results = new QueryResults(store);
  // Planted by "someone else": DuckDB must resolve them before checking the sandbox.
  fs.symlinkSync(bDb(), path.join(staging(), 'evil.duckdb'));
  fs.symlinkSync('/etc/passwd', path.join(staging(), 'passwd'));
});

after(async () => {
  await results.closeAll();
  await store.close();
  removeTempDir(dataDir);
  removeTempDir(outside);
});

test('every sandbox escape fails with PERMISSION_DENIED and changes nothing', async () => {
  const bBefore = digest(B);
  const outsideBefore = fs.readdirSync(outside).sort();
  const tablesBefore = await tablesOfA();
  for (const attack of ATTACKS) {
    await assert.rejects(
      results.run({ sql: attack.sql(), pageSize: 10 }),
      (e: unknown) => {
        assert.ok(e instanceof AppException, `${attack.name}: ${String(e)}`);
        assert.equal(e.code, 'PERMISSION_DENIED', `${attack.name}: ${e.code}: ${e.message}`);
        assert.ok(e.message.length > 10, attack.name);
        return true;
      },
      attack.name,
    );
    for (const f of attack.creates?.() ?? []) assert.equal(fs.existsSync(f), false, `${attack.name} created ${f}`);
  }
  assert.equal(digest(B), bBefore, 'profile B changed');
  assert.deepEqual(fs.readdirSync(outside).sort(), outsideBefore, 'files appeared outside');
  assert.deepEqual(await tablesOfA(), tablesBefore);
  assert.equal(fs.readFileSync(path.join(A, 'data.sqlite'), 'utf8'), 'stand-in for the profile database');
  const settings = await store.conn.runAndReadAll(
    `SELECT current_setting('enable_external_access')::VARCHAR AS e, current_setting('lock_configuration')::VARCHAR AS l`,
  );
  assert.deepEqual(settings.getRowObjectsJS()[0], { e: 'false', l: 'true' });
});

test('user SQL can still read and write inside the sandbox', async () => {
  const info = await results.run({ sql: `CREATE TABLE t AS SELECT 42 AS x; SELECT x FROM t`, pageSize: 10 });
  assert.deepEqual(pageRows(info.firstPage), [['42']]);
  await results.close(info.resultId);
  await store.conn.run('DROP TABLE t');
});

test('import sources and export targets inside the user-data dir are refused, also through links', () => {
  const victim = path.join(B, 'analytics.duckdb');
  const link = path.join(outside, 'innocent.csv');
  fs.symlinkSync(victim, link);
  const hard = path.join(outside, 'hard.csv');
  fs.linkSync(victim, hard);
  for (const p of [victim, link, hard, path.join(A, '..', path.basename(B), 'analytics.duckdb')]) {
    assert.throws(() => checkImportSource(dataDir, p), (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED', p);
  }
  const dirLink = path.join(outside, 'dir-link');
  fs.symlinkSync(A, dirLink);
  for (const p of [path.join(A, 'out.csv'), path.join(dirLink, 'out.csv'), link]) {
    assert.throws(() => checkExportTarget(dataDir, p), (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED', p);
  }
  const fine = path.join(outside, 'x.json');
  assert.equal(checkImportSource(dataDir, fine), fs.realpathSync(fine));
  assert.throws(() => checkImportSource(dataDir, path.join(outside, 'missing.csv')), (e: unknown) => e instanceof AppException && e.code === 'NOT_FOUND');
  for (const p of [link, hard, dirLink]) fs.rmSync(p);
});

async function tablesOfA(): Promise<unknown[]> {
  return (await store.conn.runAndReadAll(`SELECT database_name, schema_name, table_name FROM duckdb_tables() ORDER BY ALL`)).getRowsJS();
}
