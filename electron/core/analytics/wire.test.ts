// Every DuckDB type through the one wire format: exact values, nested values, NULL
// apart from '', surviving JSON and structured clone unchanged.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import v8 from 'node:v8';
import { formatCell, formatTimestampTz, packPage, pageRows, type WireCell, type WirePage } from '../../../shared/wire.js';
import { openDuckdbStore, type DuckdbStore } from '../storage/duckdb-store.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { exportRelation } from './export.js';
import { QueryResults } from './query-results.js';
import { splitStatements } from './sql-text.js';

const dir = makeTempDir();
let store: DuckdbStore;
let results: QueryResults;

// column SQL type, a literal, the exact wire cell expected, the display text expected
const TYPES: [string, string, WireCell, string][] = [
  ['BOOLEAN', 'true', true, 'true'],
  ['TINYINT', '-128', '-128', '-128'],
  ['SMALLINT', '32767', '32767', '32767'],
  ['INTEGER', '-2147483648', '-2147483648', '-2147483648'],
  ['BIGINT', '9007199254740993', '9007199254740993', '9007199254740993'],
  ['UBIGINT', '18446744073709551615', '18446744073709551615', '18446744073709551615'],
  ['HUGEINT', '-170141183460469231731687303715884105728', '-170141183460469231731687303715884105728', '-170141183460469231731687303715884105728'],
  ['UHUGEINT', '340282366920938463463374607431768211455', '340282366920938463463374607431768211455', '340282366920938463463374607431768211455'],
  ['DECIMAL(38,10)', "'1234567890123456789012345678.0123456789'", '1234567890123456789012345678.0123456789', '1234567890123456789012345678.0123456789'],
  ['DECIMAL(4,2)', "'0.10'", '0.10', '0.10'],
  ['FLOAT', '0.1', '0.1', '0.1'],
  ['DOUBLE', '0.1', '0.1', '0.1'],
  ['DOUBLE', "'NaN'", 'NaN', 'NaN'],
  ['DOUBLE', "'-inf'", '-Infinity', '-Infinity'],
  ['DATE', "'2024-02-29'", '2024-02-29', '2024-02-29'],
  ['DATE', "'infinity'", 'infinity', 'infinity'],
  ['TIME', "'23:59:59.123456'", '23:59:59.123456', '23:59:59.123456'],
  ['TIMESTAMP', "'2024-01-02 03:04:05.678901'", '2024-01-02 03:04:05.678901', '2024-01-02 03:04:05.678901'],
  ['TIMESTAMP_NS', "'2024-01-02 03:04:05.123456789'", '2024-01-02 03:04:05.123456789', '2024-01-02 03:04:05.123456789'],
  ['TIMESTAMPTZ', "'2024-07-01 12:00:00.5+00'", '2024-07-01 12:00:00.5+00', '2024-07-01 14:00:00.5+02:00'],
  ['INTERVAL', "'1 year 2 months 3 days 04:05:06.789'", '1 year 2 months 3 days 04:05:06.789', '1 year 2 months 3 days 04:05:06.789'],
  ['UUID', "'0011340b-02f9-4b7e-8d56-6ed846f756ec'", '0011340b-02f9-4b7e-8d56-6ed846f756ec', '0011340b-02f9-4b7e-8d56-6ed846f756ec'],
  ['BLOB', "'\\xAA\\x00hi'", 'aa006869', 'aa 00 68 69'],
  ['VARCHAR', "''", '', ''],
  ['VARCHAR', "'héllo, 世界 🦆'", 'héllo, 世界 🦆', 'héllo, 世界 🦆'],
  ['VARCHAR', 'NULL', null, 'NULL'],
  ['mood', "'happy'", 'happy', 'happy'],
  ['INTEGER[]', '[1, NULL, 3]', ['1', null, '3'], '[1, NULL, 3]'],
  ['INTEGER[2]', '[7, 8]', ['7', '8'], '[7, 8]'],
  ['STRUCT(a BIGINT, "b c" VARCHAR[])', "{'a': 9007199254740993, 'b c': ['x', '']}", ['9007199254740993', ['x', '']], "{'a': 9007199254740993, 'b c': ['x', '']}"],
  ['MAP(VARCHAR, DECIMAL(5,2))', "MAP {'k': 1.25, 'z': NULL}", [['k', '1.25'], ['z', null]], "{'k'=1.25, 'z'=NULL}"],
  ['UNION(n INTEGER, s VARCHAR)', "union_value(s := 'x')", ['s', 'x'], 'x'],
];

before(async () => {
  store = await openDuckdbStore(dir);
  results = new QueryResults(store);
  await store.conn.run(`CREATE TYPE mood AS ENUM ('sad', 'ok', 'happy')`);
  const cols = TYPES.map(([t], i) => `c${i} ${t}`).join(', ');
  const vals = TYPES.map(([t, lit]) => `CAST(${lit} AS ${t})`).join(', ');
  await store.conn.run(`CREATE TABLE every_type (${cols})`);
  await store.conn.run(`INSERT INTO every_type VALUES (${vals})`);
});

after(async () => {
  await results.closeAll();
  await store.close();
  removeTempDir(dir);
});

test('a table holding every type round-trips exactly', async () => {
  const info = await results.run({ sql: 'SELECT * FROM every_type', pageSize: 10 });
  assert.equal(info.totalRows, 1);
  const row = pageRows(info.firstPage)[0]!;
  TYPES.forEach(([type, , expected, shown], i) => {
    assert.deepEqual(row[i], expected, `${type}: wire`);
    assert.equal(formatCell(info.columns[i]!.type, row[i]!, { timeZone: 'Europe/Berlin' }), shown, `${type}: shown`);
  });
  assert.equal(info.columns[8]!.type.id, 'DECIMAL');
  assert.equal(info.columns.find((c) => c.name === 'c26')!.type.id, 'ENUM');
  // One format for every transport: JSON and structured clone give back the same thing.
  assert.deepEqual(JSON.parse(JSON.stringify(info)), info);
  assert.deepEqual(v8.deserialize(v8.serialize(info)), info);
});

test('a fetched page (some columns cast in SQL) equals the first page (all encoded in JavaScript), NULLs included', async () => {
  const nulls = TYPES.map(() => 'NULL').join(', ');
  const sql = `SELECT * EXCLUDE (k) FROM (SELECT *, 0 AS k FROM every_type UNION ALL SELECT ${nulls}, 1) ORDER BY k`;
  const info = await results.run({ sql, pageSize: 10 });
  assert.equal(info.firstPage.rowCount, 2);
  assert.equal(info.firstPage.columns.length, TYPES.length);
  for (const col of info.firstPage.columns) assert.equal(col.length, 2);
  assert.deepEqual(pageRows(info.firstPage)[1], TYPES.map(() => null));
  assert.deepEqual(await results.fetch(info.resultId, 0, 10), info.firstPage);
  const second = await results.fetch(info.resultId, 1, 10);
  assert.deepEqual(second, { offset: 1, rowCount: 1, columns: TYPES.map(() => [null]) });
  assert.deepEqual(await results.fetch(info.resultId, 2, 10), { offset: 2, rowCount: 0, columns: TYPES.map(() => []) });
  await results.close(info.resultId);
});

test("integers, DECIMAL, DATE and TIMESTAMP read from their vectors match DuckDB's own text", async () => {
  const D = 86_400_000_000n;
  const micros = [
    -9223372022400000000n, 9223372036854775806n, 0n, -1n, 1n, 2n ** 53n, 2n ** 53n - 1n, 2n ** 53n + 1n, -(2n ** 53n), -(2n ** 53n) - 1n,
    -(2n ** 53n) + 1n, 1_700_000_000_123_450n, -62_135_596_800_000_000n, -62_135_596_800_000_001n,
  ];
  // Both sides of day boundaries near and far from 1970, and a sweep of the whole range.
  for (const k of [1n, -1n, 104_249n, -104_249n, 104_250n, -104_250n, 106_000_000n, -106_000_000n]) micros.push(k * D - 1n, k * D, k * D + 1n);
  for (let m = -9223372022400000000n; m < 9223372036854775806n; m += 4611686018427387n) micros.push(m);
  const cases: [string, string][] = [
    ['TINYINT', 'SELECT unnest([-128, 127, 0, -1, 5, NULL])::TINYINT AS v'],
    ['UTINYINT', 'SELECT unnest([0, 255, 7, NULL])::UTINYINT AS v'],
    ['SMALLINT', 'SELECT unnest([-32768, 32767, 0, -300, NULL])::SMALLINT AS v'],
    ['USMALLINT', 'SELECT unnest([0, 65535, 300, NULL])::USMALLINT AS v'],
    ['INTEGER', 'SELECT unnest([-2147483648, 2147483647, 0, -1, NULL])::INTEGER AS v'],
    ['UINTEGER', 'SELECT unnest([0, 4294967295, 70000, NULL])::UINTEGER AS v'],
    [
      'BIGINT',
      `SELECT unnest([-9223372036854775808, 9223372036854775807, 9007199254740993, -9007199254740993, 9007199254740991, -9007199254740992, 4294967296, -4294967297, 0, NULL])::BIGINT AS v
       UNION ALL SELECT (range::HUGEINT * 1844674407370955 - 9223372036854775807)::BIGINT FROM range(10000)`,
    ],
    // Every storage width (int16, int32, int64, int128), scales from none to all digits,
    // the extremes, |v| < 1, and a sweep of each width's range. DuckDB's cast is the oracle.
    ...(
      [
        [4, 0], [4, 2], [4, 4], [9, 0], [9, 3], [9, 9], [18, 0], [18, 1], [18, 6], [18, 18], [38, 0], [38, 10], [38, 37], [38, 38],
      ] as const
    ).map(([width, scale]): [string, string] => {
      const literal = (unscaled: bigint) => {
        const digits = (unscaled < 0n ? -unscaled : unscaled).toString().padStart(width, '0');
        return `${unscaled < 0n ? '-' : ''}${digits.slice(0, width - scale) || '0'}${scale > 0 ? `.${digits.slice(width - scale)}` : ''}`;
      };
      const max = 10n ** BigInt(width) - 1n;
      const values = [max, -max, 0n, 1n, -1n, 5n, -5n, 10n, -10n, 10n ** BigInt(scale), -(10n ** BigInt(scale))];
      for (let k = -50n; k <= 50n; k++) values.push((max * k) / 50n + k);
      // Where a 128-bit DECIMAL's high half stops being the low half's sign (its fast path ends), and where doubles stop being exact.
      for (const edge of [2n ** 53n, 2n ** 63n, 2n ** 64n]) for (const d of [-1n, 0n, 1n]) values.push(edge + d, -(edge + d));
      const listed = values.filter((v) => v <= max && v >= -max).map((v) => `'${literal(v)}'`);
      return ['DECIMAL', `SELECT unnest([${listed.join(', ')}, NULL])::DECIMAL(${width},${scale}) AS v`];
    }),
    [
      'DATE',
      `SELECT ('epoch'::DATE + d::INTEGER)::DATE AS v FROM (SELECT unnest([-2147483646, 2147483646, 0, -1, -719162, -719163, -719528, -719529, -719893, 2932896]) AS d
       UNION ALL SELECT range FROM range(-2147483646, 2147483646, 9999991) UNION ALL SELECT range FROM range(-800000, 80000, 7))
       UNION ALL SELECT unnest(['infinity'::DATE, '-infinity'::DATE, NULL])`,
    ],
    [
      'TIMESTAMP',
      `SELECT make_timestamp(unnest([${micros.join(', ')}])::BIGINT) AS v UNION ALL SELECT unnest(['infinity'::TIMESTAMP, '-infinity'::TIMESTAMP, NULL])`,
    ],
  ];
  for (const [type, sql] of cases) {
    const info = await results.run({ sql: `SELECT v, CAST(v AS VARCHAR) AS s FROM (${sql})`, pageSize: 1_000_000 });
    assert.equal(info.columns[0]!.type.id, type);
    const [ours, duckdb] = info.firstPage.columns;
    assert.ok(ours!.length > 3, type);
    assert.deepEqual(ours, duckdb, type);
    const page = await results.fetch(info.resultId, 0, 1_000_000);
    assert.deepEqual(page.columns[0], page.columns[1], `${type}: page`);
    await results.close(info.resultId);
  }
});

test('pages are packed arrays: they clone densely, and packPage restores that after a clone', async () => {
  const info = await results.run({ sql: `SELECT range AS n, 'r' || range AS s, range % 2 = 0 AS even FROM range(3000)`, pageSize: 0 });
  const page = await results.fetch(info.resultId, 100, 1000);
  // The columns only: a number field may be written as a double or as a small integer.
  const size = v8.serialize(page.columns).length;
  const cloned = v8.deserialize(v8.serialize(page)) as WirePage;
  assert.deepEqual(cloned, page);
  // A holey array is cloned key by key: more bytes (and more time) for the same cells.
  assert.ok(v8.serialize(cloned.columns).length > size * 1.1, 'a clone comes back holey');
  assert.deepEqual(packPage(cloned), page);
  assert.equal(v8.serialize(packPage(cloned).columns).length, size);
  // Unordered rowids take the reordering path; its columns are packed too.
  const sorted = await results.sortFilter(info.resultId, [{ column: 'n', direction: 'desc' }], [], undefined, 0);
  const reordered = await results.fetch(sorted.resultId, 0, 1000);
  assert.equal(v8.serialize(reordered.columns).length, v8.serialize(packPage(reordered).columns).length);
  await results.close(sorted.resultId);
  await results.close(info.resultId);
});

test('NULL and the empty string stay apart', async () => {
  const info = await results.run({ sql: `SELECT '' AS a, NULL::VARCHAR AS b`, pageSize: 10 });
  assert.deepEqual(pageRows(info.firstPage), [['', null]]);
});

test('TIMESTAMPTZ is shown in the profile zone, fractional digits kept', () => {
  assert.equal(formatTimestampTz('2024-01-15 23:30:00.123456+00', 'America/New_York'), '2024-01-15 18:30:00.123456-05:00');
  assert.equal(formatTimestampTz('infinity', 'UTC'), 'infinity');
});

test('scripts split on top-level semicolons only', () => {
  const sql = `SELECT ';' AS "a;b"; -- c;\nSELECT $$x;y$$ /* ; */;  ;SELECT 3`;
  assert.deepEqual(
    splitStatements(sql).map((s) => s.text),
    [`SELECT ';' AS "a;b"`, `-- c;\nSELECT $$x;y$$ /* ; */`, 'SELECT 3'],
  );
  for (const s of splitStatements(sql)) assert.equal(sql.slice(s.offset, s.offset + s.text.length), s.text);
  // Doubled quotes stay inside their literal or identifier; a trailing comment is no statement of its own.
  assert.deepEqual(
    splitStatements(`SELECT 'it''s; fine'; SELECT "a;""b" FROM t;\n-- done;`).map((s) => s.text),
    [`SELECT 'it''s; fine'`, `SELECT "a;""b" FROM t`],
  );
});

test('pages come back in order, also for a result with a column named rowid', async () => {
  for (const sql of ['SELECT range AS n FROM range(300000)', 'SELECT range AS rowid FROM range(300000)']) {
    const info = await results.run({ sql, pageSize: 0 });
    assert.equal(info.totalRows, 300000);
    const page = await results.fetch(info.resultId, 122870, 20);
    assert.deepEqual(pageRows(page).map((r) => r[0]), Array.from({ length: 20 }, (_, i) => String(122870 + i)), sql);
    await results.close(info.resultId);
  }
});

test('a result kept as several slices pages, sorts, filters and exports like one table', async () => {
  // range() yields full 2,048-row chunks, so slices hold 491,520 rows: boundaries at
  // 491,520 and 983,040. Pages of every size straddle them.
  const total = 1_100_000;
  const expect = (from: number, n: number) => Array.from({ length: n }, (_, i) => String(from + i));
  for (const sql of [`SELECT range AS n, 'r' || range AS s FROM range(${total})`, `SELECT range AS rowid, 'r' || range AS s FROM range(${total})`]) {
    const info = await results.run({ sql, pageSize: 0 });
    assert.equal(info.totalRows, total);
    const pages: [number, number][] = [[491_519, 2], [491_000, 1000], [982_000, 10_000], [0, 10_000], [total - 5, 1000], [983_040, 1]];
    for (const [offset, limit] of pages) {
      const page = await results.fetch(info.resultId, offset, limit);
      const n = Math.min(limit, total - offset);
      assert.equal(page.rowCount, n, `${sql} @${offset}`);
      assert.deepEqual(page.columns[0], expect(offset, n), `${sql} @${offset}`);
      assert.deepEqual(page.columns[1], expect(offset, n).map((v) => `r${v}`));
    }
    const col = info.columns[0]!.name;
    const sorted = await results.sortFilter(info.resultId, [{ column: col, direction: 'desc' }], [{ column: col, op: '>=', value: '1000' }], undefined, 0);
    assert.equal(sorted.totalRows, total - 1000);
    const page = await results.fetch(sorted.resultId, 491_000, 1000);
    assert.deepEqual(page.columns[0], expect(total - 1 - 491_000 - 999, 1000).reverse());
    await results.close(sorted.resultId);
    await results.close(info.resultId);
  }
  // Export reads the slices' UNION ALL: every row, in order.
  const info = await results.run({ sql: `SELECT range AS n FROM range(${total})`, pageSize: 0 });
  const { conn, relation } = await results.source(info.resultId);
  const out = path.join(dir, 'slices.csv');
  assert.equal((await exportRelation(conn, store.dir, relation, 'csv', out)).rows, total);
  assert.deepEqual(fs.readFileSync(out, 'utf8').trimEnd().split('\n'), ['n', ...expect(0, total)]);
  // Closing drops every slice (a sorted result shares the connection, so it stays open).
  const temps = async () => Number((await conn.runAndReadAll(`SELECT count(*) FROM duckdb_tables() WHERE temporary`)).getRows()[0]![0]);
  const child = await results.sortFilter(info.resultId, [], [{ column: 'n', op: '<', value: '10' }], undefined, 0);
  assert.equal(await temps(), 4);
  await results.close(info.resultId);
  assert.equal(await temps(), 1);
  await results.close(child.resultId);
});

test('strings DuckDB stores inline (up to 12 bytes) and out of line read back exactly, ASCII or not, NULL apart from empty', async () => {
  // Beside each other in one vector, so that inline ASCII, inline UTF-8 and out-of-line strings share a page.
  const strings = ['', 'a', 'héllo', 'ß', '世界', '🦆', 'exactly12chr', 'thirteen char', 'façade 12b', null, 'customer 976', 'naïve 11b', 'a longer string, out of line'];
  const literal = (v: string | null) => (v === null ? 'NULL' : `'${v.replace(/'/g, "''")}'`);
  const sql = `SELECT v FROM (SELECT unnest([${strings.map(literal).join(', ')}]::VARCHAR[]) AS v, unnest(range(${strings.length})) AS i) ORDER BY i`;
  const info = await results.run({ sql, pageSize: 100 });
  assert.deepEqual(info.firstPage.columns[0], strings);
  assert.deepEqual((await results.fetch(info.resultId, 0, 100)).columns[0], strings);
  await results.close(info.resultId);
});

test('a small result, once kept, pages from memory with no query: the same cells as through its slices, across chunk boundaries', async () => {
  const sql = `SELECT range AS n, CASE WHEN range % 7 = 0 THEN NULL ELSE 'note ' || range END AS s, (range * 7919)::DECIMAL(12,3) AS d,
    TIMESTAMP '2024-01-01' + to_microseconds(range * 999) AS at, range % 2 = 0 AS even, CASE WHEN range % 3 = 0 THEN 'é ' || range ELSE 'x' END AS utf8,
    range::DOUBLE / 3 AS third FROM range(10000)`;
  const inMemory = await results.run({ sql, pageSize: 0 });
  // A UUID column is cast to text in the page's SQL, so this result pages through its slices.
  const sliced = await results.run({ sql: `SELECT *, '0011340b-02f9-4b7e-8d56-6ed846f756ec'::UUID AS u FROM (${sql})`, pageSize: 0 });
  // The last row waits until every row is kept.
  await results.fetch(inMemory.resultId, 9999, 1);
  await results.fetch(sliced.resultId, 9999, 1);
  // Without its slice the result still pages: its rows come from memory.
  const { conn, relation } = await results.source(inMemory.resultId);
  await conn.run(`DROP TABLE ${relation}`);
  for (const [offset, limit] of [[0, 1000], [2047, 2], [1500, 3000], [4095, 1], [9990, 1000], [10000, 5], [5000, 0]] as const) {
    const page = await results.fetch(inMemory.resultId, offset, limit);
    const expected = await results.fetch(sliced.resultId, offset, limit);
    assert.equal(page.rowCount, expected.rowCount, `@${offset}`);
    assert.equal(page.offset, offset);
    assert.deepEqual(page.columns, expected.columns.slice(0, -1), `@${offset}+${limit}`);
  }
  await results.close(inMemory.resultId);
  await results.close(sliced.resultId);
});

test('what memory cannot hold or measure pages through its slices: texts past the cap by their own bytes, nested columns', async () => {
  // 40 texts of 1 MiB: 640 bytes by row and column count, 40 MiB by their bytes (over MEMORY_RESULT_BYTES).
  const big = await results.run({ sql: `SELECT range AS n, repeat('x', 1048576) AS text FROM range(40)`, pageSize: 0 });
  const nested = await results.run({ sql: `SELECT range AS n, [range, NULL] AS list FROM range(100)`, pageSize: 0 });
  for (const info of [big, nested]) {
    await results.fetch(info.resultId, info.totalRows - 1, 1);
    // With its slice dropped, a result kept in memory would still page; these must not.
    const { conn, relation } = await results.source(info.resultId);
    await conn.run(`DROP TABLE ${relation}`);
    await assert.rejects(results.fetch(info.resultId, 0, 10));
    await results.close(info.resultId);
  }
});
