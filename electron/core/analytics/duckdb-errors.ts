// DuckDB errors → our error codes. The instance runs with errors_as_json, so a
// message is JSON with an exception type and, for SQL errors, a character position.
import { AppException } from '../../../shared/errors.js';
import { diskError } from '../storage/storage-errors.js';
import { scrubText } from './result-scrub.js';

interface DuckdbErrorJson {
  exception_type?: string;
  exception_message?: string;
  position?: string;
}

export interface ParsedDuckdbError {
  type: string;
  message: string;
  position: number | undefined;
}

export function parseDuckdbError(e: unknown): ParsedDuckdbError {
  const raw = e instanceof Error ? e.message : String(e);
  const start = raw.indexOf('{');
  if (start !== -1) {
    try {
      const j = JSON.parse(raw.slice(start)) as DuckdbErrorJson;
      const pos = j.position === undefined ? undefined : Number(j.position);
      return {
        type: j.exception_type ?? 'Unknown',
        message: j.exception_message ?? raw,
        position: pos !== undefined && Number.isFinite(pos) ? pos : undefined,
      };
    } catch {
      // not JSON after all: fall through
    }
  }
  const m = /^(\w[\w ]*?) Error: /.exec(raw);
  return { type: m?.[1] ?? 'Unknown', message: m ? raw.slice(m[0].length) : raw, position: undefined };
}

export const isInterrupt = (e: unknown) => parseDuckdbError(e).type.toUpperCase() === 'INTERRUPT';

/**
 * Maps an error from user-reachable SQL. `offset` is where the statement starts in
 * the text the caller sent (minus any prefix we wrapped around it).
 */
export function sqlError(e: unknown, offset = 0): AppException {
  if (e instanceof AppException) return e;
  const disk = diskError(e);
  if (disk) return disk;
  const { type, message, position } = parseDuckdbError(e);
  const t = type.toLowerCase();
  if (t === 'interrupt') return new AppException('CANCELLED', 'The query was cancelled');
  // "Permission Error: Cannot access file …" and "the configuration has been locked"
  // are the sandbox refusing; so is any attempt to load an extension.
  if (t === 'permission' || /configuration has been locked|Cannot change configuration option/.test(message)) {
    return new AppException('PERMISSION_DENIED', `Not allowed in Enclave: ${message}`);
  }
  const where = position !== undefined ? Math.max(0, position + offset) : undefined;
  return new AppException('SQL_ERROR', `${type} Error: ${message}`, where !== undefined ? { position: where } : {});
}

/**
 * The profile's and the data folder's absolute paths never reach user SQL's caller, not
 * even inside a DuckDB message ("Cannot access file /…/profiles/<id>/.staging/…").
 */
export function scrubPaths(e: AppException, profileDir: string): AppException {
  const message = scrubText(e.message, profileDir);
  return message === e.message ? e : new AppException(e.code, message, e.extra);
}
