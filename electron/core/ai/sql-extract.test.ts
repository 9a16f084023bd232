// Finding the SQL in the shapes models answer in, and finding none in prose.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { extractSql } from './sql-extract.js';
import { givesEach } from '../testing/case-table.js';

test('a ```sql block inside prose: its body', () =>
  givesEach(extractSql, [
    ['Sure!\n```sql\nSELECT 1 AS one;\n```\nThis returns one.', 'SELECT 1 AS one;'],
    ['```SQL\nselect * from t\n```', 'select * from t'],
    ['```duckdb\nFROM t\n```', 'FROM t'],
  ]));

test('the first SQL block wins over a later one; a bare ``` block counts when it holds SQL', () =>
  givesEach(extractSql, [
    ['```sql\nSELECT 1\n```\nor\n```sql\nSELECT 2\n```', 'SELECT 1'],
    ['```\nWITH x AS (SELECT 1) SELECT * FROM x\n```', 'WITH x AS (SELECT 1) SELECT * FROM x'],
    ['```python\nprint(1)\n```', null],
  ]));

test('an unterminated block (a stream cut short) still yields what it holds', () => {
  assert.equal(extractSql('```sql\nSELECT 1'), 'SELECT 1');
});

test('bare SQL, alone or after a line of prose, up to its semicolon', () =>
  givesEach(extractSql, [
    ['SELECT a, b\nFROM t\nWHERE a > 1', 'SELECT a, b\nFROM t\nWHERE a > 1'],
    ['Here you go:\nSELECT count(*) FROM t; This counts rows.', 'SELECT count(*) FROM t;'],
    ['select region, sum(x) from sales group by 1', 'select region, sum(x) from sales group by 1'],
  ]));

test('thinking aloud is not the answer', () => {
  assert.equal(extractSql('<think>\nSELECT wrong FROM t\n</think>\n```sql\nSELECT right FROM t\n```'), 'SELECT right FROM t');
  assert.equal(extractSql('<think>\nSELECT * FROM t\n</think>\nI cannot tell from these tables.'), null);
});

test('prose, even prose that starts with a SQL word, is no SQL', () => {
  for (const prose of ['', 'I cannot answer that from these tables.', 'Select a table first.', 'Show me the data, please!', 'From what you describe: no.', 'With pleasure, but which table?']) {
    assert.equal(extractSql(prose), null, prose);
  }
});
