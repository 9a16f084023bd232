// Result pages cross the host boundary compactly and come back cell for cell, through
// V8's structured clone as the fork channel ('advanced' serialization) does it.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import v8 from 'node:v8';
import { packPage, type WireCell, type WirePage } from '../../../shared/wire.js';
import { decodeReplyValue, encodedForm, encodeReplyValue, lazyPage } from './page-transfer.js';

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

test('a page in bytes (page-bytes.ts) travels as its bytes and comes back cell for cell', () => {
  const bytes = new TextEncoder().encode('12-3ab');
  const encoded = { offset: 3, rowCount: 3, bytes, columns: [{ at: 0, end: 3, lengths: new Int8Array([2, -1, 1]) }, ['x', null, ['n']], { at: 3, end: 6, lengths: new Int8Array([-2, 3, -3]) }] };
  const expected: WirePage = { offset: 3, rowCount: 3, columns: [['12', null, '-'], ['x', null, ['n']], [true, '3ab', false]] };
  const sent = encodeReplyValue(lazyPage(encoded)) as { bytes: Uint8Array; compact: unknown[] };
  assert.deepEqual(sent.bytes, bytes);
  assert.deepEqual(sent.compact[0], encoded.columns[0]);
  assert.deepEqual(across(lazyPage(encoded)), expected);
  assert.deepEqual(across({ totalRows: 9, firstPage: lazyPage(encoded) }), { totalRows: 9, firstPage: expected });
});

test('a page in bytes whose cells the host has read or replaced is sent as those cells', () => {
  const encoded = () => ({ offset: 0, rowCount: 1, bytes: new TextEncoder().encode('ab'), columns: [{ at: 0, end: 2, lengths: new Int8Array([2]) }] });
  const read = lazyPage(encoded());
  assert.equal(encodedForm(read) !== null, true);
  read.columns[0]![0] = 'changed';
  assert.equal(encodedForm(read), null);
  assert.deepEqual(across(read), { offset: 0, rowCount: 1, columns: [['changed']] });
  const replaced = lazyPage(encoded());
  replaced.columns = [['other']];
  assert.deepEqual(across(replaced), { offset: 0, rowCount: 1, columns: [['other']] });
});
