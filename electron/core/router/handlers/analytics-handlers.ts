import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import type { Handlers } from '../handler-types.js';

// Paths from dialogs are checked here, on main, before the profile's worker sees them.
export const analyticsHandlers = {
  previewImport: (ctx, { path, options }) =>
    ctx.profile.worker.call('previewImport', { path: checkImportSource(ctx.dataDir, path), options }),
  startImport: (ctx, input) => ctx.profile.worker.call('startImport', { ...input, path: checkImportSource(ctx.dataDir, input.path) }),
  cancelImport: (ctx, input) => ctx.profile.worker.call('cancelImport', input),
  runQuery: (ctx, input) => ctx.profile.worker.call('runQuery', input),
  cancelQuery: (ctx, input) => ctx.profile.worker.call('cancelQuery', input),
  fetchRows: (ctx, input) => ctx.profile.worker.call('fetchRows', input),
  sortFilterResult: (ctx, input) => ctx.profile.worker.call('sortFilterResult', input),
  closeResult: (ctx, input) => ctx.profile.worker.call('closeResult', input),
  listTables: (ctx) => ctx.profile.worker.call('listTables', undefined),
  profileColumn: (ctx, input) => ctx.profile.worker.call('profileColumn', input),
  listQueryHistory: (ctx, input) => ctx.profile.worker.call('listQueryHistory', input),
  exportData: (ctx, input) => ctx.profile.worker.call('exportData', { ...input, path: checkExportTarget(ctx.dataDir, input.path) }),
} satisfies Partial<Handlers>;
