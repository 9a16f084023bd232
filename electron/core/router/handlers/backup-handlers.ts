import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import { readArchiveSummary } from '../../backup/archive-summary.js';
import { backupFile, listBackupFiles } from '../../backup/backup-files.js';
import { findDamage, recoverDamaged } from '../../backup/recovery.js';
import { grantFile } from '../../files/grant-file.js';
import type { Handlers } from '../handler-types.js';

// Archive files arrive as tokens of the calling window and are checked again here, on
// main, like import and export files: never inside the user-data directory. Backups are
// named by id and resolved inside the profile.
export const backupHandlers = {
  chooseArchivePath: async (ctx, { suggestedName }) => {
    const path = await ctx.dialogs.chooseArchivePath(ctx.windowId, suggestedName);
    return path === null ? null : grantFile(ctx.files, ctx.dataDir, ctx.windowId, 'write', path);
  },
  chooseArchiveFile: async (ctx) => {
    const path = await ctx.dialogs.chooseArchiveFile(ctx.windowId);
    return path === null ? null : grantFile(ctx.files, ctx.dataDir, ctx.windowId, 'read', path);
  },
  exportProfile: (ctx, { file }) =>
    ctx.files.use(ctx.windowId, 'write', file, (path) => ctx.backups.exportTo(ctx.profile.id, ctx.profile.worker, checkExportTarget(ctx.dataDir, path))),
  restoreProfile: (ctx, { file, ...profile }) =>
    ctx.files.use(ctx.windowId, 'read', file, (path) => ctx.backups.restore(checkImportSource(ctx.dataDir, path), profile)),
  // Reading the manifest leaves the token for the restore that follows.
  readArchiveManifest: (ctx, { file }) =>
    ctx.files.use(ctx.windowId, 'read', file, (path) => readArchiveSummary(checkImportSource(ctx.dataDir, path)), () => false),
  listBackups: (ctx) => listBackupFiles(ctx.dataDir, ctx.profile.id),
  backupNow: (ctx) => ctx.backups.backupNow(ctx.profile.id, ctx.profile.worker),
  restoreBackup: async (ctx, { backupId, ...profile }) =>
    ctx.backups.restore(await backupFile(ctx.dataDir, ctx.profile.id, backupId), profile),
  inspectDamagedProfile: async (ctx, { profileId, password }) => {
    await ctx.profiles.checkPassword(profileId, password);
    return { damaged: await findDamage(ctx.dataDir, ctx.sessions, profileId), backups: await listBackupFiles(ctx.dataDir, profileId) };
  },
  recoverDamagedProfile: async (ctx, { profileId, password, recovery }) => {
    await ctx.profiles.checkPassword(profileId, password);
    await recoverDamaged(ctx, profileId, recovery);
    return null;
  },
} satisfies Partial<Handlers>;
