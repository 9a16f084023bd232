// Assertions on the `Result` values the router returns, and on the AppExceptions below it.
import assert from 'node:assert/strict';
import { AppException, type AppError, type ErrorCode, type Result } from '../../../shared/errors.js';

export function expectOk<T = unknown>(result: Result<unknown>, what = 'call'): T {
  if (!result.ok) assert.fail(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export function expectError(result: Result<unknown>, code: ErrorCode, what = 'call'): AppError {
  if (result.ok) assert.fail(`${what} succeeded with ${JSON.stringify(result.value)}, expected ${code}`);
  assert.equal(result.error.code, code, `${what}: ${result.error.code}: ${result.error.message}`);
  return result.error;
}

/** `fn` throws an AppException with `code` (and, when given, naming `field`). */
export function throwsCode(fn: () => unknown, code: ErrorCode, field?: string): void {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof AppException, String(e));
    assert.equal(e.code, code, e.message);
    if (field !== undefined) assert.equal(e.extra.field, field);
    return true;
  });
}
