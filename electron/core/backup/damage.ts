// Telling a damaged database file from other failures when a profile opens. A
// damaged file must answer PROFILE_DAMAGED (with which file and why) rather than a
// generic error, so the picker can offer restore-from-backup or start-empty.
import fs from 'node:fs';
import path from 'node:path';
import type { DamagedFile, ProfileFile } from '../../../shared/backups/backups.js';
import { AppException } from '../../../shared/errors.js';

export class ProfileDamaged extends AppException {
  constructor(readonly damaged: DamagedFile[]) {
    super(
      'PROFILE_DAMAGED',
      `This profile's data is damaged (${damaged.map((d) => `${d.file}: ${d.reason}`).join('; ')}). ` +
        'Restore it from a backup, or move the damaged files aside and start empty.',
    );
  }
}

/** Thrown by our own checks (quick_check, sizes) on a file found damaged. */
export class DamagedFileError extends Error {}

/** A file that exists but is empty was cut short: SQLite would silently start it afresh. */
export function refuseEmptyFile(dir: string, file: ProfileFile): void {
  const st = fs.statSync(path.join(dir, file), { throwIfNoEntry: false });
  if (st && st.size === 0) throw new DamagedFileError('the file is empty');
}

const SQLITE_MAGIC = 'SQLite format 3\0';

/**
 * Cheap checks of data.sqlite's header before it is opened: the magic string, and
 * (when no write-ahead log holds newer pages) a file at least as long as the page
 * count the header records. A full quick_check would read the whole file at every
 * unlock (4.5 s for 437 MiB, bench/backup-bench.ts); it runs on every backup's
 * snapshot instead, off the profile's path.
 */
export function refuseDamagedSqliteHeader(dir: string): void {
  const file = path.join(dir, 'data.sqlite');
  const st = fs.statSync(file, { throwIfNoEntry: false });
  if (!st) return; // a new profile: SQLite creates it
  if (st.size < 100) throw new DamagedFileError('the file is truncated');
  const header = Buffer.alloc(100);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, header, 0, 100, 0);
  } finally {
    fs.closeSync(fd);
  }
  if (header.toString('latin1', 0, 16) !== SQLITE_MAGIC) throw new DamagedFileError('file is not a database');
  const raw = header.readUInt16BE(16);
  const pageSize = raw === 1 ? 65536 : raw;
  const pages = header.readUInt32BE(28);
  const countValid = header.readUInt32BE(24) === header.readUInt32BE(92);
  const walBytes = fs.statSync(`${file}-wal`, { throwIfNoEntry: false })?.size ?? 0;
  if (countValid && walBytes === 0 && st.size < pages * pageSize) throw new DamagedFileError('the file is truncated');
}

const SQLITE_DAMAGE_CODES = /^SQLITE_(CORRUPT|NOTADB)/;
const DUCKDB_DAMAGE = [
  [/not a valid DuckDB database file/i, 'not a DuckDB database file'],
  [/Could not read enough bytes/i, 'the file is truncated'],
  [/checksum|corrupt/i, 'the file is corrupt'],
] as const;

/** Why a failure opening data.sqlite means the file is damaged, or null if it is something else. */
export function sqliteDamage(e: unknown): string | null {
  if (e instanceof DamagedFileError) return e.message;
  const code = (e as { code?: unknown }).code;
  if (typeof code === 'string' && SQLITE_DAMAGE_CODES.test(code)) return (e as Error).message;
  return null;
}

/** Failures that say nothing about the file: another process holds it, or the disk is full. */
// A held lock, a full disk or a folder that cannot be written is the disk's condition, not the file's:
// those answer as such (storage-errors.ts), never as damage that invites moving the file aside.
const DUCKDB_NOT_DAMAGE = [/Could not set lock on file/i, /No space left on device|ENOSPC|disk is full/i, /Read-only file system|EROFS|Permission denied/i];

/**
 * Why a failure opening analytics.duckdb means the profile cannot use it, or null if
 * the file is fine (held by another process, a full disk, a read-only folder). Anything else that stops
 * the file opening (a storage version from elsewhere, a bad WAL, garbage) is damage:
 * the person gets the recovery offers (a backup, or the analytics side empty), never
 * a dead end.
 */
export function duckdbDamage(e: unknown): string | null {
  if (e instanceof DamagedFileError) return e.message;
  let message = e instanceof Error ? e.message : String(e);
  // The instance reports errors as JSON (errors_as_json): the message is inside.
  try {
    message = String((JSON.parse(message) as { exception_message?: unknown }).exception_message ?? message);
  } catch {
    // plain text
  }
  for (const [pattern, reason] of DUCKDB_DAMAGE) if (pattern.test(message)) return reason;
  if (DUCKDB_NOT_DAMAGE.some((p) => p.test(message))) return null;
  const first = message.split('\n', 1)[0]!.replace(/^[\w ]*Error: /, '').slice(0, 200);
  return `the file cannot be opened (${first})`;
}
