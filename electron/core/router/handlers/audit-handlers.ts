import type { Handlers } from '../handler-types.js';

export const auditHandlers = {
  // The profile comes from the window binding: a caller cannot name another one.
  auditLog: async (ctx, { limit, before }) => ctx.profiles.activity(ctx.profile.id, limit, before),
} satisfies Partial<Handlers>;
