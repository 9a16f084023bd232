import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emptyPage, formatCell, packPage, pageRow, pageRows, slicePage, type WirePage, type WireType } from './wire.js';

const page: WirePage = { offset: 100, rowCount: 3, columns: [['a', 'b', 'c'], ['1', null, '3']] };

test('pages: rows, slices and empty pages keep the column-major shape', () => {
  assert.deepEqual(pageRow(page, 1), ['b', null]);
  assert.deepEqual(pageRows(page), [['a', '1'], ['b', null], ['c', '3']]);
  assert.deepEqual(slicePage(page, 1, 3), { offset: 101, rowCount: 2, columns: [['b', 'c'], [null, '3']] });
  assert.deepEqual(slicePage(page, -4, 99), page);
  assert.deepEqual(slicePage(page, 2, 1), { offset: 102, rowCount: 0, columns: [[], []] });
  assert.deepEqual(emptyPage(7, 2), { offset: 7, rowCount: 0, columns: [[], []] });
});

test('packPage fills holes with null and copies', () => {
  const holey: WirePage = { offset: 0, rowCount: 2, columns: [new Array(2)] };
  const packed = packPage(holey);
  assert.deepEqual(packed.columns, [[null, null]]);
  assert.notEqual(packed.columns[0], holey.columns[0]);
});

test('formatCell: nested values in DuckDB literal style, NULL text, BLOB preview, time zones', () => {
  const varchar: WireType = { id: 'VARCHAR', sql: 'VARCHAR' };
  const list: WireType = { id: 'LIST', sql: 'VARCHAR[]', child: varchar };
  const struct: WireType = { id: 'STRUCT', sql: 'STRUCT', fields: [{ name: "it's", type: list }, { name: 'n', type: { id: 'INTEGER', sql: 'INTEGER' } }] };
  assert.equal(formatCell(struct, [["O'Hara", null], '2']), "{'it''s': ['O''Hara', NULL], 'n': 2}");
  assert.equal(formatCell(varchar, "O'Hara"), "O'Hara");
  assert.equal(formatCell(varchar, null, { nullText: '' }), '');
  const map: WireType = { id: 'MAP', sql: 'MAP', key: varchar, value: { id: 'BOOLEAN', sql: 'BOOLEAN' } };
  assert.equal(formatCell(map, [['k', true]]), "{'k'=true}");
  assert.equal(formatCell({ id: 'BLOB', sql: 'BLOB' }, '00ff10', { blobPreviewBytes: 2 }), '00 ff …');
  const tz: WireType = { id: 'TIMESTAMP_TZ', sql: 'TIMESTAMP WITH TIME ZONE' };
  assert.equal(formatCell(tz, '2026-01-01 00:00:00+00'), '2026-01-01 00:00:00+00');
  assert.equal(formatCell(tz, '2026-01-01 00:00:00.25+00', { timeZone: 'Asia/Tokyo' }), '2026-01-01 09:00:00.25+09:00');
  assert.equal(formatCell(tz, 'infinity', { timeZone: 'Asia/Tokyo' }), 'infinity');
});
