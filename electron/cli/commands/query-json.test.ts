// enclave query --format json / ndjson: natural JSON per DuckDB type family, read back
// with a lossless parser (numbers kept as their literal text, so a lost digit, a number
// written as a string or a string written as a number all fail).
import assert from 'node:assert/strict';
import { before, test } from 'node:test';
import { cliTestBed } from '../testing/cli-test-bed.js';

// A zone with a half-hour offset and summer time: TIMESTAMPTZ must carry the offset of
// its own instant. The profile's zone is this process's zone.
process.env.TZ = 'America/St_Johns';

const { ok } = cliTestBed('cli-query-json');
const query = (sql: string, format: string) => ok(['query', '--profile', 'Jo', sql, '--format', format]);

before(async () => {
  await ok(['profile', 'create', 'Jo']);
});

/** A JSON value with numbers as their literal text and objects as ordered entries. */
type J = null | boolean | string | { num: string } | J[] | { obj: [string, J][] };
const N = (text: string): J => ({ num: text });
const O = (...entries: [string, J][]): J => ({ obj: entries });

/** Parses one JSON text without ever turning a number into a double. Throws on anything not JSON. */
function parseLossless(text: string): J {
  let i = 0;
  const ws = () => {
    while (/[ \t\r\n]/.test(text[i] ?? '')) i++;
  };
  const expect = (s: string) => {
    if (!text.startsWith(s, i)) throw new SyntaxError(`expected ${s} at ${i}: ${text.slice(i, i + 20)}`);
    i += s.length;
  };
  const string = (): string => {
    // eslint-disable-next-line no-control-regex -- JSON strings may not hold raw control characters
    const m = /^"(?:[^"\\\u0000-\u001f]|\\(?:["\\/bfnrt]|u[0-9a-fA-F]{4}))*"/.exec(text.slice(i));
    if (!m) throw new SyntaxError(`bad string at ${i}`);
    i += m[0].length;
    return JSON.parse(m[0]) as string;
  };
  const value = (): J => {
    ws();
    const c = text[i];
    let v: J;
    if (c === '{') {
      i++;
      const entries: [string, J][] = [];
      ws();
      if (text[i] === '}') i++;
      else {
        for (;;) {
          ws();
          const k = string();
          ws();
          expect(':');
          entries.push([k, value()]);
          ws();
          if (text[i] === ',') i++;
          else {
            expect('}');
            break;
          }
        }
      }
      v = { obj: entries };
    } else if (c === '[') {
      i++;
      const items: J[] = [];
      ws();
      if (text[i] === ']') i++;
      else {
        for (;;) {
          items.push(value());
          ws();
          if (text[i] === ',') i++;
          else {
            expect(']');
            break;
          }
        }
      }
      v = items;
    } else if (c === '"') v = string();
    else if (/^(true|false|null)/.test(text.slice(i, i + 5))) {
      const word = /^(true|false|null)/.exec(text.slice(i, i + 5))![1]!;
      i += word.length;
      v = word === 'null' ? null : word === 'true';
    } else {
      const m = /^-?(0|[1-9]\d*)(\.\d+)?([eE][+-]?\d+)?/.exec(text.slice(i));
      if (!m) throw new SyntaxError(`bad value at ${i}: ${text.slice(i, i + 20)}`);
      i += m[0].length;
      v = { num: m[0] };
    }
    ws();
    return v;
  };
  const v = value();
  if (i !== text.length) throw new SyntaxError(`trailing text at ${i}`);
  return v;
}

/** The single row of `SELECT …` as an ordered object, checked against --format ndjson too. */
async function row(selectList: string): Promise<J> {
  const sql = `SELECT ${selectList}`;
  const json = parseLossless(await query(sql, 'json'));
  assert.ok(Array.isArray(json) && json.length === 1, JSON.stringify(json));
  const nd = await query(sql, 'ndjson');
  assert.ok(nd.endsWith('\n') && nd.split('\n').length === 2, `one line: ${nd}`);
  assert.deepEqual(parseLossless(nd), json[0]);
  return json[0]!;
}

test('the lossless parser keeps digits, tells numbers from strings, and refuses non-JSON', () => {
  assert.deepEqual(parseLossless('[9007199254740993, "9007199254740993", 1.50]'), [N('9007199254740993'), '9007199254740993', N('1.50')]);
  for (const bad of ['NaN', '01', '{"a":1,}', '[1 2]', "'x'", '1.', '.5']) assert.throws(() => parseLossless(bad), SyntaxError, bad);
});

test('integers of every width: number literals with every digit', async () => {
  assert.deepEqual(
    await row(`42::TINYINT a, (-32768)::SMALLINT b, 2147483647::INTEGER c, 9007199254740993::BIGINT d, (-9223372036854775808)::BIGINT e,
      170141183460469231731687303715884105727::HUGEINT f, (-170141183460469231731687303715884105728)::HUGEINT g,
      255::UTINYINT h, 18446744073709551615::UBIGINT i, 340282366920938463463374607431768211455::UHUGEINT j,
      '123456789012345678901234567890123456789012345'::BIGNUM k, NULL::BIGINT n`),
    O(
      ['a', N('42')],
      ['b', N('-32768')],
      ['c', N('2147483647')],
      ['d', N('9007199254740993')],
      ['e', N('-9223372036854775808')],
      ['f', N('170141183460469231731687303715884105727')],
      ['g', N('-170141183460469231731687303715884105728')],
      ['h', N('255')],
      ['i', N('18446744073709551615')],
      ['j', N('340282366920938463463374607431768211455')],
      ['k', N('123456789012345678901234567890123456789012345')],
      ['n', null],
    ),
  );
});

test('DECIMAL: every digit and the scale; DOUBLE/FLOAT shortest round trip; NaN and infinities as strings', async () => {
  assert.deepEqual(
    await row(`123456789012345678901234567890123456.78::DECIMAL(38,2) a, -0.05::DECIMAL(4,2) b, 1.50::DECIMAL(5,2) c,
      0.1::DOUBLE d, (1/3)::DOUBLE e, 1e300::DOUBLE f, 5e-324::DOUBLE g, 0.1::FLOAT h, 16777217::FLOAT i,
      'NaN'::DOUBLE j, 'inf'::DOUBLE k, '-inf'::FLOAT l, 9007199254740993::DOUBLE m`),
    O(
      ['a', N('123456789012345678901234567890123456.78')],
      ['b', N('-0.05')],
      ['c', N('1.50')],
      ['d', N('0.1')],
      ['e', N('0.3333333333333333')],
      ['f', N('1e+300')],
      ['g', N('5e-324')],
      ['h', N('0.1')],
      ['i', N('16777216')],
      ['j', 'NaN'],
      ['k', 'Infinity'],
      ['l', '-Infinity'],
      ['m', N('9007199254740992')],
    ),
  );
});

test('BOOLEAN, text, UUID, ENUM label and BLOB as base64', async () => {
  assert.deepEqual(
    await row(`true a, false b, 'say "hi"\n\ttab ''q'' Zoë 🦆' c, '' d, '42' e, 'null' f,
      '0b2d3b2e-7f2a-4c8e-9a55-5d1e7d2f3a10'::UUID g, 'sad'::ENUM('sad', 'happy') h,
      '\\xAA\\xBB\\x00'::BLOB i, 'hello'::BLOB j, ''::BLOB k`),
    O(
      ['a', true],
      ['b', false],
      ['c', 'say "hi"\n\ttab \'q\' Zoë 🦆'],
      ['d', ''],
      ['e', '42'],
      ['f', 'null'],
      ['g', '0b2d3b2e-7f2a-4c8e-9a55-5d1e7d2f3a10'],
      ['h', 'sad'],
      ['i', Buffer.from([0xaa, 0xbb, 0]).toString('base64')],
      ['j', Buffer.from('hello').toString('base64')],
      ['k', ''],
    ),
  );
});

test('LIST, ARRAY, STRUCT with its keys, MAP as an object or as key/value pairs, UNION as its value', async () => {
  assert.deepEqual(
    await row(`[1, 2, NULL]::INT[] a, []::INT[] b, [1.5, 2]::DOUBLE[2] c, [[1], [2, 3]] d,
      {'k': 1, 'name': 'x', 'big': 9007199254740993::BIGINT, 'none': NULL::INT} e, {'inner': {'l': [true]}} f,
      MAP {'a': 1, 'b': NULL::INT} g, MAP {1: 'one', 2: 'two'} h, MAP {'k': [1]}::MAP(VARCHAR, INT[]) i,
      union_value(n := 2)::UNION(n INT, s VARCHAR) j, [{'x': 1}] k`),
    O(
      ['a', [N('1'), N('2'), null]],
      ['b', []],
      ['c', [N('1.5'), N('2')]],
      ['d', [[N('1')], [N('2'), N('3')]]],
      ['e', O(['k', N('1')], ['name', 'x'], ['big', N('9007199254740993')], ['none', null])],
      ['f', O(['inner', O(['l', [true]])])],
      ['g', O(['a', N('1')], ['b', null])],
      ['h', [O(['key', N('1')], ['value', 'one']), O(['key', N('2')], ['value', 'two'])]],
      ['i', O(['k', [N('1')]])],
      ['j', N('2')],
      ['k', [O(['x', N('1')])]],
    ),
  );
});

test('dates, times and timestamps as ISO 8601; TIMESTAMPTZ with the offset of its instant', async () => {
  assert.deepEqual(
    await row(`DATE '2024-02-29' a, DATE '0044-03-15 (BC)' b, 'infinity'::DATE c, TIME '12:34:56.789' d,
      TIMETZ '12:00:00+05:30' e, TIMESTAMP '2024-01-02 03:04:05.123456' f, TIMESTAMP_NS '2024-01-01 00:00:00.123456789' g,
      TIMESTAMP_S '2024-01-01 10:00:00' h, TIMESTAMPTZ '2024-07-01 12:00:00.5+00' i, TIMESTAMPTZ '2024-01-15 12:00:00+00' j,
      DATE '12000-01-01' k, TIMESTAMP '0001-01-01 00:00:00' l`),
    O(
      ['a', '2024-02-29'],
      ['b', '-000043-03-15'],
      ['c', 'infinity'],
      ['d', '12:34:56.789'],
      ['e', '12:00:00+05:30'],
      ['f', '2024-01-02T03:04:05.123456'],
      ['g', '2024-01-01T00:00:00.123456789'],
      ['h', '2024-01-01T10:00:00'],
      ['i', '2024-07-01T09:30:00.5-02:30'],
      ['j', '2024-01-15T08:30:00-03:30'],
      ['k', '+012000-01-01'],
      ['l', '0001-01-01T00:00:00'],
    ),
  );
});

test('INTERVAL as an ISO 8601 duration, each part with its own sign', async () => {
  assert.deepEqual(
    await row(`INTERVAL '1 year 2 months 3 days 04:05:06.5' a, INTERVAL '0 days' b, -INTERVAL '36 hours' c,
      INTERVAL '-1 month 2 days' d, INTERVAL '90 seconds' e, INTERVAL '1 microsecond' f, INTERVAL '14 months' g`),
    O(
      ['a', 'P1Y2M3DT4H5M6.5S'],
      ['b', 'PT0S'],
      ['c', 'PT-36H'],
      ['d', 'P-1M2D'],
      ['e', 'PT1M30S'],
      ['f', 'PT0.000001S'],
      ['g', 'P1Y2M'],
    ),
  );
});

test('json is an array, ndjson one object per line; both empty for no rows; keys in column order', async () => {
  const sql = 'SELECT range AS i, range::VARCHAR AS s FROM range(3)';
  assert.equal(await query(sql, 'json'), '[\n  {"i":0,"s":"0"},\n  {"i":1,"s":"1"},\n  {"i":2,"s":"2"}\n]\n');
  assert.equal(await query(sql, 'ndjson'), '{"i":0,"s":"0"}\n{"i":1,"s":"1"}\n{"i":2,"s":"2"}\n');
  assert.equal(await query('SELECT 1 AS x WHERE false', 'json'), '[]\n');
  assert.equal(await query('SELECT 1 AS x WHERE false', 'ndjson'), '');
});

test('the example from the issue', async () => {
  assert.equal(
    await query("select [1,2]::INT[] l, {'k': 1} s, 42 i, 1.5::DOUBLE f", 'json'),
    '[\n  {"l":[1,2],"s":{"k":1},"i":42,"f":1.5}\n]\n',
  );
});
