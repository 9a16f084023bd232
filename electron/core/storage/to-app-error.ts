import { AppException, type AppError, type ErrorCode } from '../../../shared/errors.js';
import { diskError } from './storage-errors.js';

/** Our typed errors pass through, a full or read-only disk is named; anything else becomes `fallback` with its message. */
export function toAppError(e: unknown, fallback: ErrorCode): AppError {
  if (e instanceof AppException) return e.toError();
  const disk = diskError(e);
  if (disk) return disk.toError();
  return { code: fallback, message: e instanceof Error ? e.message : String(e) };
}
