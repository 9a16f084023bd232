// Main's step for asking in plain language: the keychain. The profile's host keeps the
// settings and calls the endpoint; main reads the window's profile's key and hands it to
// that host in the call, and answers `hasKey`, never the key itself.
import type { AiSettings } from '../../../../shared/ai/ai.js';
import type { DataContext, Handlers } from '../handler-types.js';

const hasKey = async (ctx: DataContext) => (await ctx.profiles.aiKey(ctx.profile.id)) !== null;

const origin = (s: AiSettings | null) => (s ? new URL(s.url).origin : null);

export const aiHandlers = {
  aiSettings: async (ctx) => ({ settings: await ctx.profile.worker.call('aiSettings', undefined), hasKey: await hasKey(ctx) }),
  setAiSettings: async (ctx, { key, ...change }) => {
    const { previous, settings } = await ctx.profile.worker.call('setAiSettings', change);
    if (key !== undefined) await ctx.profiles.setAiKey(ctx.profile.id, key);
    // A key is for the server it was given for: moving the URL elsewhere without a new key drops it.
    else if (origin(previous) !== origin(settings)) await ctx.profiles.setAiKey(ctx.profile.id, null);
    return { settings, hasKey: await hasKey(ctx) };
  },
  clearAiSettings: async (ctx) => {
    await ctx.profile.worker.call('clearAiSettings', undefined);
    await ctx.profiles.setAiKey(ctx.profile.id, null);
    return null;
  },
  askAi: async (ctx, input) => ctx.profile.worker.call('askAi', { ...input, apiKey: await ctx.profiles.aiKey(ctx.profile.id) }),
  fixAiSql: async (ctx, input) => ctx.profile.worker.call('fixAiSql', { ...input, apiKey: await ctx.profiles.aiKey(ctx.profile.id) }),
} satisfies Partial<Handlers>;
