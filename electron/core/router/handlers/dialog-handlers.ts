import type { Handlers } from '../handler-types.js';

export const dialogHandlers = {
  chooseImportFile: async (ctx) => {
    const path = await ctx.dialogs.chooseImportFile(ctx.windowId);
    return path === null ? null : { path };
  },
  chooseExportPath: async (ctx, options) => {
    const path = await ctx.dialogs.chooseExportPath(ctx.windowId, options);
    return path === null ? null : { path };
  },
} satisfies Partial<Handlers>;
