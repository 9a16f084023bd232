import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import type { QueryResultInfo } from '../../../../shared/analysis/analytics.js';
import { packPage } from '../../../../shared/wire.js';
import type { Handlers } from '../handler-types.js';

const rowsText = (n: number) => `${n} ${n === 1 ? 'row' : 'rows'}`;

// Pages from the worker arrive holey from its structured clone; packed they clone to the
// renderer in less than half the time (see packPage).
const packed = (info: QueryResultInfo): QueryResultInfo => ({ ...info, firstPage: packPage(info.firstPage) });

// The host serves the analytics channels. Main keeps what belongs in main: files
// arrive as tokens of the calling window (see files/file-grants.ts) and the path behind
// one is checked again here before the profile's host sees it; the activity log; pages
// packed for the renderer.
export const analyticsHandlers = {
  previewImport: async (ctx, { file, options }) => {
    const path = checkImportSource(ctx.dataDir, ctx.files.peek(ctx.windowId, 'read', file));
    const preview = await ctx.profile.worker.call('previewImport', { path, options });
    return { ...preview, page: packPage(preview.page) };
  },
  startImport: (ctx, { file, ...input }) =>
    ctx.files.use(
      ctx.windowId,
      'read',
      file,
      async (path) => {
        const outcome = await ctx.profile.worker.call('startImport', { ...input, path: checkImportSource(ctx.dataDir, path) });
        // The activity log names the table and its size, never the file it came from.
        if (outcome.status === 'imported') ctx.profiles.recordActivity(ctx.profile.id, 'table imported', `"${outcome.table}": ${rowsText(outcome.rows)}`);
        return outcome;
      },
      (outcome) => outcome.status === 'imported',
    ),
  runQuery: async (ctx, input) => packed(await ctx.profile.worker.call('runQuery', input)),
  // A fetchRows reply is exactly a page, which the worker client decodes into packed
  // arrays (page-transfer.ts): packing it again would copy all of its cells for nothing.
  fetchRows: (ctx, input) => ctx.profile.worker.call('fetchRows', input),
  resultTotal: async (ctx, input) => {
    const total = await ctx.profile.worker.call('resultTotal', input);
    return { ...total, firstPage: packPage(total.firstPage) };
  },
  sortFilterResult: async (ctx, input) => packed(await ctx.profile.worker.call('sortFilterResult', input)),
  exportData: (ctx, { file, ...input }) =>
    ctx.files.use(ctx.windowId, 'write', file, async (path) => {
      const outcome = await ctx.profile.worker.call('exportData', { ...input, path: checkExportTarget(ctx.dataDir, path) });
      const what = 'table' in input.source ? `table "${input.source.table}"` : 'a query result';
      ctx.profiles.recordActivity(ctx.profile.id, 'data exported', `${what} as ${input.format}: ${rowsText(outcome.rows)}`);
      return outcome;
    }),
} satisfies Partial<Handlers>;
