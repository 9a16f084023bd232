import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MAX_COLUMN_NAME, renamedColumns } from './import-columns.js';

test('renames apply in file order, trimmed', () => {
  assert.deepEqual(renamedColumns(['a', 'b', 'c'], { b: '  total ' }), { ok: true, names: ['a', 'total', 'c'] });
  assert.deepEqual(renamedColumns([], {}), { ok: true, names: [] });
});

test('each wrong rename names its column', () => {
  assert.deepEqual(renamedColumns(['a'], { z: 'x' }), { ok: false, message: 'The file has no column named z', column: 'z' });
  assert.equal(renamedColumns(['a', 'b'], { a: '   ' }).ok, false);
  const long = renamedColumns(['a'], { a: 'x'.repeat(MAX_COLUMN_NAME + 1) });
  assert.ok(!long.ok && long.column === 'a');
  assert.ok(renamedColumns(['a'], { a: 'x'.repeat(MAX_COLUMN_NAME) }).ok);
});

test('two columns may not end up with one name, whatever the case (DuckDB ignores it)', () => {
  const clash = renamedColumns(['Name', 'b'], { b: 'NAME' });
  assert.deepEqual(clash, { ok: false, message: 'Two columns would be named NAME (Name and b)', column: 'b' });
  // "__proto__" is a column like any other.
  assert.deepEqual(renamedColumns(['__proto__'], {}), { ok: true, names: ['__proto__'] });
});
