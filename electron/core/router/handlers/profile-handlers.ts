import type { SessionInfo } from '../../../../shared/profiles/profiles.js';
import type { ProfileRow } from '../../registry/registry.js';
import type { Handlers } from '../handler-types.js';

const sessionInfo = (row: ProfileRow): SessionInfo => ({ name: row.name, color: row.color, hasPassword: row.hasPassword });

export const profileHandlers = {
  listProfiles: async (ctx) => ctx.profiles.list(),

  openProfileWindow: async (ctx, { profileId }) => {
    ctx.profiles.get(profileId); // NOT_FOUND for a profile that does not exist
    ctx.windows.open({ profileId });
    return null;
  },

  createProfile: (ctx, input) => ctx.profiles.create(input),

  unlockProfile: async (ctx, { profileId, password }) => {
    const row = await ctx.profiles.authenticate(profileId, password);
    await ctx.sessions.bind(ctx.windowId, row.id);
    return sessionInfo(row);
  },

  currentSession: async (ctx) => {
    const id = ctx.sessions.profileIdOf(ctx.windowId);
    return id === null ? null : sessionInfo(ctx.profiles.get(id));
  },

  lockSession: async (ctx) => {
    await ctx.sessions.unbind(ctx.windowId, 'user');
    return null;
  },

  reopenProfile: async (ctx) => {
    await ctx.sessions.reopen(ctx.windowId);
    return null;
  },

  profileOverview: async (ctx) => {
    const row = ctx.profiles.get(ctx.profile.id);
    const storage = await ctx.profile.worker.call('overview', undefined);
    return { name: row.name, color: row.color, ...storage };
  },

  profileUsage: (ctx) => ctx.profiles.usage(),

  renameProfile: async (ctx, { name }) => sessionInfo(ctx.profiles.rename(ctx.profile.id, name)),

  changePassword: async (ctx, { currentPassword, newPassword }) =>
    sessionInfo(await ctx.profiles.changePassword(ctx.profile.id, currentPassword, newPassword)),

  deleteProfile: async (ctx, { profileId, password, confirmName }) => {
    await ctx.profiles.authorizeDeletion(profileId, password, confirmName);
    // The tombstone comes before locking, so no window can unlock the profile again
    // while its worker closes; the files go only once no worker holds them.
    ctx.profiles.markDeleting(profileId);
    await ctx.sessions.lockProfile(profileId, 'deleted');
    await ctx.profiles.finishDeletion(profileId);
    return null;
  },
} satisfies Partial<Handlers>;
