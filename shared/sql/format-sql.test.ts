import assert from 'node:assert/strict';
import { test } from 'node:test';
import { formatSql } from './format-sql.js';
import { tokenizeSql } from './sql-tokens.js';

/** Tokens other than whitespace, reserved words compared without case. */
const meaning = (sql: string) =>
  tokenizeSql(sql)
    .filter((t) => t.kind !== 'space')
    .map((t) => (t.kind === 'word' ? t.text.toLowerCase() : t.text));

const SAMPLES = [
  'select id, region, sum(amount) as total from sales_q1 where amount > 10 and region in (\'north\', \'south\') or flag group by id, region having count(*) > 1 order by total desc limit 10',
  "with a as (select * from t where x between 1 and 5 and y = -1), b as (select 1) select a.*, b.* from a left join b on a.id = b.id and a.k = b.k",
  "SELECT 'keep   THIS; select' AS \"Mixed Case\", -- a note, kept\n  CAST(x AS INTEGER)::VARCHAR, [1, 2][1] FROM t; select 2",
  'select * from (select id from t where id in (select id from u)) s',
  "insert into t (a, b) values (1, 'x'), (2, 'y')",
  '/* header */ select count(*) filter (where x > 0) over (partition by g order by t rows between unbounded preceding and current row) from t',
];

test('formatting changes only whitespace and the case of reserved words', () => {
  for (const sql of SAMPLES) assert.deepEqual(meaning(formatSql(sql)), meaning(sql), sql);
});

test('strings, quoted names and comments stay exactly as written', () => {
  const out = formatSql(SAMPLES[2]!);
  assert.match(out, /'keep {3}THIS; select'/);
  assert.match(out, /"Mixed Case"/);
  // A line comment after a list item stays on that item's line.
  assert.match(out, /"Mixed Case", -- a note, kept\n {2}CAST/);
  assert.match(out, /\[1, 2\]\[1\]/);
});

test('clauses start lines, list items and conditions get their own lines, subqueries indent', () => {
  assert.equal(
    formatSql('select id, region from sales where a = 1 and b between 2 and 3 order by id'),
    ['SELECT id,', '  region', 'FROM sales', 'WHERE a = 1', '  AND b BETWEEN 2 AND 3', 'ORDER BY id'].join('\n'),
  );
  assert.equal(
    formatSql('select * from (select id from t) s left outer join u on s.id = u.id'),
    ['SELECT *', 'FROM (', '  SELECT id', '  FROM t', ') s', 'LEFT OUTER JOIN u ON s.id = u.id'].join('\n'),
  );
  assert.equal(formatSql('select count(*), sum(-x) , f( a,b ) from t'), 'SELECT count(*),\n  sum(-x),\n  f(a, b)\nFROM t');
});

test('statements are separated by a blank line; formatting is idempotent', () => {
  assert.equal(formatSql('select 1;select 2;'), 'SELECT 1;\n\nSELECT 2;');
  for (const sql of SAMPLES) assert.equal(formatSql(formatSql(sql)), formatSql(sql), sql);
});
