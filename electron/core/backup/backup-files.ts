// Where a profile's automatic backups live: profiles/<id>/backups/, inside the
// profile's own folder, so deleting the profile removes them with everything else.
import fs from 'node:fs/promises';
import path from 'node:path';
import type { BackupInfo } from '../../../shared/backups/backups.js';
import { AppException } from '../../../shared/errors.js';
import { profileDir } from '../paths.js';

export const BACKUPS_DIR = 'backups';

/** When automatic backups are made and how many are kept. */
export interface BackupPolicy {
  intervalMs: number;
  keep: number;
}

export const DEFAULT_BACKUP_POLICY: BackupPolicy = { intervalMs: 24 * 60 * 60 * 1000, keep: 7 };

const NAME = /^backup-(\d{4}-\d{2}-\d{2})T(\d{2})-(\d{2})-(\d{2})-(\d{3})Z\.enclave$/;

export const backupsDir = (dataDir: string, profileId: string) => path.join(profileDir(dataDir, profileId), BACKUPS_DIR);

/** A backup's id is its file name, made from when it was taken (sorts by time). */
export const backupId = (at: Date) => `backup-${at.toISOString().replace(/[:.]/g, '-')}.enclave`;

function createdAt(id: string): string | null {
  const m = NAME.exec(id);
  return m ? `${m[1]}T${m[2]}:${m[3]}:${m[4]}.${m[5]}Z` : null;
}

/** The profile's backups, newest first (unfinished ones, being written, are not listed). */
export async function listBackupFiles(dataDir: string, profileId: string): Promise<BackupInfo[]> {
  const dir = backupsDir(dataDir, profileId);
  const names = await fs.readdir(dir).catch(() => [] as string[]);
  const backups = await Promise.all(
    names.map(async (id) => {
      const at = createdAt(id);
      if (!at) return null;
      const st = await fs.stat(path.join(dir, id)).catch(() => null);
      return st?.isFile() ? { id, createdAt: at, bytes: st.size } : null;
    }),
  );
  return backups.filter((b): b is BackupInfo => b !== null).sort((a, b) => b.createdAt.localeCompare(a.createdAt));
}

/** The file of one of the profile's backups; NOT_FOUND for an id it does not have. */
export async function backupFile(dataDir: string, profileId: string, id: string): Promise<string> {
  if (!(await listBackupFiles(dataDir, profileId)).some((b) => b.id === id)) {
    throw new AppException('NOT_FOUND', 'No such backup', { field: 'backupId' });
  }
  return path.join(backupsDir(dataDir, profileId), id);
}

/** Removes the oldest backups beyond the `keep` newest. */
export async function pruneBackups(dataDir: string, profileId: string, keep: number): Promise<void> {
  const backups = await listBackupFiles(dataDir, profileId);
  for (const old of backups.slice(keep)) await fs.rm(path.join(backupsDir(dataDir, profileId), old.id), { force: true });
}
