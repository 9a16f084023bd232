// Telling a damaged database file from other failures when a profile opens. A
// damaged file must answer PROFILE_DAMAGED (with which file and why) rather than a
// generic error, so the picker can offer restore-from-backup or start-empty.
import fs from 'node:fs';
import path from 'node:path';
import type { DamagedFile, ProfileFile } from '../../../shared/backups.js';
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

/** Why a failure opening analytics.duckdb means the file is damaged, or null if it is something else. */
export function duckdbDamage(e: unknown): string | null {
  if (e instanceof DamagedFileError) return e.message;
  const message = e instanceof Error ? e.message : String(e);
  for (const [pattern, reason] of DUCKDB_DAMAGE) if (pattern.test(message)) return reason;
  return null;
}
