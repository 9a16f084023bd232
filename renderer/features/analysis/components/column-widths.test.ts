import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireColumn } from '../../../../shared/wire.js';
import { initialWidths } from './column-widths.js';

const column = (name: string, id: 'BIGINT' | 'VARCHAR' | 'INTEGER'): WireColumn => ({ name, type: { id, sql: id } } as WireColumn);
const widthOf = (col: WireColumn, cells: string[]) => initialWidths([col], { offset: 0, rowCount: cells.length, columns: [cells] }, 'UTC')[0]!;

test('a number column starts wide enough for its sampled digits and the separators drawn between them', () => {
  // 16 digits and 5 drawn separators: 9,007,199,254,740,993.
  const big = widthOf(column('b', 'BIGINT'), ['9007199254740993', '2000006']);
  const sameLengthText = widthOf(column('b', 'VARCHAR'), ['9007199254740993']);
  assert.ok(big >= sameLengthText + 5 * 7, `${big} vs ${sameLengthText}`);
  // Four digits are never grouped (a year), so they get no extra room.
  assert.equal(widthOf(column('y', 'INTEGER'), ['2024']), widthOf(column('y', 'VARCHAR'), ['2024']));
  // Text is not widened for separators it never shows.
  assert.equal(widthOf(column('t', 'VARCHAR'), ['12345678901234567890']), widthOf(column('t', 'VARCHAR'), ['abcdefghijabcdefghij']));
});
