import assert from 'node:assert/strict';
import { test } from 'node:test';
import { exactSum } from './exact-sum.js';

test('BIGINT and HUGEINT sums keep every digit', () => {
  assert.equal(exactSum({ id: 'BIGINT', sql: 'BIGINT' }, ['9007199254740993', '1', null]), '9007199254740994');
  assert.equal(
    exactSum({ id: 'HUGEINT', sql: 'HUGEINT' }, ['170141183460469231731687303715884105727', '-170141183460469231731687303715884105727', '5']),
    '5',
  );
  assert.equal(exactSum({ id: 'INTEGER', sql: 'INTEGER' }, []), '0');
});

test('DECIMAL sums are exact at the column scale, negatives included', () => {
  const dec = { id: 'DECIMAL', sql: 'DECIMAL(38,2)', width: 38, scale: 2 } as const;
  assert.equal(exactSum(dec, ['0.10', '0.20']), '0.30');
  assert.equal(exactSum(dec, ['-0.05', '0.01']), '-0.04');
  assert.equal(exactSum(dec, ['123456789012345678901234567890123456.78', '0.02']), '123456789012345678901234567890123456.80');
});

test('doubles add as doubles and print their shortest round-trip text', () => {
  assert.equal(exactSum({ id: 'DOUBLE', sql: 'DOUBLE' }, ['0.1', '0.2']), String(0.1 + 0.2));
  assert.equal(exactSum({ id: 'DOUBLE', sql: 'DOUBLE' }, ['1.5', null, '2']), '3.5');
});
