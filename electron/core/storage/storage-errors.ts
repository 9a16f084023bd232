// Failures of the disk under the data directory, whichever layer meets them first
// (Node's fs, SQLite, DuckDB), as the same two typed errors: the disk is full, or
// the folder is read-only. Every write that meets one is undone by its own layer
// (an SQLite transaction, a DuckDB transaction, our cleanup of staged files), so
// the messages can promise that nothing was half-written.
import { AppException } from '../../../shared/errors.js';

export const DISK_FULL_MESSAGE = 'The disk is full, so Enclave could not save this. Nothing was changed; free some space and try again.';
export const READ_ONLY_MESSAGE = 'Enclave cannot write to its data folder: it is read-only. Nothing was changed.';

const FULL_CODES = new Set(['ENOSPC', 'EDQUOT', 'SQLITE_FULL']);
const READ_ONLY_CODES = new Set(['EROFS', 'SQLITE_READONLY']);

/** The disk condition behind an error from fs, better-sqlite3 or DuckDB, or null when it is something else. */
export function diskError(e: unknown): AppException | null {
  if (!(e instanceof Error) || e instanceof AppException) return null;
  const code = String((e as NodeJS.ErrnoException).code ?? '');
  // DuckDB says it in its message (an IO Error), SQLite's extended codes add a suffix (SQLITE_READONLY_DBMOVED…).
  if (FULL_CODES.has(code) || /No space left on device|database or disk is full|Disk quota exceeded/i.test(e.message)) {
    return new AppException('DISK_FULL', DISK_FULL_MESSAGE);
  }
  if (READ_ONLY_CODES.has(code) || code.startsWith('SQLITE_READONLY') || /Read-only file system|readonly database/i.test(e.message)) {
    return new AppException('STORAGE_ERROR', READ_ONLY_MESSAGE);
  }
  return null;
}
