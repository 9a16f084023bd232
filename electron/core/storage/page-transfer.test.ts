// Result pages cross the host boundary compactly and come back cell for cell, through
// V8's structured clone as the fork channel ('advanced' serialization) does it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import { packPage, type WireCell, type WirePage } from '../../../shared/wire.js';
import { decodeReplyValue, encodeReplyValue } from './page-transfer.js';

const across = (value: unknown) => decodeReplyValue(v8.deserialize(v8.serialize(encodeReplyValue(value))));

const page: WirePage = {
  offset: 40,
  rowCount: 5,
  columns: [
    ['1', '-0.0', '9007199254740993', null, ''],
    ['', 'émoji 🦆 and ✓', 'a\u0000b', 'line\nbreak', null],
    [true, false, null, true, false],
    [['1', null], [], null, [['nested']], ['x']],
    [null, null, null, null, null],
  ],
};

test('a page comes back cell for cell: empty strings, NULLs, booleans, astral characters, nested cells', () => {
  const back = across(page) as WirePage;
  assert.deepEqual(back, page);
  // Booleans stay booleans and empty strings stay apart from NULL.
  assert.equal(back.columns[0]![4], '');
  assert.equal(back.columns[0]![3], null);
  assert.equal(back.columns[2]![1], false);
});

test('scalar columns travel as one string and lengths, not as a cell each', () => {
  const sent = encodeReplyValue(page) as { compact: unknown[] };
  assert.ok(!('columns' in sent));
  assert.equal(typeof (sent.compact[1] as { text: string }).text, 'string');
  assert.ok(Array.isArray(sent.compact[3]), 'a nested column travels as it is');
});

test('cells at the edges of each width of lengths (127/128, 32767/32768 characters) come back whole', () => {
  for (const n of [127, 128, 32767, 32768, 70000]) {
    const long: WirePage = { offset: 0, rowCount: 3, columns: [['x'.repeat(n), null, 'é'.repeat(n - 1)], [true, 'y'.repeat(n), false]] };
    assert.deepEqual(across(long), long, `${n} characters`);
  }
});

test('a page inside a reply (firstPage, page) round-trips with the rest of the reply', () => {
  const info = { resultId: 'r1', totalRows: 5, columns: [{ name: 'a', type: { id: 'VARCHAR' } }], firstPage: page, when: new Date(0) };
  assert.deepEqual(across(info), info);
  const preview = { page, rejects: 0 };
  assert.deepEqual(across(preview), preview);
});

test('values that only look like pages are left alone', () => {
  const cells: WireCell[][] = [['a'], ['b']];
  for (const value of [
    { offset: 0, rowCount: 1, columns: cells, extra: 'kept' },
    { rowCount: 2, columns: [{ name: 'x' }] },
    [page],
    null,
    'text',
    42,
  ]) {
    assert.deepEqual(across(value), value);
  }
});

test('every column main receives is packed, nested ones too: it clones to the renderer densely without packPage', () => {
  const back = across(page) as WirePage;
  // A holey array (as a structured clone hands back) serialises key by key, larger than packed.
  assert.equal(v8.serialize(back.columns).length, v8.serialize(packPage(back).columns).length);
});
