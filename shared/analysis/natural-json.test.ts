import assert from 'node:assert/strict';
import { test } from 'node:test';
import { hexToBase64, jsonKeys, naturalJson, naturalJsonRow } from './natural-json.js';
import type { WireColumn, WireType } from '../wire.js';

const t = (id: string, sql = id) => ({ id, sql }) as WireType;

test('hex to base64 with padding', () => {
  assert.equal(hexToBase64(''), '');
  assert.equal(hexToBase64('66'), 'Zg==');
  assert.equal(hexToBase64('666f'), 'Zm8=');
  assert.equal(hexToBase64('666f6f'), 'Zm9v');
  assert.equal(hexToBase64('00ff10'), 'AP8Q');
});

test('numbers stay numbers when JSON can hold them, else text', () => {
  assert.equal(naturalJson(t('INTEGER'), '42'), '42');
  assert.equal(naturalJson(t('DOUBLE'), '-1.5e3'), '-1.5e3');
  assert.equal(naturalJson(t('DOUBLE'), 'NaN'), '"NaN"');
  assert.equal(naturalJson(t('HUGEINT'), '170141183460469231731687303715884105727'), '170141183460469231731687303715884105727');
  assert.equal(naturalJson(t('BOOLEAN'), true), 'true');
  assert.equal(naturalJson(t('VARCHAR'), null), 'null');
  assert.equal(naturalJson(t('VARCHAR'), 'say "hi"'), '"say \\"hi\\""');
});

test('nested values: lists, structs, maps with text keys as objects, others as pairs', () => {
  const list: WireType = { id: 'LIST', sql: 'INTEGER[]', child: t('INTEGER') };
  assert.equal(naturalJson(list, ['1', null]), '[1,null]');
  const struct: WireType = { id: 'STRUCT', sql: 'STRUCT', fields: [{ name: 'a', type: t('VARCHAR') }] };
  assert.equal(naturalJson(struct, ['x']), '{"a":"x"}');
  assert.equal(naturalJson({ id: 'MAP', sql: 'MAP', key: t('VARCHAR'), value: t('INTEGER') }, [['k', '1']]), '{"k":1}');
  assert.equal(naturalJson({ id: 'MAP', sql: 'MAP', key: t('INTEGER'), value: t('INTEGER') }, [['2', '1']]), '[{"key":2,"value":1}]');
});

test('rows: keys quoted once, in column order', () => {
  const columns: WireColumn[] = [
    { name: 'id', type: t('INTEGER') },
    { name: 'name "n"', type: t('VARCHAR') },
  ];
  const page = { offset: 0, rowCount: 1, columns: [['7'], ['x']] };
  assert.equal(naturalJsonRow(columns, jsonKeys(columns), page, 0), '{"id":7,"name \\"n\\"":"x"}');
});
