import { grantFile } from '../../files/grant-file.js';
import type { Handlers } from '../handler-types.js';

// The dialogs answer paths inside main; the window gets a token for its file.
export const dialogHandlers = {
  chooseImportFile: async (ctx, input) => {
    const path = await ctx.dialogs.chooseImportFile(ctx.windowId, input?.purpose ?? 'data');
    return path === null ? null : grantFile(ctx.files, ctx.dataDir, ctx.windowId, 'read', path);
  },
  chooseCalendarFile: async (ctx) => {
    const path = await ctx.dialogs.chooseCalendarFile(ctx.windowId);
    return path === null ? null : grantFile(ctx.files, ctx.dataDir, ctx.windowId, 'read', path);
  },
  chooseCalendarExportPath: async (ctx, { suggestedName }) => {
    const path = await ctx.dialogs.chooseCalendarExportPath(ctx.windowId, suggestedName);
    return path === null ? null : grantFile(ctx.files, ctx.dataDir, ctx.windowId, 'write', path);
  },
  chooseExportPath: async (ctx, options) => {
    const path = await ctx.dialogs.chooseExportPath(ctx.windowId, options);
    return path === null ? null : grantFile(ctx.files, ctx.dataDir, ctx.windowId, 'write', path);
  },
} satisfies Partial<Handlers>;
