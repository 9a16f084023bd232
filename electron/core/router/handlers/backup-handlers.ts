import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import { backupFile, listBackupFiles } from '../../backup/backup-files.js';
import { findDamage, recoverDamaged } from '../../backup/recovery.js';
import type { Handlers } from '../handler-types.js';

// Archive paths are checked here, on main, like import and export paths: never inside
// the user-data directory. Backups are named by id and resolved inside the profile.
export const backupHandlers = {
  chooseArchivePath: async (ctx, { suggestedName }) => {
    const path = await ctx.dialogs.chooseArchivePath(ctx.windowId, suggestedName);
    return path === null ? null : { path };
  },
  chooseArchiveFile: async (ctx) => {
    const path = await ctx.dialogs.chooseArchiveFile(ctx.windowId);
    return path === null ? null : { path };
  },
  exportProfile: (ctx, { path }) => ctx.backups.exportTo(ctx.profile.id, ctx.profile.worker, checkExportTarget(ctx.dataDir, path)),
  restoreProfile: (ctx, { path, ...profile }) => ctx.backups.restore(checkImportSource(ctx.dataDir, path), profile),
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
