import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { WireType } from '../wire.js';
import { formatNumberText, numberParts, numberSeparators, RAW_NUMBERS } from './number-format.js';

const BIGINT: WireType = { id: 'BIGINT', sql: 'BIGINT' };
const HUGEINT: WireType = { id: 'HUGEINT', sql: 'HUGEINT' };
const DOUBLE: WireType = { id: 'DOUBLE', sql: 'DOUBLE' };
const DEC: WireType = { id: 'DECIMAL', sql: 'DECIMAL(38,2)', width: 38, scale: 2 };
const grouped = { mode: 'grouped', decimals: null } as const;
const fixed = (decimals: number) => ({ mode: 'grouped', decimals }) as const;

test('thousands separators on the digit text keep every digit of wide integers', () => {
  assert.equal(formatNumberText(BIGINT, '9007199254740993', grouped), '9,007,199,254,740,993');
  assert.equal(formatNumberText(BIGINT, '-9223372036854775808', grouped), '-9,223,372,036,854,775,808');
  assert.equal(formatNumberText(HUGEINT, '-170141183460469231731687303715884105728', grouped), '-170,141,183,460,469,231,731,687,303,715,884,105,728');
  assert.equal(formatNumberText(BIGINT, '999', grouped), '999');
  assert.equal(formatNumberText(BIGINT, '2024', grouped), '2024');
  assert.equal(formatNumberText(BIGINT, '-1234', grouped), '-1234');
  assert.equal(formatNumberText(BIGINT, '12345', grouped), '12,345');
});

test('DECIMAL keeps its scale; fixed decimals round exactly, half away from zero, with carries', () => {
  assert.equal(formatNumberText(DEC, '123456789012345678901234567890123456.78', grouped), '123,456,789,012,345,678,901,234,567,890,123,456.78');
  assert.equal(formatNumberText(DEC, '123456789012345678901234567890123456.78', fixed(1)), '123,456,789,012,345,678,901,234,567,890,123,456.8');
  assert.equal(formatNumberText(DEC, '999999.995', fixed(2)), '1,000,000.00');
  assert.equal(formatNumberText(DEC, '-0.125', fixed(2)), '-0.13');
  assert.equal(formatNumberText(DEC, '0.124', fixed(2)), '0.12');
  assert.equal(formatNumberText(DEC, '12.5', fixed(0)), '13');
  assert.equal(formatNumberText(DEC, '7', fixed(3)), '7.000');
});

test('doubles show their shortest round-trip text, grouped; fixed decimals work from that text', () => {
  assert.equal(formatNumberText(DOUBLE, '1234567.125', grouped), '1,234,567.125');
  assert.equal(formatNumberText(DOUBLE, '0.30000000000000004', fixed(2)), '0.30');
  assert.equal(formatNumberText(DOUBLE, '2.675', fixed(2)), '2.68'); // the text's digits, not the binary value's
  assert.equal(formatNumberText(DOUBLE, '1.5e-7', grouped), '1.5e-7');
  assert.equal(formatNumberText(DOUBLE, '1.5e-7', fixed(8)), '0.00000015');
  assert.equal(formatNumberText(DOUBLE, '1e+21', fixed(0)), '1,000,000,000,000,000,000,000');
  assert.equal(formatNumberText(DOUBLE, 'NaN', fixed(2)), 'NaN');
  assert.equal(formatNumberText(DOUBLE, '-Infinity', grouped), '-Infinity');
});

test('integers ignore fixed decimals; raw mode shows the wire text unchanged', () => {
  assert.equal(formatNumberText(BIGINT, '12345', fixed(2)), '12,345');
  for (const [t, v] of [
    [BIGINT, '9007199254740993'],
    [DOUBLE, '0.30000000000000004'],
    [DEC, '1234.50'],
  ] as const) {
    assert.equal(formatNumberText(t, v, RAW_NUMBERS), v);
  }
});

test("the locale's separators and group sizes, never a rounded digit (issue 17)", () => {
  const huge = '-170141183460469231731687303715884105728';
  assert.equal(formatNumberText(HUGEINT, huge, grouped, 'de-DE'), '-170.141.183.460.469.231.731.687.303.715.884.105.728');
  assert.equal(formatNumberText(BIGINT, '9007199254740993', grouped, 'de-CH'), "9'007'199'254'740'993");
  // Indian grouping: threes, then twos.
  assert.equal(formatNumberText(BIGINT, '9007199254740993', grouped, 'en-IN'), '9,00,71,99,25,47,40,993');
  assert.equal(formatNumberText(DEC, '123456789012345678901234567890123456.78', grouped, 'de-DE'), '123.456.789.012.345.678.901.234.567.890.123.456,78');
  assert.equal(formatNumberText(DEC, '999999.995', fixed(2), 'fr-FR'), `1${numberSeparators('fr-FR').group}000${numberSeparators('fr-FR').group}000,00`);
  assert.equal(formatNumberText(DOUBLE, '0.30000000000000004', grouped, 'de-DE'), '0,30000000000000004');
  assert.equal(formatNumberText(DOUBLE, '1.5e-7', grouped, 'de-DE'), '1,5e-7');
  assert.equal(formatNumberText(DOUBLE, 'NaN', grouped, 'de-DE'), 'NaN');
  // Years stay ungrouped in every locale; the digits stay Latin even where the locale's are not.
  assert.equal(formatNumberText(BIGINT, '2024', grouped, 'en-IN'), '2024');
  assert.equal(formatNumberText(BIGINT, '1234567', grouped, 'ar-EG'), '1,234,567');
  assert.equal(formatNumberText(BIGINT, '9007199254740993', RAW_NUMBERS, 'de-DE'), '9007199254740993');
});

test('numberParts splits every digit into groups the grid draws separators between', () => {
  const parts = numberParts(HUGEINT, '-170141183460469231731687303715884105728', grouped, 'en-IN')!;
  assert.equal(parts.sign, '-');
  assert.equal(parts.groups.join(''), '170141183460469231731687303715884105728');
  assert.deepEqual(parts.groups.slice(-3), ['41', '05', '728']);
  assert.equal(numberParts(BIGINT, '12', RAW_NUMBERS, 'de-DE'), null);
  assert.deepEqual(numberSeparators('de-DE'), { group: '.', decimal: ',' });
  assert.deepEqual(numberSeparators('en-US'), { group: ',', decimal: '.' });
});
