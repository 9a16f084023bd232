// A page written as bytes (page-bytes.ts) is cell for cell the page wire-encode.ts makes,
// on every edge of every type it writes, after the trip across the process boundary.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import v8 from 'node:v8';
import { DuckDBInstance, type DuckDBConnection } from '@duckdb/node-api';
import type { WirePage } from '../../../shared/wire.js';
import { decodeReplyValue, encodedForm, encodeReplyValue } from '../storage/page-transfer.js';
import { bytePageOfChunks, rowidsAscending } from './page-bytes.js';
import { scrubPage } from './result-scrub.js';
import { pageOfChunks, resultChunks } from './wire-encode.js';

let instance: DuckDBInstance;
let conn: DuckDBConnection;
before(async () => {
  instance = await DuckDBInstance.create(':memory:');
  conn = await instance.connect();
});
after(() => {
  conn.closeSync();
  instance.closeSync();
});

const across = (page: WirePage) => decodeReplyValue(v8.deserialize(v8.serialize(encodeReplyValue(page)))) as WirePage;

/** Both encodings of `sql`'s rows (from column `first` on); asserts they agree, and says which columns were bytes. */
async function compare(sql: string, limit = 1 << 20, first = 0): Promise<boolean[]> {
  const result = await conn.run(sql);
  const chunks = resultChunks(result);
  const types = result.columnTypes();
  const expected = pageOfChunks(types, chunks, 7, limit, first);
  const page = bytePageOfChunks(types, chunks, 7, limit, first);
  const asBytes = encodedForm(page)!.columns.map((c) => !Array.isArray(c));
  assert.deepEqual(across(page), expected, sql);
  // Read in the host itself, the same cells.
  assert.deepEqual({ ...page, columns: page.columns }, expected, sql);
  return asBytes;
}

const values = (type: string, texts: (string | null)[]) =>
  `SELECT v::${type} AS v FROM (VALUES ${texts.map((t) => `(${t === null ? 'NULL' : `'${t}'`})`).join(', ')}) AS t(v)`;

const SCALARS: [string, (string | null)[]][] = [
  ['TINYINT', ['-128', '127', '0', '-1', null]],
  ['UTINYINT', ['0', '255', null]],
  ['SMALLINT', ['-32768', '32767', '10', null]],
  ['USMALLINT', ['65535', '9']],
  ['INTEGER', ['-2147483648', '2147483647', '100000', '-99999', null]],
  ['UINTEGER', ['4294967295', '0']],
  ['BIGINT', ['-9223372036854775808', '9223372036854775807', '9007199254740991', '9007199254740992', '9007199254740993', '-9007199254740992', '-9007199254740993', '0', '-1', '1000003', null]],
  ['DOUBLE', ['-0.0', '0', 'NaN', 'Infinity', '-Infinity', '1e21', '0.1', '5e-324', '-1.5', '123456789.125', null]],
  ['DECIMAL(4,2)', ['-99.99', '99.99', '0', '0.05', '-0.05', '10', null]],
  ['DECIMAL(4,4)', ['0.0001', '-0.9999', '0', '0.25']],
  ['DECIMAL(9,3)', ['-999999.999', '123.4', '0.001']],
  ['DECIMAL(18,0)', ['-999999999999999999', '42', '0']],
  ['DECIMAL(18,3)', ['8999999999999.999', '9007199254740.991', '9007199254740.992', '9007199254740.993', '-9007199254740.991', '999999999999999.999', '0.001']],
  ['DECIMAL(18,15)', ['8.999999999999999', '-0.000000000000001', '0']],
  ['DECIMAL(18,18)', ['0.999999999999999999', '-0.000000000000000001']],
  ['DECIMAL(38,10)', ['12345678901234567890123456.7890123456', '-0.0000000001', '922337203685477.5807', '922337203685477.5808', '0']],
  ['DECIMAL(38,20)', ['0.00000000000000000001', '-1']],
  ['DATE', ['infinity', '-infinity', '0001-01-01', '1969-12-31', '1970-01-01', '2024-02-29', '44-03-15 (BC)', '9999-12-31', null]],
  ['TIMESTAMP', ['infinity', '-infinity', '1969-12-31 23:59:59.999999', '1970-01-01 00:00:00', '2024-01-01 08:00:00.5', '2024-01-01 08:00:00.000001', '2024-01-01 08:00:00.12', '1677-09-21 00:12:43.145225', '2262-04-11 23:47:16.854775', '9999-12-31 23:59:59.999999', '0044-03-15 (BC) 10:00:00', null]],
  ['TIMESTAMPTZ', ['infinity', '-infinity', '1969-12-31 23:59:59.999999+00', '2024-07-01 12:00:00.5+02', '2300-01-01 00:00:00+00', null]],
  ['BOOLEAN', ['true', 'false', null]],
  ['VARCHAR', ['', 'a', 'twelve chars', 'thirteen char', 'x'.repeat(100), null, '  spaces  ', "it''s", 'tab\there']],
];

test('every scalar type with a byte writer gives exactly wire-encode.ts cells, edges included', async () => {
  for (const [type, texts] of SCALARS) {
    assert.deepEqual(await compare(values(type, texts)), [true], `${type} is written as bytes`);
  }
});

test('text that is not all ASCII, inline or not, and types without a byte writer are cells, exactly as before', async () => {
  assert.deepEqual(await compare(values('VARCHAR', ['plain', 'émoji 🦆'])), [false]);
  assert.deepEqual(await compare(values('VARCHAR', ['plain text longer than twelve', `${'x'.repeat(20)} ✓`])), [false]);
  assert.deepEqual(await compare(`SELECT [1, 2] AS l, 1.5::FLOAT AS f, '\\x00ab'::BLOB AS b, 'x' AS s`), [false, false, false, true]);
});

test('a page of several chunks, from a later column on, with NULLs scattered', async () => {
  const sql = `SELECT range AS id, CASE WHEN range % 3 = 0 THEN NULL ELSE 'note ' || range END AS note,
    (range * 7919)::DECIMAL(12,3) AS d, TIMESTAMP '2024-01-01' + to_microseconds(range * 999) AS at, range % 2 = 0 AS even,
    CASE WHEN range % 4 = 0 THEN repeat('long ', range % 9) END AS long FROM range(5000)`;
  assert.deepEqual(await compare(sql, 4500, 1), [true, true, true, true, true]);
  assert.deepEqual(await compare(sql, 3, 0), [true, true, true, true, true, true]);
});

test('rowids in order are told from rowids out of order', async () => {
  assert.equal(rowidsAscending(resultChunks(await conn.run('SELECT range FROM range(3000)'))), true);
  assert.equal(rowidsAscending(resultChunks(await conn.run('SELECT range FROM range(3000) ORDER BY range DESC'))), false);
  // BIGINT as rowids are: a 4-byte INTEGER column read as 8-byte values would compare garbage.
  assert.equal(rowidsAscending(resultChunks(await conn.run('SELECT 5::BIGINT UNION ALL SELECT 5::BIGINT'))), false);
  assert.equal(rowidsAscending(resultChunks(await conn.run('SELECT range FROM range(3000) UNION ALL SELECT 2999::BIGINT'))), false);
});

test('a byte column holding a hidden path is scrubbed; one without keeps its bytes', async () => {
  const dir = '/srv/enclave-data/profiles/abc';
  const result = await conn.run(`SELECT '${dir}/x.csv' AS p, 'a/srv/enclave-dat' AS q, 'a/profiles/abc' AS r, 7 AS n`);
  const page = scrubPage(bytePageOfChunks(result.columnTypes(), resultChunks(result), 0, 10), dir);
  assert.deepEqual(
    encodedForm(page)!.columns.map((c) => !Array.isArray(c)),
    [false, true, true, true],
  );
  assert.deepEqual(across(page).columns, [['<profile>/x.csv'], ['a/srv/enclave-dat'], ['a/profiles/abc'], ['7']]);
});
