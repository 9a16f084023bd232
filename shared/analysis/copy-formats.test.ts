import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireCell, WireColumn } from '../wire.js';
import { formatCopy, type CopyBlock } from './copy-formats.js';

const columns: WireColumn[] = [
  { name: 'id', type: { id: 'BIGINT', sql: 'BIGINT' } },
  { name: 'name', type: { id: 'VARCHAR', sql: 'VARCHAR' } },
  { name: 'amount', type: { id: 'DECIMAL', sql: 'DECIMAL(38,2)', width: 38, scale: 2 } },
];
const rows: WireCell[][] = [
  ['9007199254740993', 'plain', '123456789012345678901234567890123456.78'],
  ['-1', 'tab\there, "quoted"\nnewline | pipe', null],
  ['2', '', '0.50'],
];
const block = (over: Partial<CopyBlock> = {}): CopyBlock => ({ columns, rows, timeZone: 'UTC', header: false, ...over });

test('TSV pastes into spreadsheets: quoted when needed, NULL empty, every digit kept', () => {
  assert.equal(
    formatCopy('tsv', block()),
    '9007199254740993\tplain\t123456789012345678901234567890123456.78\r\n-1\t"tab\there, ""quoted""\nnewline | pipe"\t\r\n2\t\t0.50',
  );
  assert.ok(formatCopy('tsv', block({ header: true })).startsWith('id\tname\tamount\r\n'));
});

test('CSV always names the columns and quotes commas, quotes and line breaks', () => {
  const csv = formatCopy('csv', block());
  assert.equal(csv.split('\r\n')[0], 'id,name,amount');
  assert.ok(csv.includes('-1,"tab\there, ""quoted""\nnewline | pipe",\r\n'));
});

test('Markdown escapes pipes and line breaks, right-aligns numbers and writes NULL', () => {
  const md = formatCopy('markdown', block()).split('\n');
  assert.equal(md[0], '| id | name | amount |');
  assert.equal(md[1], '| --: | --- | --: |');
  assert.equal(md[3], '| -1 | tab\there, "quoted"<br>newline \\| pipe | NULL |');
  assert.equal(md.length, 5);
});

test('JSON writes numbers from their digits (no rounding), NULL as null, text as strings', () => {
  const text = formatCopy('json', block());
  assert.ok(text.includes('"id": 9007199254740993'));
  assert.ok(text.includes('"amount": 123456789012345678901234567890123456.78'));
  assert.ok(text.includes('"amount": null'));
  const parsed = JSON.parse(text) as Record<string, unknown>[];
  assert.equal(parsed.length, 3);
  assert.equal(parsed[1]!.name, 'tab\there, "quoted"\nnewline | pipe');
  assert.equal(formatCopy('json', block({ rows: [] })), '[]');
});

test('JSON of nested values and non-finite doubles stays valid', () => {
  const nested: CopyBlock = {
    columns: [
      { name: 'l', type: { id: 'LIST', sql: 'INTEGER[]', child: { id: 'INTEGER', sql: 'INTEGER' } } },
      { name: 's', type: { id: 'STRUCT', sql: 'STRUCT(a INTEGER)', fields: [{ name: 'a', type: { id: 'INTEGER', sql: 'INTEGER' } }] } },
      { name: 'd', type: { id: 'DOUBLE', sql: 'DOUBLE' } },
      { name: 'b', type: { id: 'BOOLEAN', sql: 'BOOLEAN' } },
    ],
    rows: [[['1', null], ['7'], 'NaN', true]],
    timeZone: 'UTC',
    header: false,
  };
  assert.deepEqual(JSON.parse(formatCopy('json', nested)), [{ l: [1, null], s: { a: 7 }, d: 'NaN', b: true }]);
});

test('SQL IN-list: numbers bare, text quoted with doubled quotes, each value once, NULL kept', () => {
  const one = (j: number): CopyBlock => ({ ...block(), columns: [columns[j]!], rows: rows.map((r) => [r[j]!]) });
  assert.equal(formatCopy('sql-in', one(0)), '(9007199254740993, -1, 2)');
  assert.equal(formatCopy('sql-in', one(2)), '(123456789012345678901234567890123456.78, NULL, 0.50)');
  const names: CopyBlock = { ...one(1), rows: [["O'Brien"], ['x'], ["O'Brien"]] };
  assert.equal(formatCopy('sql-in', names), "('O''Brien', 'x')");
});
