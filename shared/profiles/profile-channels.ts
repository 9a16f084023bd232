// Channels of the profile picker and the session of a window.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  PROFILE_COLORS,
  PROFILE_NAME_MAX,
  type ProfileOverview,
  type ProfileSummary,
  type ProfileUsage,
  type SessionInfo,
} from './profiles.js';

const noInput = z.undefined();

export const profileName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(PROFILE_NAME_MAX, `Name is at most ${PROFILE_NAME_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Name must not contain control characters');

export const password = z
  .string()
  .min(PASSWORD_MIN, `Password is at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password is at most ${PASSWORD_MAX} characters`);

export const profileId = z.uuid();

export const profileChannels = {
  listProfiles: channel({
    scope: 'app',
    input: noInput,
    output: returns<ProfileSummary[]>(),
    errors: ['INTERNAL'],
  }),
  createProfile: channel({
    scope: 'app',
    input: z.strictObject({
      name: profileName,
      password: password.optional(),
      color: z.enum(PROFILE_COLORS).optional(),
    }),
    output: returns<ProfileSummary>(),
    errors: ['INVALID_INPUT', 'ALREADY_EXISTS', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** Unlocks a profile and binds the calling window to it (replacing any earlier binding). */
  unlockProfile: channel({
    scope: 'app',
    input: z.strictObject({ profileId, password: z.string().max(PASSWORD_MAX).optional() }),
    output: returns<SessionInfo>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE', 'PROFILE_DAMAGED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** The profile bound to the calling window, or null. */
  currentSession: channel({
    scope: 'app',
    input: noInput,
    output: returns<SessionInfo | null>(),
    errors: [],
  }),
  /** Unbinds the calling window; the profile's databases close when no window holds it. */
  lockSession: channel({
    scope: 'data',
    input: noInput,
    output: returns<null>(),
    errors: ['LOCKED'],
  }),
  /**
   * Starts the stopped host of the calling window's profile again (after `profileStopped`).
   * No password: the window stayed bound to the profile it unlocked. Repeated crashes back
   * off: PROFILE_CRASHED with retryAfterSeconds.
   */
  reopenProfile: channel({
    scope: 'data',
    input: noInput,
    output: returns<null>(),
    errors: ['LOCKED', 'PROFILE_CRASHED', 'PROFILE_DAMAGED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  profileOverview: channel({
    scope: 'data',
    input: noInput,
    output: returns<ProfileOverview>(),
    errors: ['LOCKED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** Renames the profile bound to the calling window (only an unlocked profile may be renamed). */
  renameProfile: channel({
    scope: 'data',
    input: z.strictObject({ name: profileName }),
    output: returns<SessionInfo>(),
    errors: ['INVALID_INPUT', 'LOCKED', 'ALREADY_EXISTS'],
  }),
  /**
   * Sets, changes or removes (newPassword absent) the password of the calling window's
   * profile. currentPassword is required when it has one; wrong ones count towards the throttle.
   */
  changePassword: channel({
    scope: 'data',
    input: z.strictObject({
      currentPassword: z.string().max(PASSWORD_MAX).optional(),
      newPassword: password.optional(),
    }),
    output: returns<SessionInfo>(),
    errors: ['INVALID_INPUT', 'LOCKED', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE'],
  }),
  /**
   * Deletes a profile with all its data: needs its password, or for a passwordless
   * profile confirmName equal to its name. Every window bound to it is locked first.
   */
  deleteProfile: channel({
    scope: 'app',
    input: z.strictObject({
      profileId,
      password: z.string().max(PASSWORD_MAX).optional(),
      confirmName: z.string().max(PROFILE_NAME_MAX * 4).optional(),
    }),
    output: returns<null>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /**
   * Opens another window on the picker with this profile chosen (a tile's "Open in new
   * window"); it still has to be unlocked there. NOT_FOUND for an unknown profile.
   */
  openProfileWindow: channel({
    scope: 'app',
    input: z.strictObject({ profileId }),
    output: returns<null>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND'],
  }),
  /** Disk use of every profile, for the picker: sizes and last opened only (row counts need an unlock: profileOverview). */
  profileUsage: channel({
    scope: 'app',
    input: noInput,
    output: returns<ProfileUsage[]>(),
    errors: ['INTERNAL'],
  }),
} as const;
