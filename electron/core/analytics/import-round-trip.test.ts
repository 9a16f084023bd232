// Import round trips: a file written from known fields imports (and previews) as
// exactly those fields — an empty string stays apart from NULL, quotes, separators and
// line breaks inside fields survive, in every dialect variant a CSV writer produces.
import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import type { ImportOutcome } from '../../../shared/analysis/analytics.js';
import { pageRows, type WireCell } from '../../../shared/wire.js';
import type { HostInput } from '../storage/worker-protocol.js';
import { duckdbKit } from '../testing/duckdb-kit.js';

type Field = string | null;

const kit = duckdbKit();
const { files } = kit;
let fileNo = 0;

interface Dialect {
  delimiter: ',' | '\t';
  newline: '\n' | '\r\n';
  bom: boolean;
  /** Quote every non-NULL field, not only those that need it. */
  quoteAll: boolean;
}

/** A field as a careful CSV writer puts it: NULL unquoted and empty, '' as `""`. */
function writeField(f: Field, d: Dialect): string {
  if (f === null) return '';
  const needsQuotes = d.quoteAll || f === '' || f.includes('"') || f.includes(d.delimiter) || /[\r\n]/.test(f);
  return needsQuotes ? `"${f.replace(/"/g, '""')}"` : f;
}

function writeFile(header: readonly string[], rows: readonly (readonly Field[])[], d: Dialect): string {
  const line = (fields: readonly Field[]) => fields.map((f) => writeField(f, d)).join(d.delimiter);
  const text = [line(header), ...rows.map(line)].map((l) => l + d.newline).join('');
  const name = `rt-${++fileNo}.${d.delimiter === '\t' ? 'tsv' : 'csv'}`;
  const p = path.join(files, name);
  fs.writeFileSync(p, d.bom ? `\uFEFF${text}` : text);
  return p;
}

const imported = (o: ImportOutcome) => {
  assert.equal(o.status, 'imported', JSON.stringify(o));
  return o as Extract<ImportOutcome, { status: 'imported' }>;
};

async function tableRows(table: string): Promise<{ names: string[]; rows: WireCell[][] }> {
  const info = await kit.results.run({ sql: `SELECT * FROM "${table}"`, pageSize: 1000 });
  await kit.results.close(info.resultId);
  return { names: info.columns.map((c) => c.name), rows: pageRows(info.firstPage) };
}

/** Import options as the contract parses them. */
type ImportSettings = NonNullable<HostInput<'startImport'>['options']>;

/** Imports the file and checks preview and table against the fields, field by field. */
async function roundTrip(p: string, header: readonly string[], rows: readonly (readonly Field[])[], options: ImportSettings = {}) {
  const preview = await kit.imports.preview(p, options);
  assert.deepEqual(preview.columns.map((c) => c.name), header, `preview names of ${path.basename(p)}`);
  assert.deepEqual(pageRows(preview.page), rows, `preview rows of ${path.basename(p)}`);
  const o = imported(await kit.imports.start({ path: p, options, onConflict: 'rename', badRows: 'abort' }));
  assert.equal(o.rows, rows.length);
  assert.equal(o.rejected, null);
  const table = await tableRows(o.table);
  assert.deepEqual(table.names, header);
  assert.deepEqual(table.rows, rows, `table rows of ${path.basename(p)}`);
}

const HEADER = ['id', 'text', 'other'];
const ROWS: Field[][] = [
  ['1', '', null],
  ['2', null, ''],
  ['3', 'say "hi"', 'a, b'],
  ['4', 'line\nbreak', 'crlf\r\ninside'],
  [null, 'Zoë 🦆 日本語', '""'],
  ['6', 'tab\there', '"'],
  ['7', ' padded ', 'NULL'],
  ['8', '', ''],
];

for (const delimiter of [',', '\t'] as const) {
  for (const newline of ['\n', '\r\n'] as const) {
    for (const bom of [false, true]) {
      for (const quoteAll of [false, true]) {
        const d: Dialect = { delimiter, newline, bom, quoteAll };
        const label = `${delimiter === ',' ? 'CSV' : 'TSV'}, ${newline === '\n' ? 'LF' : 'CRLF'}${bom ? ', BOM' : ''}${quoteAll ? ', all quoted' : ''}`;
        test(`round trip: ${label}`, async () => {
          await roundTrip(writeFile(HEADER, ROWS, d), HEADER, ROWS);
        });
      }
    }
  }
}

test('a column of only quoted and unquoted empty fields keeps both', async () => {
  const rows: Field[][] = [[''], [null], [''], [null]];
  await roundTrip(writeFile(['e'], rows, { delimiter: ',', newline: '\n', bom: false, quoteAll: false }), ['e'], rows);
});

test('a header-only file imports as an empty table with its columns', async () => {
  for (const bom of [false, true]) {
    await roundTrip(writeFile(['a', 'b c', 'd'], [], { delimiter: ',', newline: '\r\n', bom, quoteAll: false }), ['a', 'b c', 'd'], []);
  }
});

test('the NULL marker is configurable; a quoted marker is text, an unquoted empty field then is too', async () => {
  const p = path.join(files, 'marker.csv');
  fs.writeFileSync(p, 'a,b\nNA,"NA"\n,""\nx,NA\n');
  const o = imported(await kit.imports.start({ path: p, options: { csv: { nullString: 'NA' } }, onConflict: 'error', badRows: 'abort' }));
  assert.deepEqual((await tableRows(o.table)).rows, [
    [null, 'NA'],
    ['', ''],
    ['x', null],
  ]);
});

test('ragged rows are reported as rejected rows; the others import field by field', async () => {
  const good: Field[][] = [
    ['1', ''],
    ['2', null],
    ['5', 'five, with comma'],
  ];
  const p = path.join(files, 'ragged.csv');
  fs.writeFileSync(p, 'n,s\n1,""\n2,\n3\n4,"x",extra\n5,"five, with comma"\n');
  const refused = await kit.imports.start({ path: p, onConflict: 'error', badRows: 'abort' });
  assert.equal(refused.status, 'rejected', JSON.stringify(refused));
  assert.equal(refused.rejected?.rows, 2);
  assert.deepEqual(refused.rejected?.byType, { 'MISSING COLUMNS': 1, 'TOO MANY COLUMNS': 1 });
  assert.deepEqual(
    refused.rejected?.samples.map((s) => s.line),
    [4, 5],
  );
  const o = imported(await kit.imports.start({ path: p, table: 'ragged_ok', onConflict: 'error', badRows: 'skip' }));
  assert.equal(o.rejected?.rows, 2);
  assert.equal(o.rows, good.length);
  assert.deepEqual((await tableRows(o.table)).rows, good);
});

test('JSON, NDJSON and Parquet keep "" apart from null', async () => {
  const json = path.join(files, 'values.json');
  fs.writeFileSync(json, '[{"a":"","b":null},{"a":null,"b":""},{"a":"x","b":"\\"\\""}]');
  const ndjson = path.join(files, 'values.ndjson');
  fs.writeFileSync(ndjson, '{"a":"","b":null}\n{"a":null,"b":""}\n{"a":"x","b":"\\"\\""}\n');
  const expected: Field[][] = [
    ['', null],
    [null, ''],
    ['x', '""'],
  ];
  await roundTrip(json, ['a', 'b'], expected);
  await roundTrip(ndjson, ['a', 'b'], expected);
  // A Parquet file written by DuckDB itself, outside the profile, from the same values.
  const parquet = path.join(files, 'values.parquet');
  const scratch = await (await import('@duckdb/node-api')).DuckDBInstance.create(':memory:');
  const conn = await scratch.connect();
  await conn.run(
    `COPY (SELECT * FROM (VALUES ('', NULL), (NULL, ''), ('x', '""')) t(a, b)) TO '${parquet.replace(/'/g, "''")}' (FORMAT parquet)`,
  );
  conn.closeSync();
  scratch.closeSync();
  await roundTrip(parquet, ['a', 'b'], expected);
});
