// Assertions on the `Result` values the router returns.
import assert from 'node:assert/strict';
import type { AppError, ErrorCode, Result } from '../../../shared/errors.js';

export function expectOk<T = unknown>(result: Result<unknown>, what = 'call'): T {
  if (!result.ok) assert.fail(`${what} failed: ${result.error.code}: ${result.error.message}`);
  return result.value as T;
}

export function expectError(result: Result<unknown>, code: ErrorCode, what = 'call'): AppError {
  if (result.ok) assert.fail(`${what} succeeded with ${JSON.stringify(result.value)}, expected ${code}`);
  assert.equal(result.error.code, code, `${what}: ${result.error.code}: ${result.error.message}`);
  return result.error;
}
