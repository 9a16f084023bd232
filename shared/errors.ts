// Every error code that may cross the bridge or leave the CLI. Codes are a public
// interface (scripts match on `error: <CODE>:`): add new ones, never rename.
export const ERROR_CODES = [
  'INVALID_INPUT', // input failed the channel's schema or a domain rule
  'UNKNOWN_CHANNEL', // no such channel in the contract
  'FORBIDDEN', // the caller is not one of our top-level pages
  'LOCKED', // a data call from a window bound to no unlocked profile
  'NOT_FOUND',
  'ALREADY_EXISTS',
  'AUTH_FAILED', // wrong password
  'THROTTLED', // too many wrong passwords; retryAfterSeconds says when to try again
  'KEYCHAIN_UNAVAILABLE', // the OS keychain cannot be reached or is locked
  'CONFLICT', // an edit based on a stale version
  'PERMISSION_DENIED', // sandbox violation (file access outside the profile, settings)
  'SQL_ERROR',
  'CANCELLED',
  'STORAGE_ERROR', // a profile's database cannot be opened or written (also: the data folder is read-only)
  'ARCHIVE_INVALID', // a profile archive that is not one, is damaged or was altered; nothing was created
  'PROFILE_DAMAGED', // a profile's database file is damaged; restore it from a backup or start it empty
  'DISK_FULL', // the disk holding Enclave's data has no space left; nothing of the failed write was kept
  'INTERNAL',
  'LEGACY_SCHEMA', // enclave migrate-legacy: the file lacks a table or column it needs
  'LEGACY_OWNERLESS_ROWS', // enclave migrate-legacy: rows without a user_id (nothing migrated)
  'LEGACY_ID_COLLISION', // enclave migrate-legacy: distinct user ids that only differ by type, spaces, case or notation (7, '7', ' 7'), or an id repeated in users (nothing migrated)
  'PROFILE_CRASHED', // the profile's host process died (abort, out of memory, killed); reopen it (retryAfterSeconds when restarts are backing off)
  'LIMIT_REACHED', // a per-profile budget was hit (concurrent queries, kept results, temp space); the message names it and what to do
  'AI_NOT_CONFIGURED', // asking in plain language needs an endpoint set for this profile first (Settings, or enclave ai set)
  'AI_UNREACHABLE', // the profile's AI endpoint could not be reached (refused, no such host, TLS)
  'AI_KEY_REJECTED', // the AI endpoint answered 401/403: the key is wrong, missing or lacks access
  'AI_TIMEOUT', // the AI endpoint gave no complete answer within the profile's timeout
  'AI_NO_SQL', // the model answered, but with no SQL in its answer
  'AI_ENDPOINT_ERROR', // the AI endpoint answered an error status or something that is not a chat completion
  'SOURCE_AUTH_FAILED', // a saved database source refused its user or password
  'SOURCE_UNREACHABLE', // a saved database source's server cannot be reached (host, port, TLS) or its SQLite file cannot be opened
  'SOURCE_CONNECTION_LOST', // the connection to a source dropped mid-import; nothing was imported
  'SOURCE_CERTIFICATE_UNTRUSTED', // a source's TLS certificate is not signed by a trusted CA (or not for its host); the message says what to do
] as const;

export type ErrorCode = (typeof ERROR_CODES)[number];

export interface AppError {
  code: ErrorCode;
  message: string;
  /** Dotted path of the offending input field, for INVALID_INPUT. */
  field?: string;
  /** Whole seconds until another attempt may succeed, for THROTTLED (and PROFILE_CRASHED while restarts back off). */
  retryAfterSeconds?: number;
  /** 0-based character offset into the SQL the caller sent, for SQL_ERROR when DuckDB reports one. */
  position?: number;
}

export type Result<T> = { ok: true; value: T } | { ok: false; error: AppError };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = (error: AppError): Result<never> => ({ ok: false, error });

/** Thrown inside main/core code; the router turns it into a `Result` error value. */
export class AppException extends Error {
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly extra: Pick<AppError, 'field' | 'retryAfterSeconds' | 'position'> = {},
  ) {
    super(message);
    this.name = 'AppException';
  }

  toError(): AppError {
    return { code: this.code, message: this.message, ...this.extra };
  }
}
