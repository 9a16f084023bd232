// Backups and archives of a profile, as the renderer and CLI see them. No path of
// the app's data ever appears here: a backup is known by its id (a file name).

/** The extension of a profile archive, exported or automatic. */
export const ARCHIVE_EXTENSION = 'enclave';

/** One automatic backup of a profile, kept under that profile's own folder. */
export interface BackupInfo {
  /** Opaque id of the backup (its file name); only meaningful to the profile that made it. */
  id: string;
  createdAt: string; // ISO 8601 UTC
  bytes: number;
}

/** What an export or a backup wrote. */
export interface ArchiveOutcome {
  bytes: number;
  counts: ArchiveCounts;
}

/** Row counts of every table in the archive (checked again after a restore). */
export interface ArchiveCounts {
  sqlite: Record<string, number>;
  duckdb: Record<string, number>;
}

export const PROFILE_FILES = ['data.sqlite', 'analytics.duckdb'] as const;
export type ProfileFile = (typeof PROFILE_FILES)[number];

/** A damaged database file of a profile and what is wrong with it. */
export interface DamagedFile {
  file: ProfileFile;
  reason: string;
}

/** What the picker shows for a damaged profile, after its password was given. */
export interface DamageReport {
  damaged: DamagedFile[];
  backups: BackupInfo[];
}

/**
 * What an archive says it holds, read from its manifest before a restore asks for a name
 * and password. Not yet verified: the restore still checks every byte.
 */
export interface ArchiveSummary {
  /** The name the profile had when it was archived. */
  profileName: string;
  createdAt: string; // ISO 8601 UTC
  appVersion: string;
  /** Size of the archive file. */
  bytes: number;
  /** Tasks, notes and events (the Trash included) when archived, and the number of analytics tables. */
  counts: { tasks: number; notes: number; events: number; tables: number };
}
