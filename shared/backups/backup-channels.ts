// Backups, archives and the recovery of a damaged profile. Archive files arrive as
// tokens minted by the native dialogs (chooseArchivePath / chooseArchiveFile) or the
// CLI, and main refuses any inside the app's data; automatic backups are named by id only.
import { z } from 'zod';
import type { ArchiveOutcome, ArchiveSummary, BackupInfo, DamageReport } from './backups.js';
import { channel, noInputChannel, returns } from '../channel.js';
import { PASSWORD_MAX, PROFILE_COLORS, type ProfileSummary } from '../profiles/profiles.js';
import { fileToken } from '../files/file-grants.js';
import { dialogChannel, saveDialogChannel } from '../files/dialog-channels.js';
import { password, profileId, profileName } from '../profiles/profile-channels.js';

const backupId = z.string().max(100, 'Not a backup id').regex(/^backup-[0-9TZ-]{15,40}\.enclave$/, 'Not a backup id');
const currentPassword = z.string().max(PASSWORD_MAX).optional();
/** The profile a restore creates: its name, its password (optional) and color. */
const newProfile = {
  name: profileName,
  password: password.optional(),
  color: z.enum(PROFILE_COLORS).optional(),
};

export const backupChannels = {
  /** Save dialog for an archive of the calling window's profile. */
  chooseArchivePath: saveDialogChannel(),
  /** Open dialog for an archive to restore (from the picker). */
  chooseArchiveFile: dialogChannel(z.undefined(), 'app'),
  /** Writes a consistent snapshot of the calling window's profile to the file of a write token (chooseArchivePath), used up on success. */
  exportProfile: channel({
    scope: 'data',
    input: z.strictObject({ file: fileToken }),
    output: returns<ArchiveOutcome>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED', 'STORAGE_ERROR'],
  }),
  /**
   * Verifies an archive (the file of a read token: chooseArchiveFile) completely, then
   * creates a new profile from it (new id, new keychain entry). The token is used up on success.
   */
  restoreProfile: channel({
    scope: 'app',
    input: z.strictObject({ file: fileToken, ...newProfile }),
    output: returns<ProfileSummary>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED', 'ARCHIVE_INVALID', 'ALREADY_EXISTS', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /**
   * What an archive (a read token from chooseArchiveFile) holds, from its manifest: the
   * profile's name, when it was made, counts and size. The token stays usable for the restore.
   */
  readArchiveManifest: channel({
    scope: 'app',
    input: z.strictObject({ file: fileToken }),
    output: returns<ArchiveSummary>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'PERMISSION_DENIED', 'ARCHIVE_INVALID'],
  }),
  /** The automatic backups of the calling window's profile, newest first. */
  listBackups: noInputChannel<BackupInfo[]>(['LOCKED', 'STORAGE_ERROR']),
  /** Makes an automatic backup of the calling window's profile now (the oldest beyond the kept number go). */
  backupNow: noInputChannel<BackupInfo>(['LOCKED', 'STORAGE_ERROR']),
  /** Creates a new profile from one of the calling window's automatic backups. */
  restoreBackup: channel({
    scope: 'data',
    input: z.strictObject({ backupId, ...newProfile }),
    output: returns<ProfileSummary>(),
    errors: ['LOCKED', 'INVALID_INPUT', 'NOT_FOUND', 'ARCHIVE_INVALID', 'ALREADY_EXISTS', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /** For a profile that failed to unlock with PROFILE_DAMAGED: which files are damaged and its backups. */
  inspectDamagedProfile: channel({
    scope: 'app',
    input: z.strictObject({ profileId, password: currentPassword }),
    output: returns<DamageReport>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /**
   * Repairs a damaged profile in place: its damaged files are moved aside (renamed
   * `<file>.damaged-<time>` in its folder) and replaced by those of one of its
   * backups, or by empty databases. Unlock it afterwards as usual.
   */
  recoverDamagedProfile: channel({
    scope: 'app',
    input: z.strictObject({
      profileId,
      password: currentPassword,
      recovery: z.discriminatedUnion('kind', [
        z.strictObject({ kind: z.literal('backup'), backupId }),
        z.strictObject({ kind: z.literal('empty') }),
      ]),
    }),
    output: returns<null>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE', 'ARCHIVE_INVALID', 'STORAGE_ERROR'],
  }),
} as const;
