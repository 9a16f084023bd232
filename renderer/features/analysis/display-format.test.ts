// Counts, row numbers and figures around the data follow the viewer's locale (issue 17),
// exactly: a German viewer reads "1.234.567 rows", never an en-US "1,234,567".
import assert from 'node:assert/strict';
import { before, test } from 'node:test';

// The locale module reads navigator.language once, when it loads: set it first.
type DisplayFormat = typeof import('./display-format.js');
let f: DisplayFormat;
before(async () => {
  Object.defineProperty(globalThis, 'navigator', { value: { language: 'de-DE' }, configurable: true });
  f = await import('./display-format.js');
});

test('counts and "N rows" captions in the locale, singular and plural', () => {
  assert.equal(f.formatCount(1234567), '1.234.567');
  assert.equal(f.countOf(20000, 'row'), '20.000 rows');
  assert.equal(f.countOf(1, 'row'), '1 row');
  assert.equal(f.countOf(400, 'column'), '400 columns');
});

test('counts stay exact: never rounded, at any size', () => {
  assert.equal(f.formatCount(9007199254740993n), '9.007.199.254.740.993');
  assert.equal(f.formatCount(2.0005), '2,0005');
  assert.equal(f.formatCount(Number.MAX_SAFE_INTEGER), '9.007.199.254.740.991');
});

test('exact numbers (chart sums, profile values) change separators only', () => {
  assert.equal(f.formatExact('1234567.125'), '1.234.567,125');
  assert.equal(f.formatExact('0.30000000000000004'), '0,30000000000000004');
  assert.equal(f.formatExact('-170141183460469231731687303715884105728', { id: 'HUGEINT', sql: 'HUGEINT' }), '-170.141.183.460.469.231.731.687.303.715.884.105.728');
  assert.equal(f.formatExact('2024-01-01', { id: 'DATE', sql: 'DATE' }), '2024-01-01');
});

test('sizes and durations read with the decimal comma', () => {
  assert.equal(f.formatBytes(1536), '1,5 KB');
  assert.equal(f.formatDuration(2345), '2,35 s');
  assert.equal(f.formatDuration(1234), '1,23 s');
});
