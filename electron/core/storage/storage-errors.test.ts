// The disk conditions each layer reports in its own words, mapped to the same two errors.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { AppException } from '../../../shared/errors.js';
import { sqlError } from '../analytics/duckdb-errors.js';
import { diskError } from './storage-errors.js';
import { toAppError } from './to-app-error.js';

const withCode = (message: string, code: string) => Object.assign(new Error(message), { code });

test('full disks, in the words of fs, SQLite and DuckDB, are DISK_FULL', () => {
  for (const e of [
    withCode('ENOSPC: no space left on device, write', 'ENOSPC'),
    withCode('EDQUOT: disk quota exceeded', 'EDQUOT'),
    withCode('database or disk is full', 'SQLITE_FULL'),
    new Error('{"exception_type":"IO","exception_message":"Could not write file \\"/p/analytics.duckdb.wal\\": No space left on device"}'),
  ]) {
    assert.equal(diskError(e)?.code, 'DISK_FULL', e.message);
    assert.equal(toAppError(e, 'INTERNAL').code, 'DISK_FULL', e.message);
    assert.equal(sqlError(e).code, 'DISK_FULL', e.message);
  }
});

test('read-only folders are STORAGE_ERROR saying "read-only"', () => {
  for (const e of [
    withCode('EROFS: read-only file system, mkdir', 'EROFS'),
    withCode('attempt to write a readonly database', 'SQLITE_READONLY'),
    withCode('attempt to write a readonly database', 'SQLITE_READONLY_DBMOVED'),
    new Error('IO Error: Cannot open file "/p/analytics.duckdb": Read-only file system'),
  ]) {
    const mapped = toAppError(e, 'INTERNAL');
    assert.equal(mapped.code, 'STORAGE_ERROR', e.message);
    assert.match(mapped.message, /read-only/);
  }
});

test('other errors are left to their caller, typed ones pass through unchanged', () => {
  assert.equal(diskError(withCode('UNIQUE constraint failed: tasks.id', 'SQLITE_CONSTRAINT_PRIMARYKEY')), null);
  assert.equal(diskError(new Error('Parser Error: syntax error at or near "SELEC"')), null);
  assert.equal(diskError(new AppException('CONFLICT', 'stale')), null);
  assert.equal(toAppError(new Error('boom'), 'INTERNAL').code, 'INTERNAL');
  assert.equal(sqlError(new Error('Parser Error: syntax error')).code, 'SQL_ERROR');
});
