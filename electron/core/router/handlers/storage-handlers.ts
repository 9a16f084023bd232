import type { Handlers } from '../handler-types.js';

export const storageHandlers = {
  profileStorage: async (ctx) => {
    const usage = await ctx.profiles.usageOf(ctx.profiles.get(ctx.profile.id));
    return { ...usage, rowCounts: await ctx.profile.worker.call('rowCounts', undefined) };
  },
} satisfies Partial<Handlers>;
