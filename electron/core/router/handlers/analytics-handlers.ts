import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import type { QueryResultInfo } from '../../../../shared/analytics.js';
import { packPage } from '../../../../shared/wire.js';
import type { Handlers } from '../handler-types.js';

// Pages from the worker arrive holey from its structured clone; packed they clone to the
// renderer in less than half the time (see packPage).
const packed = (info: QueryResultInfo): QueryResultInfo => ({ ...info, firstPage: packPage(info.firstPage) });

// Paths from dialogs are checked here, on main, before the profile's worker sees them.
export const analyticsHandlers = {
  previewImport: async (ctx, { path, options }) => {
    const preview = await ctx.profile.worker.call('previewImport', { path: checkImportSource(ctx.dataDir, path), options });
    return { ...preview, page: packPage(preview.page) };
  },
  startImport: (ctx, input) => ctx.profile.worker.call('startImport', { ...input, path: checkImportSource(ctx.dataDir, input.path) }),
  cancelImport: (ctx, input) => ctx.profile.worker.call('cancelImport', input),
  runQuery: async (ctx, input) => packed(await ctx.profile.worker.call('runQuery', input)),
  cancelQuery: (ctx, input) => ctx.profile.worker.call('cancelQuery', input),
  fetchRows: async (ctx, input) => packPage(await ctx.profile.worker.call('fetchRows', input)),
  sortFilterResult: async (ctx, input) => packed(await ctx.profile.worker.call('sortFilterResult', input)),
  closeResult: (ctx, input) => ctx.profile.worker.call('closeResult', input),
  listTables: (ctx) => ctx.profile.worker.call('listTables', undefined),
  profileColumn: (ctx, input) => ctx.profile.worker.call('profileColumn', input),
  listQueryHistory: (ctx, input) => ctx.profile.worker.call('listQueryHistory', input),
  exportData: (ctx, input) => ctx.profile.worker.call('exportData', { ...input, path: checkExportTarget(ctx.dataDir, input.path) }),
} satisfies Partial<Handlers>;
