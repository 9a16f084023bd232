// The sandbox, attack by attack. ONE table: add a row for every new way out.
// Each attack runs as user SQL (the runQuery path) in profile A, with profile B's
// files next door, and must fail with PERMISSION_DENIED and change nothing: the bytes
// of A's and B's files, a victim file outside the data folder, A's catalog and the
// locked settings are compared before and after. The classes (issue 12): statements
// the policy refuses by type, functions it refuses by name or in the plan, writes to
// the profile's own files, shadowing macros, the app's enclave_meta schema, path
// leaks, and objects planted before the open (an old version, a crafted archive).
import assert from 'node:assert/strict';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { DuckDBInstance } from '@duckdb/node-api';
import { AppException } from '../../../shared/errors.js';
import { pageRows } from '../../../shared/wire.js';
import { openDuckdbStore, type DuckdbStore } from '../storage/duckdb-store.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { checkExportTarget, checkImportSource } from './import-source.js';
import { openSqliteStore } from '../storage/sqlite-store.js';
import { readRowCounts } from '../storage/row-counts.js';
import { Imports } from './import-file.js';
import { QueryResults } from './query-results.js';
import { listTables } from './tables.js';
import { STAGING_DIR } from './sandbox.js';

const dataDir = makeTempDir();
const A = path.join(dataDir, 'profiles', '0a0a0a0a-0000-4000-8000-000000000001');
const B = path.join(dataDir, 'profiles', '0b0b0b0b-0000-4000-8000-000000000002');
const outside = makeTempDir();
let store: DuckdbStore;
let results: QueryResults;

const bDb = () => path.join(B, 'analytics.duckdb');
const aDb = () => path.join(fs.realpathSync(A), 'analytics.duckdb');
const victim = () => path.join(outside, 'victim.csv');
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
  // Writes to the profile's own files: DuckDB allows its own database and .wal implicitly.
  { name: 'COPY TO own analytics.duckdb', sql: () => `COPY (SELECT 'x') TO ${q(aDb())} (FORMAT csv, USE_TMP_FILE false)` },
  { name: 'COPY TO own analytics.duckdb (relative, parquet)', sql: () => `COPY (SELECT 'x' AS x) TO ${q(path.join(staging(), '..', 'analytics.duckdb'))} (FORMAT parquet)` },
  { name: 'COPY TO own .wal', sql: () => `COPY (SELECT 'x') TO ${q(`${aDb()}.wal`)} (FORMAT csv)` },
  { name: 'COPY TO own data.sqlite (lower case)', sql: () => `copy (select 1) to ${q(path.join(A, 'data.sqlite'))}` },
  { name: 'COPY TO staging', sql: () => `COPY (SELECT 1) TO ${q(path.join(staging(), 'x.csv'))}`, creates: () => [path.join(staging(), 'x.csv')] },
  { name: 'COPY TO a glob of staging', sql: () => `COPY (SELECT 1) TO ${q(path.join(staging(), '*'))}` },
  { name: 'COPY TO the victim outside', sql: () => `COPY (SELECT 'pwned') TO ${q(victim())} (FORMAT csv, HEADER false)` },
  { name: 'COPY table FROM a file', sql: () => `CREATE TABLE IF NOT EXISTS c (a VARCHAR); COPY c FROM ${q(victim())}` },
  { name: 'COPY FROM DATABASE', sql: () => `COPY FROM DATABASE analytics TO temp` },
  { name: 'EXPORT DATABASE into staging', sql: () => `EXPORT DATABASE ${q(path.join(staging(), 'dump'))}`, creates: () => [path.join(staging(), 'dump')] },
  // Databases and extensions.
  { name: 'ATTACH in-memory', sql: () => `ATTACH ':memory:' AS m` },
  { name: 'DETACH own database', sql: () => `DETACH analytics` },
  { name: 'USE', sql: () => `USE memory` },
  { name: 'INSTALL from a URL', sql: () => `INSTALL httpfs FROM 'http://127.0.0.1:1/'` },
  { name: 'UPDATE EXTENSIONS', sql: () => `UPDATE EXTENSIONS` },
  { name: 'CREATE SECRET', sql: () => `CREATE SECRET s (TYPE http)` },
  { name: 'CREATE PERSISTENT SECRET', sql: () => `CREATE PERSISTENT SECRET s (TYPE s3, KEY_ID 'a', SECRET 'b')` },
  // Settings, in every spelling.
  { name: 'SET search_path', sql: () => `SET search_path = 'memory.main'` },
  { name: 'SET SESSION', sql: () => `SET SESSION threads = 1` },
  { name: 'SET VARIABLE', sql: () => `SET VARIABLE x = 1` },
  { name: 'RESET ALL-ish', sql: () => `RESET search_path` },
  { name: 'PRAGMA with a value', sql: () => `PRAGMA memory_limit = '1GB'` },
  { name: 'PRAGMA enable_profiling', sql: () => `PRAGMA enable_profiling` },
  { name: 'PRAGMA database_list (paths)', sql: () => `PRAGMA database_list` },
  { name: 'PREPARE', sql: () => `PREPARE p AS SELECT 1` },
  // Functions that log, checkpoint or change settings, as CALL and as SELECT.
  { name: 'CALL enable_logging to a folder outside', sql: () => `CALL enable_logging(storage = 'file', storage_path = ${q(path.join(outside, 'logs'))})`, creates: () => [path.join(outside, 'logs')] },
  { name: 'SELECT FROM enable_logging', sql: () => `SELECT * FROM enable_logging()` },
  { name: 'enable_logging in a subquery', sql: () => `SELECT (SELECT count(*) FROM enable_logging(storage_path = ${q(path.join(outside, 'logs2'))}))`, creates: () => [path.join(outside, 'logs2')] },
  { name: 'enable_logging quoted and qualified', sql: () => `SELECT * FROM system.main."enable_logging"()` },
  { name: 'disable_logging', sql: () => `CALL disable_logging()` },
  { name: 'truncate_duckdb_logs', sql: () => `CALL truncate_duckdb_logs()` },
  { name: 'CHECKPOINT', sql: () => `CHECKPOINT` },
  { name: 'FORCE CHECKPOINT', sql: () => `FORCE CHECKPOINT` },
  { name: 'CALL checkpoint()', sql: () => `CALL checkpoint()` },
  { name: 'enable_profiling function', sql: () => `CALL enable_profiling()` },
  { name: 'write_log', sql: () => `SELECT write_log('x')` },
  { name: 'query() with hidden SQL', sql: () => `SELECT * FROM query('SELECT * FROM duck' || 'db_settings()')` },
  { name: 'query_table', sql: () => `SELECT * FROM query_table('duckdb_settings')` },
  { name: 'json_execute_serialized_sql', sql: () => `SELECT * FROM json_execute_serialized_sql(json_serialize_sql('SELECT 1'))` },
  // Files: staging is for the app's imports only.
  { name: 'glob staging', sql: () => `SELECT * FROM glob(${q(path.join(staging(), '*'))})` },
  { name: 'read_csv of staging', sql: () => `SELECT * FROM read_csv(${q(path.join(staging(), '*.csv'))})` },
  { name: 'read_text hidden in a comment-split call', sql: () => `SELECT * FROM read_text /* hi */ (${q(path.join(staging(), 'x'))})` },
  { name: 'parquet_scan alias', sql: () => `SELECT * FROM parquet_scan(${q(path.join(staging(), 'x.parquet'))})` },
  // The absolute profile path.
  { name: 'duckdb_databases()', sql: () => `SELECT path FROM duckdb_databases()` },
  { name: 'duckdb_settings()', sql: () => `SELECT value FROM duckdb_settings() WHERE name = 'allowed_directories'` },
  { name: 'current_setting(allowed_directories)', sql: () => `SELECT current_setting('allowed_directories')` },
  { name: 'current_setting quoted', sql: () => `SELECT "current_setting"('temp_directory')` },
  { name: 'current_setting qualified, comment before (', sql: () => `SELECT system.main.current_setting/**/('temp_directory')` },
  { name: 'current_setting in a CTAS', sql: () => `CREATE TABLE leak AS SELECT current_setting('temp_directory') AS p` },
  { name: 'current_setting in a view', sql: () => `CREATE VIEW leak AS SELECT current_setting('temp_directory') AS p` },
  { name: 'current_setting in a macro', sql: () => `CREATE MACRO leak() AS current_setting('temp_directory')` },
  { name: 'duckdb_temporary_files()', sql: () => `SELECT * FROM duckdb_temporary_files()` },
  { name: 'duckdb_extensions()', sql: () => `SELECT * FROM duckdb_extensions()` },
  { name: 'SHOW DATABASES', sql: () => `SHOW DATABASES` },
  // Macros that would shadow what the app calls (or any system function).
  { name: 'macro pragma_database_size', sql: () => `CREATE MACRO pragma_database_size() AS TABLE SELECT 1 AS x` },
  { name: 'macro duckdb_tables', sql: () => `CREATE OR REPLACE MACRO duckdb_tables() AS TABLE SELECT 'evil' AS table_name` },
  { name: 'macro duckdb_columns, schema-qualified', sql: () => `CREATE MACRO main.duckdb_columns() AS TABLE SELECT 1 AS x` },
  { name: 'macro current_database, quoted', sql: () => `CREATE MACRO "current_database"() AS 'evil'` },
  { name: 'temp macro lower', sql: () => `CREATE TEMP MACRO lower(x) AS 'evil'` },
  { name: 'function count_star', sql: () => `CREATE FUNCTION count_star() AS 42` },
  { name: 'macro IF NOT EXISTS read_csv', sql: () => `CREATE MACRO IF NOT EXISTS read_csv(x) AS TABLE SELECT 1` },
  // The app's own schema.
  { name: 'INSERT INTO enclave_meta.schema_version', sql: () => `INSERT INTO enclave_meta.schema_version VALUES (99, now())` },
  { name: 'CREATE SCHEMA ENCLAVE_META', sql: () => `CREATE SCHEMA "ENCLAVE_META"` },
  { name: 'enclave_meta via a view', sql: () => `CREATE VIEW v_meta AS SELECT * FROM enclave_meta.query_history` },
  // Objects planted before the open: the plan shows what they call.
  { name: 'a planted view over duckdb_databases()', sql: () => `SELECT * FROM planted_view` },
  { name: 'a planted table macro over duckdb_settings()', sql: () => `SELECT * FROM planted_macro()` },
  { name: 'EXPLAIN ANALYZE of a planted view', sql: () => `EXPLAIN ANALYZE SELECT * FROM planted_view` },
  // Every path-revealing system function or setting (issue 12, class 10), in several spellings.
  { name: 'SELECT * FROM duckdb_databases()', sql: () => `SELECT * FROM duckdb_databases()` },
  { name: 'duckdb_databases upper case', sql: () => `SELECT PATH FROM DUCKDB_DATABASES()` },
  { name: 'duckdb_databases CTE-wrapped', sql: () => `WITH d AS (FROM duckdb_databases()) SELECT path FROM d` },
  { name: 'duckdb_databases in a scalar subquery', sql: () => `SELECT (SELECT path FROM duckdb_databases() LIMIT 1) AS p` },
  { name: 'duckdb_databases commented', sql: () => `SELECT/**/path/**/FROM/* x */duckdb_databases/**/()` },
  { name: 'duckdb_databases via CALL', sql: () => `CALL duckdb_databases()` },
  { name: 'pragma_database_list', sql: () => `SELECT * FROM pragma_database_list` },
  { name: 'duckdb_settings() in a lateral join', sql: () => `SELECT * FROM range(1), duckdb_settings()` },
  { name: 'current_setting(temp_directory)', sql: () => `SELECT current_setting('temp_directory')` },
  { name: 'current_setting(file_search_path)', sql: () => `SELECT current_setting('file_search_path')` },
  { name: 'current_setting(home_directory)', sql: () => `SELECT current_setting('home_directory')` },
  { name: 'current_setting(extension_directory)', sql: () => `SELECT current_setting('extension_directory')` },
  { name: 'current_setting with a computed name', sql: () => `SELECT current_setting('temp_' || 'directory')` },
  { name: 'current_setting as a method call', sql: () => `SELECT ('temp_directory').current_setting()` },
  { name: 'current_setting mixed case, spaced', sql: () => `SELECT Current_Setting ('temp_directory')` },
  { name: 'current_setting in a lambda', sql: () => `SELECT list_transform(['temp_directory'], x -> current_setting(x))` },
  { name: 'getenv(HOME)', sql: () => `SELECT getenv('HOME')` },
  { name: 'duckdb_temporary_files CTE-wrapped', sql: () => `WITH t AS (SELECT * FROM duckdb_temporary_files()) SELECT * FROM t` },
  { name: 'which_secret', sql: () => `SELECT * FROM which_secret('s3://bucket/x', 's3')` },
  { name: 'duckdb_secrets', sql: () => `SELECT * FROM duckdb_secrets()` },
  { name: 'glob relative', sql: () => `SELECT * FROM glob('**')` },
  { name: 'read_text relative to the profile', sql: () => `SELECT * FROM read_text('analytics.duckdb')` },
  { name: 'duckdb_memory', sql: () => `SELECT * FROM duckdb_memory()` },
  { name: 'duckdb_logs view', sql: () => `FROM duckdb_logs` },
  { name: 'duckdb_log_contexts', sql: () => `FROM duckdb_log_contexts()` },
  { name: 'duckdb_external_file_cache', sql: () => `FROM duckdb_external_file_cache()` },
  { name: 'duckdb_prepared_statements', sql: () => `FROM duckdb_prepared_statements()` },
  { name: 'duckdb_profiling_settings', sql: () => `FROM duckdb_profiling_settings()` },
  { name: 'pragma_user_agent', sql: () => `FROM pragma_user_agent()` },
  { name: 'PRAGMA show_databases', sql: () => `PRAGMA show_databases` },
  // Stored objects planted before the open that call a refused function in their select
  // list: DuckDB folds the call into a constant, so only their definitions show it.
  { name: 'a planted view calling current_setting', sql: () => `SELECT * FROM planted_setting_view` },
  { name: 'a planted view, quoted in another case', sql: () => `SELECT p FROM "PLANTED_SETTING_VIEW"` },
  { name: 'a planted view, qualified', sql: () => `SELECT p FROM analytics.main.planted_setting_view` },
  { name: 'a planted view over a planted view', sql: () => `SELECT * FROM planted_chain` },
  { name: 'a planted view in a CTE', sql: () => `WITH x AS (SELECT * FROM planted_setting_view) SELECT upper(p) FROM x` },
  { name: 'a planted view copied into a table', sql: () => `CREATE TABLE copied AS SELECT * FROM planted_setting_view` },
  { name: 'a planted view wrapped in a new view', sql: () => `CREATE VIEW wrapped AS SELECT * FROM planted_chain` },
  { name: 'a planted view after a harmless statement', sql: () => `SELECT 1; SELECT * FROM planted_setting_view` },
  { name: 'a planted view under EXPLAIN ANALYZE', sql: () => `EXPLAIN ANALYZE SELECT * FROM planted_setting_view` },
  { name: 'a planted view summarized', sql: () => `SUMMARIZE planted_setting_view` },
  { name: 'a planted scalar macro', sql: () => `SELECT planted_scalar()` },
  { name: 'a planted table macro', sql: () => `SELECT * FROM planted_tmacro()` },
  { name: 'a planted generated column', sql: () => `SELECT p FROM planted_generated` },
  { name: 'a planted default', sql: () => `INSERT INTO planted_default (a) VALUES (1)` },
  { name: 'a planted CHECK', sql: () => `INSERT INTO planted_check VALUES (1)` },
  { name: 'a planted view over enclave_meta', sql: () => `SELECT * FROM planted_meta_view` },
  // The same objects made through user SQL, in every spelling: refused when made.
  { name: 'view with current_setting, quoted upper case', sql: () => `CREATE OR REPLACE VIEW leak2 AS SELECT "CURRENT_SETTING"('temp_directory') AS p` },
  { name: 'temp view with current_setting, spaced', sql: () => `CREATE TEMP VIEW leak3 AS SELECT current_setting ('temp_directory') AS p` },
  { name: 'view with column names and a qualified call', sql: () => `CREATE VIEW leak4(p) AS SELECT system.main.current_setting('temp_directory')` },
  { name: 'table with a current_setting default', sql: () => `CREATE TABLE leak5 (p VARCHAR DEFAULT current_setting('temp_directory'))` },
  { name: 'table with a generated current_setting', sql: () => `CREATE TABLE leak6 (a INTEGER, p VARCHAR GENERATED ALWAYS AS (current_setting('temp_directory')) VIRTUAL)` },
  { name: 'ALTER TABLE adding a current_setting default', sql: () => `ALTER TABLE planted_clean ADD COLUMN p VARCHAR DEFAULT current_setting('temp_directory')` },
  { name: 'macro concatenating current_setting', sql: () => `CREATE MACRO leak7(x) AS x || current_setting('temp_directory')` },
  { name: 'view with current_setting after a CREATE (checked once bound)', sql: () => `CREATE TABLE made_first AS SELECT 1 AS a; CREATE VIEW leak8 AS SELECT a, current_setting('temp_directory') AS p FROM made_first` },
  { name: 'view over duckdb_databases', sql: () => `CREATE VIEW leak9 AS FROM duckdb_databases()` },
  { name: 'table macro over read_text', sql: () => `CREATE MACRO leak10(x) AS TABLE SELECT * FROM read_text(x)` },
  { name: 'table macro over enable_logging', sql: () => `CREATE MACRO leak11() AS TABLE SELECT * FROM enable_logging()` },
  { name: 'view over glob', sql: () => `CREATE VIEW leak12 AS SELECT * FROM glob('/*')` },
  // Every refused class again, spelled otherwise (issue 12 list, re-checked).
  { name: 'COPY after a comment', sql: () => `/* export */ -- now\nCoPy (SELECT 1) TO ${q(path.join(outside, 'c1.csv'))}`, creates: () => [path.join(outside, 'c1.csv')] },
  { name: 'COPY in a multi-statement script, lower case', sql: () => `select 1; copy (select 2) to ${q(path.join(outside, 'c2.csv'))}; select 3`, creates: () => [path.join(outside, 'c2.csv')] },
  { name: 'COPY of a CTE', sql: () => `COPY (WITH x AS (SELECT 1 AS a) SELECT * FROM x) TO ${q(path.join(outside, 'c3.csv'))}`, creates: () => [path.join(outside, 'c3.csv')] },
  { name: 'export database lower case', sql: () => `export database ${q(path.join(outside, 'dump2'))} (FORMAT parquet)`, creates: () => [path.join(outside, 'dump2')] },
  { name: 'ATTACH IF NOT EXISTS', sql: () => `ATTACH IF NOT EXISTS ${q(path.join(outside, 'n2.duckdb'))} AS n2`, creates: () => [path.join(outside, 'n2.duckdb')] },
  { name: 'ATTACH read-only after a comment', sql: () => `-- x\nattach ${q(bDb())} (READ_ONLY)` },
  { name: 'DETACH DATABASE IF EXISTS', sql: () => `DETACH DATABASE IF EXISTS analytics` },
  { name: 'LOAD quoted', sql: () => `LOAD 'json'` },
  { name: 'FORCE INSTALL', sql: () => `FORCE INSTALL httpfs` },
  { name: 'SET … TO', sql: () => `set threads to 1` },
  { name: 'SET GLOBAL … TO', sql: () => `SET GLOBAL threads TO 1` },
  { name: 'SET after a comment, in a script', sql: () => `SELECT 1; /* c */ SET enable_external_access = true` },
  { name: 'RESET GLOBAL', sql: () => `RESET GLOBAL memory_limit` },
  { name: 'PRAGMA after a comment', sql: () => `-- c\npragma enable_profiling` },
  { name: 'CALL enable_logging mixed case', sql: () => `cAlL EnAbLe_LoGgInG()` },
  { name: 'CALL enable_logging quoted', sql: () => `CALL "enable_logging"()` },
  { name: 'enable_logging CTE-wrapped', sql: () => `WITH x AS (SELECT * FROM enable_logging()) SELECT * FROM x` },
  { name: 'read_text CTE-wrapped', sql: () => `WITH x AS (SELECT * FROM read_text('/etc/passwd')) SELECT * FROM x` },
  { name: 'PREPARE a COPY', sql: () => `PREPARE p AS COPY (SELECT 1) TO ${q(path.join(outside, 'p.csv'))}`, creates: () => [path.join(outside, 'p.csv')] },
  { name: 'PREPARE with a parameter, then EXECUTE', sql: () => `prepare p as select * from read_text($1); execute p('/etc/passwd')` },
  { name: 'EXECUTE alone', sql: () => `EXECUTE p` },
  { name: 'DEALLOCATE', sql: () => `DEALLOCATE p` },
  { name: 'USE a schema', sql: () => `USE analytics.main` },
  { name: 'INSTALL in a CTE-looking script', sql: () => `WITH x AS (SELECT 1) SELECT * FROM x; INSTALL httpfs` },
  // Scripts: every statement is checked before the first runs, and a refusal undoes the rest.
  { name: 'COPY after a CREATE', sql: () => `CREATE TABLE made_first AS SELECT 1 AS a; COPY made_first TO ${q(victim())}` },
  { name: 'a late statement refused only once bound', sql: () => `CREATE TABLE made_first AS SELECT 1 AS a; SELECT * FROM made_first, planted_view` },
  { name: 'a refused statement inside a user transaction', sql: () => `BEGIN; CREATE TABLE made_first AS SELECT 1 AS a; CHECKPOINT; COMMIT` },
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
  fs.writeFileSync(victim(), 'a,b\n1,2\n');
  await plant(A);
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
  await store.conn.run('CHECKPOINT');
  const aBefore = digest(fs.realpathSync(A));
  const victimBefore = digest(outside);
  const bBefore = digest(B);
  const outsideBefore = fs.readdirSync(outside).sort();
  const tablesBefore = await tablesOfA();
  // Every row runs; the failures are listed together (one escape should not hide the next).
  const failures: string[] = [];
  for (const attack of ATTACKS) {
    const outcome = await results.run({ sql: attack.sql(), pageSize: 10 }).then(
      (info) => `answered ${JSON.stringify(pageRows(info.firstPage)).slice(0, 200)}`,
      (e: unknown) =>
        !(e instanceof AppException) ? String(e) : e.code !== 'PERMISSION_DENIED' ? `${e.code}: ${e.message}` : e.message.length > 10 ? null : 'no reason given',
    );
    if (outcome) failures.push(`${attack.name}: ${outcome}`);
    for (const f of attack.creates?.() ?? []) if (fs.existsSync(f)) failures.push(`${attack.name} created ${f}`);
  }
  assert.deepEqual(failures, []);
  assert.equal(digest(B), bBefore, 'profile B changed');
  assert.equal(digest(fs.realpathSync(A)), aBefore, "profile A's files changed");
  assert.equal(digest(outside), victimBefore, 'the victim file outside changed');
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

/** A's catalog: tables, views and macros with their definitions (and the temp ones of the app's connection). */
async function tablesOfA(): Promise<unknown[]> {
  const objects = await store.conn.runAndReadAll(
    `SELECT database_name, schema_name, table_name, sql FROM duckdb_tables()
     UNION ALL SELECT database_name, schema_name, view_name, sql FROM duckdb_views() WHERE NOT internal
     UNION ALL SELECT database_name, schema_name, function_name, macro_definition FROM duckdb_functions() WHERE NOT internal
     UNION ALL SELECT database_name, schema_name, NULL, NULL FROM duckdb_schemas() WHERE NOT internal
     ORDER BY ALL`,
  );
  return JSON.parse(JSON.stringify(objects.getRowsJson())) as unknown[];
}

/**
 * What an older version or a crafted archive could leave in a profile: objects that
 * call functions the policy refuses, macros shadowing system functions, and the old
 * enclave_meta bookkeeping. Written without the sandbox, as an attacker's tool would.
 */
async function plant(dir: string): Promise<void> {
  fs.mkdirSync(dir, { recursive: true });
  const instance = await DuckDBInstance.create(path.join(dir, 'analytics.duckdb'));
  const conn = await instance.connect();
  await conn.run(`CREATE VIEW planted_view AS SELECT database_name AS x FROM duckdb_databases()`);
  await conn.run(`CREATE MACRO planted_macro() AS TABLE SELECT name AS x FROM duckdb_settings()`);
  await conn.run(`CREATE MACRO pragma_database_size() AS TABLE SELECT 'evil' AS database_name, 0 AS used_blocks, 0 AS block_size`);
  await conn.run(`CREATE MACRO duckdb_tables() AS TABLE SELECT * FROM enable_logging(storage = 'file', storage_path = ${q(path.join(outside, 'hijack'))})`);
  await conn.run(`CREATE MACRO current_database() AS 'evil'`);
  // Objects whose select list (or default, generated column, check) calls a refused scalar.
  await conn.run(`CREATE VIEW planted_setting_view AS SELECT current_setting('temp_directory') AS p`);
  await conn.run(`CREATE VIEW planted_chain AS SELECT p || '' AS p FROM planted_setting_view`);
  await conn.run(`CREATE MACRO planted_scalar() AS current_setting('allowed_directories')`);
  await conn.run(`CREATE MACRO planted_tmacro() AS TABLE SELECT current_setting('temp_directory') AS p`);
  await conn.run(`CREATE TABLE planted_generated (a INTEGER, p VARCHAR AS (current_setting('temp_directory')))`);
  await conn.run(`CREATE TABLE planted_default (a INTEGER, p VARCHAR DEFAULT current_setting('temp_directory'))`);
  await conn.run(`CREATE TABLE planted_check (a INTEGER CHECK (a > length(current_setting('temp_directory'))))`);
  await conn.run(`CREATE SCHEMA enclave_meta; CREATE TABLE enclave_meta.schema_version (v INTEGER)`);
  await conn.run(`CREATE VIEW planted_meta_view AS SELECT * FROM enclave_meta.schema_version`);
  await conn.run(`CREATE TABLE planted_clean AS SELECT 1 AS a`);
  // A value that already holds the path (someone who knew it stored it).
  await conn.run(`CREATE VIEW planted_literal AS SELECT ${q(path.join(fs.realpathSync(dir), 'x'))} AS p, [${q(fs.realpathSync(dir))}] AS l`);
  conn.closeSync();
  instance.closeSync();
}

// What a data analyst needs keeps working: the allow-list is not a wall.
const ALLOWED = [
  `CREATE TABLE ok_t AS SELECT range AS a, range % 3 AS g FROM range(10)`,
  `INSERT INTO ok_t VALUES (100, 1)`,
  `UPDATE ok_t SET g = 2 WHERE a = 100`,
  `DELETE FROM ok_t WHERE a = 100`,
  `MERGE INTO ok_t USING (SELECT 1 AS a) s ON ok_t.a = s.a WHEN MATCHED THEN UPDATE SET g = 0`,
  `WITH x AS (SELECT g, count(*) AS n FROM ok_t GROUP BY g) SELECT * FROM x ORDER BY g`,
  `SELECT a, sum(a) OVER (ORDER BY a) FROM ok_t`,
  `CREATE VIEW ok_v AS SELECT g FROM ok_t`,
  `CREATE MACRO ok_double(x) AS x * 2`,
  `CREATE MACRO ok_rows() AS TABLE SELECT * FROM ok_t`,
  `SELECT ok_double(a) FROM ok_rows()`,
  `CREATE SCHEMA ok_s; CREATE TABLE ok_s.t (a INTEGER); DROP SCHEMA ok_s CASCADE`,
  `CREATE SEQUENCE ok_seq; SELECT nextval('ok_seq')`,
  `CREATE TYPE ok_mood AS ENUM ('a', 'b')`,
  `CREATE INDEX ok_i ON ok_t (a)`,
  `ALTER TABLE ok_t ADD COLUMN c VARCHAR`,
  `COMMENT ON TABLE ok_t IS 'mine'`,
  `BEGIN; INSERT INTO ok_t (a, g) VALUES (7, 7); ROLLBACK`,
  `EXPLAIN SELECT * FROM ok_t`,
  `EXPLAIN ANALYZE SELECT count(*) FROM ok_t`,
  `DESCRIBE ok_t`,
  `SUMMARIZE ok_t`,
  `SHOW TABLES`,
  `PIVOT ok_t ON g USING count(*)`,
  `VACUUM`,
  `ANALYZE`,
  `SELECT * FROM duckdb_tables() WHERE table_name = 'ok_t'`,
  `SELECT * FROM pragma_table_info('ok_t')`,
  `SELECT * FROM generate_series(1, 3), unnest([1, 2])`,
  `SELECT * FROM json_each('{"a": 1}')`,
  `SELECT 'current_setting' AS just_a_word, current_database()`,
  `DROP VIEW ok_v; DROP MACRO ok_double; DROP MACRO TABLE ok_rows; DROP TABLE ok_t; DROP TYPE ok_mood; DROP SEQUENCE ok_seq`,
];

test('what a data analyst needs is allowed', async () => {
  for (const sql of ALLOWED) {
    const info = await results.run({ sql, pageSize: 10 }).catch((e: unknown) => assert.fail(`${sql}: ${String(e)}`));
    await results.close(info.resultId);
  }
});

test('a path stored as a value never reaches a result: pages, later pages and column profiles show <profile>', async () => {
  const real = fs.realpathSync(A);
  const info = await results.run({ sql: `SELECT p, l, p || '/more' AS q FROM planted_literal, range(3)`, pageSize: 1 });
  assert.deepEqual(pageRows(info.firstPage), [['<profile>/x', ['<profile>'], '<profile>/x/more']]);
  const later = await results.fetch(info.resultId, 1, 2);
  assert.deepEqual(pageRows(later), [['<profile>/x', ['<profile>'], '<profile>/x/more'], ['<profile>/x', ['<profile>'], '<profile>/x/more']]);
  await results.close(info.resultId);
  const { profileColumn, scrubProfile } = await import('./column-profile.js');
  const profile = scrubProfile(await profileColumn(store.conn, 'main', 'planted_literal', 'p', 'UTC', store.instance), store.dir);
  assert.ok(!JSON.stringify(profile).includes(real), JSON.stringify(profile));
  assert.equal(profile.min, '<profile>/x');
  // The data folder above the profile is hidden too (here the temp dir holding profiles/).
  const { scrubText } = await import('./result-scrub.js');
  assert.equal(scrubText(`${path.dirname(path.dirname(real))}/other`, real), '<data>/other');
});

test('exports and column profiles of a planted object are refused; dropping it is allowed', async () => {
  const { checkStoredRelation } = await import('./statement-policy.js');
  const { profileColumn } = await import('./column-profile.js');
  for (const relation of ['main."planted_setting_view"', 'main."planted_chain"', 'main."planted_generated"']) {
    await assert.rejects(checkStoredRelation(store.conn, store.instance, relation), (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED', relation);
  }
  await assert.rejects(
    profileColumn(store.conn, 'main', 'planted_setting_view', 'p', 'UTC', store.instance),
    (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED',
  );
  await checkStoredRelation(store.conn, store.instance, 'main."planted_clean"');
  for (const sql of [`DROP VIEW planted_chain`, `DROP VIEW planted_setting_view`, `DROP MACRO planted_scalar`, `DROP TABLE planted_generated`]) {
    const info = await results.run({ sql, pageSize: 1 });
    await results.close(info.resultId);
  }
  const info = await results.run({ sql: `SELECT count(*) FROM planted_clean`, pageSize: 1 });
  assert.deepEqual(pageRows(info.firstPage), [['1']]);
  await results.close(info.resultId);
});

test('macros planted to shadow system functions are gone after the open; the app calls the real ones', async () => {
  const names = (await tablesOfA()).map((r) => (r as unknown[])[2]);
  for (const n of ['pragma_database_size', 'duckdb_tables', 'current_database']) assert.ok(!names.includes(n), `${n} still there`);
  const listed = await listTables(store.conn);
  assert.ok(listed.every((t) => t.name !== 'evil'));
  assert.equal(fs.existsSync(path.join(outside, 'hijack')), false);
  // The form the app uses bypasses a macro of the same name (here on an unsandboxed, in-memory instance).
  const mem = await DuckDBInstance.create(':memory:');
  const c = await mem.connect();
  await c.run(`CREATE MACRO duckdb_tables() AS TABLE SELECT 'evil' AS table_name`);
  await c.run(`CREATE MACRO current_database() AS 'evil'`);
  await c.run(`CREATE TABLE real_one (a INTEGER)`);
  assert.deepEqual((await c.runAndReadAll(`SELECT table_name FROM duckdb_tables()`)).getRowsJS(), [['evil']], 'the macro shadows the bare name');
  assert.deepEqual((await c.runAndReadAll(`SELECT table_name FROM system.main.duckdb_tables()`)).getRowsJS(), [['real_one']]);
  assert.deepEqual((await c.runAndReadAll(`SELECT system.main.current_database()`)).getRowsJS(), [['memory']]);
  c.closeSync();
  mem.closeSync();
});

test('a DuckDB error never carries the absolute profile path', async () => {
  // A file that does not exist in staging: DuckDB's message names the full path.
  await assert.rejects(results.run({ sql: `SELECT * FROM planted_view_missing`, pageSize: 1 }), (e: unknown) => {
    assert.ok(e instanceof AppException);
    assert.ok(!e.message.includes(fs.realpathSync(A)), e.message);
    return true;
  });
  const { scrubPaths } = await import('./duckdb-errors.js');
  const scrubbed = scrubPaths(new AppException('SQL_ERROR', `IO Error: ${staging()}/x.csv not found`), fs.realpathSync(A));
  assert.ok(!scrubbed.message.includes(fs.realpathSync(A)));
});

test("staging is a private copy: user SQL racing an import cannot touch the person's file", async () => {
  const original = path.join(outside, 'people.csv');
  fs.writeFileSync(original, `id,name\n${Array.from({ length: 300_000 }, (_, i) => `${i},person ${i}`).join('\n')}\n`);
  const before = digest(outside);
  const imports = new Imports(store, () => undefined);
  const importing = imports.start({ path: original, onConflict: 'replace', badRows: 'abort' });
  // The staged name exists from the copy until the import ends; find it while DuckDB reads it.
  let staged: string | undefined;
  const done = importing.then(() => true, () => true);
  while (!staged && !(await Promise.race([done, new Promise<false>((r) => setImmediate(() => r(false)))]))) {
    staged = fs.readdirSync(staging()).find((n) => n.endsWith('people.csv'));
  }
  assert.ok(staged, 'the import never staged its file');
  const stagedPath = path.join(staging(), staged);
  const st = fs.statSync(stagedPath, { throwIfNoEntry: false });
  if (st) {
    assert.notEqual(st.ino, fs.statSync(original).ino, 'staged by a link to the original');
    assert.equal(st.mode & 0o777, 0o600);
  }
  for (const sql of [
    `SELECT * FROM glob(${q(path.join(staging(), '*'))})`,
    `COPY (SELECT 'x') TO ${q(stagedPath)} (FORMAT csv, USE_TMP_FILE false)`,
    `SELECT * FROM read_csv(${q(stagedPath)})`,
  ]) {
    await assert.rejects(results.run({ sql, pageSize: 1 }), (e: unknown) => e instanceof AppException && e.code === 'PERMISSION_DENIED', sql);
  }
  const outcome = await importing;
  assert.equal(outcome.status, 'imported');
  assert.equal(digest(outside), before, "the person's file changed");
  assert.equal(fs.statSync(original).nlink, 1, 'a link to the original outlived the import');
  await store.conn.run('DROP TABLE people');
});

test('profile usage --rows opens through the sandbox: a planted macro runs nothing', async () => {
  const C = path.join(dataDir, 'profiles', '0c0c0c0c-0000-4000-8000-000000000003');
  fs.mkdirSync(C, { recursive: true });
  openSqliteStore(C).close();
  const c = await openDuckdbStore(C);
  await c.conn.run(`CREATE TABLE counted AS SELECT * FROM range(5)`);
  await c.close();
  // Planted after the last open (a crafted archive, an older version): every name the count path calls.
  const instance = await DuckDBInstance.create(path.join(C, 'analytics.duckdb'));
  const conn = await instance.connect();
  const hijack = path.join(outside, 'usage-hijack');
  const logging = `enable_logging(storage = 'file', storage_path = ${q(hijack)})`;
  await conn.run(`CREATE MACRO duckdb_tables() AS TABLE SELECT t.* FROM system.main.duckdb_tables() t, ${logging}`);
  await conn.run(`CREATE MACRO count_star() AS (SELECT count(*) FROM ${logging}) + 1000`);
  await conn.run(`CREATE MACRO lower(x) AS (SELECT 'x' FROM ${logging})`);
  conn.closeSync();
  instance.closeSync();
  const counts = await readRowCounts(C);
  assert.deepEqual(counts.duckdb, [{ table: 'counted', rows: 5 }]);
  assert.equal(fs.existsSync(hijack), false, 'a stored macro ran with file access');
});
