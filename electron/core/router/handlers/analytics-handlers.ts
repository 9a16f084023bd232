import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import type { QueryResultInfo } from '../../../../shared/analytics.js';
import { packPage } from '../../../../shared/wire.js';
import type { Handlers } from '../handler-types.js';

const rowsText = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

// Pages from the worker arrive holey from its structured clone; packed they clone to the
// renderer in less than half the time (see packPage).
const packed = (info: QueryResultInfo): QueryResultInfo => ({ ...info, firstPage: packPage(info.firstPage) });

// Paths from dialogs are checked here, on main, before the profile's worker sees them.
export const analyticsHandlers = {
  previewImport: async (ctx, { path, options }) => {
    const preview = await ctx.profile.worker.call('previewImport', { path: checkImportSource(ctx.dataDir, path), options });
    return { ...preview, page: packPage(preview.page) };
  },
  startImport: async (ctx, input) => {
    const outcome = await ctx.profile.worker.call('startImport', { ...input, path: checkImportSource(ctx.dataDir, input.path) });
    // The activity log names the table and its size, never the file it came from.
    if (outcome.status === 'imported') ctx.profiles.recordActivity(ctx.profile.id, 'table imported', `"${outcome.table}": ${rowsText(outcome.rows)}`);
    return outcome;
  },
  cancelImport: (ctx, input) => ctx.profile.worker.call('cancelImport', input),
  runQuery: async (ctx, input) => packed(await ctx.profile.worker.call('runQuery', input)),
  cancelQuery: (ctx, input) => ctx.profile.worker.call('cancelQuery', input),
  fetchRows: async (ctx, input) => packPage(await ctx.profile.worker.call('fetchRows', input)),
  sortFilterResult: async (ctx, input) => packed(await ctx.profile.worker.call('sortFilterResult', input)),
  closeResult: (ctx, input) => ctx.profile.worker.call('closeResult', input),
  listTables: (ctx) => ctx.profile.worker.call('listTables', undefined),
  profileColumn: (ctx, input) => ctx.profile.worker.call('profileColumn', input),
  listQueryHistory: (ctx, input) => ctx.profile.worker.call('listQueryHistory', input),
  exportData: async (ctx, input) => {
    const outcome = await ctx.profile.worker.call('exportData', { ...input, path: checkExportTarget(ctx.dataDir, input.path) });
    const what = 'table' in input.source ? `table "${input.source.table}"` : 'a query result';
    ctx.profiles.recordActivity(ctx.profile.id, 'data exported', `${what} as ${input.format}: ${rowsText(outcome.rows)}`);
    return outcome;
  },
} satisfies Partial<Handlers>;
