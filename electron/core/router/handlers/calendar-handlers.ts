import { checkExportTarget, checkImportSource } from '../../analytics/import-source.js';
import type { Handlers } from '../handler-types.js';
import { itemWrites } from './item-writes.js';

// The host serves the calendar channels; main adds only the windows' push event to writes,
// and turns a file token of the calling window into the path the host reads or writes.
export const calendarHandlers = {
  ...itemWrites('eventsChanged', ['createEvent', 'updateEvent', 'deleteEvent', 'restoreEvent', 'deleteOccurrence']),
  editOccurrence: async (ctx, input) => {
    const e = await ctx.profile.worker.call('editOccurrence', input);
    ctx.sessions.notify(ctx.profile.id, 'eventsChanged', { ids: [input.id, e.id] });
    return e;
  },
  importEvents: (ctx, { file }) =>
    ctx.files.use(
      ctx.windowId,
      'read',
      file,
      async (path) => {
        const result = await ctx.profile.worker.call('importEvents', { path: checkImportSource(ctx.dataDir, path) });
        if (result.added > 0) ctx.sessions.notify(ctx.profile.id, 'eventsChanged', { ids: [] });
        return result;
      },
      (r) => r.added > 0,
    ),
  exportEvents: (ctx, { file }) =>
    ctx.files.use(ctx.windowId, 'write', file, (path) => ctx.profile.worker.call('exportEvents', { path: checkExportTarget(ctx.dataDir, path) })),
} satisfies Partial<Handlers>;
