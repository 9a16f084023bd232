// enclave query: the three output formats, exact, including results longer than one page.
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cliTestBed } from '../testing/cli-test-bed.js';

const bed = cliTestBed('cli-query', { TZ: 'UTC' });
const ok = (...argv: string[]) => bed.ok(argv);
const query = (sql: string, format: string) => ok('query', '--profile', 'Quinn', sql, '--format', format);

before(async () => {
  await ok('profile', 'create', 'Quinn');
});

const MIXED = `SELECT * FROM (VALUES
  (1, 'plain', 9007199254740993::BIGINT, 1.5::DOUBLE, DATE '2024-02-29', true, [1, 2]),
  (2, 'has, comma "and" quote', NULL, NULL, NULL, NULL, NULL),
  (3, '', -1, -0.25, DATE '0044-03-15 (BC)', false, [])
) t(n, s, big, d, day, flag, list) ORDER BY n`;

test('--format wire: an array of objects with the exact wire values', async () => {
  assert.equal(
    await query(MIXED, 'wire'),
    '[\n' +
      '  {"n":"1","s":"plain","big":"9007199254740993","d":"1.5","day":"2024-02-29","flag":true,"list":["1","2"]},\n' +
      '  {"n":"2","s":"has, comma \\"and\\" quote","big":null,"d":null,"day":null,"flag":null,"list":null},\n' +
      '  {"n":"3","s":"","big":"-1","d":"-0.25","day":"0044-03-15 (BC)","flag":false,"list":[]}\n' +
      ']\n',
  );
  assert.equal(await query('SELECT 1 AS x WHERE false', 'wire'), '[]\n');
});

test('--format csv: exact values, quoted where needed, NULL as an empty field', async () => {
  assert.equal(
    await query(MIXED, 'csv'),
    'n,s,big,d,day,flag,list\n' +
      '1,plain,9007199254740993,1.5,2024-02-29,true,"[1, 2]"\n' +
      '2,"has, comma ""and"" quote",,,,,\n' +
      '3,,-1,-0.25,0044-03-15 (BC),false,[]\n',
  );
});

test('--format table: aligned columns and the row count', async () => {
  assert.equal(
    await query(MIXED, 'table'),
    'n  s                       big               d      day              flag   list\n' +
      '1  plain                   9007199254740993  1.5    2024-02-29       true   [1, 2]\n' +
      '2  has, comma "and" quote  NULL              NULL   NULL             NULL   NULL\n' +
      '3                          -1                -0.25  0044-03-15 (BC)  false  []\n' +
      '(3 rows)\n',
  );
});

test('every row of a result longer than one page, in order', async () => {
  const sql = 'SELECT range AS i, range * 2 AS twice FROM range(25003)';
  const rows = JSON.parse(await query(sql, 'wire')) as { i: string; twice: string }[];
  assert.equal(rows.length, 25003);
  rows.forEach((r, k) => assert.deepEqual(r, { i: String(k), twice: String(2 * k) }));
  const lines = (await query(sql, 'ndjson')).split('\n');
  assert.equal(lines.length, 25004);
  assert.equal(lines[25002], '{"i":25002,"twice":50004}');
  assert.equal(lines[25003], '');
  const csv = (await query(sql, 'csv')).trimEnd().split('\n');
  assert.equal(csv.length, 25004);
  assert.equal(csv[25003], '25002,50004');
});

test('negative zero prints as DuckDB prints it (-0.0) in every format, at the top level and nested', async () => {
  // A DOUBLE column (read by the page's tight loop), a FLOAT, and a DOUBLE inside a LIST and a STRUCT.
  const sql = `SELECT d, f, [d, 0.0::DOUBLE] AS l, {'z': d} AS s FROM (VALUES (-0.0::DOUBLE, -0.0::FLOAT), (0.0::DOUBLE, 0.0::FLOAT)) t(d, f)`;
  assert.equal(
    await query(sql, 'wire'),
    '[\n  {"d":"-0.0","f":"-0.0","l":["-0.0","0"],"s":["-0.0"]},\n  {"d":"0","f":"0","l":["0","0"],"s":["0"]}\n]\n',
  );
  assert.equal(await query(sql, 'ndjson'), '{"d":-0.0,"f":-0.0,"l":[-0.0,0],"s":{"z":-0.0}}\n{"d":0,"f":0,"l":[0,0],"s":{"z":0}}\n');
  assert.equal(await query(sql, 'json'), '[\n  {"d":-0.0,"f":-0.0,"l":[-0.0,0],"s":{"z":-0.0}},\n  {"d":0,"f":0,"l":[0,0],"s":{"z":0}}\n]\n');
  assert.equal(Object.is((JSON.parse(await query(sql, 'json')) as { d: number }[])[0]!.d, -0), true);
  assert.equal(await query(sql, 'csv'), 'd,f,l,s\n-0.0,-0.0,"[-0.0, 0]",{\'z\': -0.0}\n0,0,"[0, 0]",{\'z\': 0}\n');
  assert.equal(
    await query(sql, 'table'),
    "d     f     l          s\n-0.0  -0.0  [-0.0, 0]  {'z': -0.0}\n0     0     [0, 0]     {'z': 0}\n(2 rows)\n",
  );
});
