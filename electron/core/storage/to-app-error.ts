import { AppException, type AppError, type ErrorCode } from '../../../shared/errors.js';

/** Our typed errors pass through; anything else becomes `fallback` with its message. */
export function toAppError(e: unknown, fallback: ErrorCode): AppError {
  if (e instanceof AppException) return e.toError();
  return { code: fallback, message: e instanceof Error ? e.message : String(e) };
}
