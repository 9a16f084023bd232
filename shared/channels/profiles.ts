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
  type SessionInfo,
} from '../profiles.js';

const noInput = z.undefined();

const profileName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(PROFILE_NAME_MAX, `Name is at most ${PROFILE_NAME_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Name must not contain control characters');

const password = z
  .string()
  .min(PASSWORD_MIN, `Password is at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password is at most ${PASSWORD_MAX} characters`);

const profileId = z.uuid();

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
    errors: ['INVALID_INPUT', 'ALREADY_EXISTS', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /** Unlocks a profile and binds the calling window to it (replacing any earlier binding). */
  unlockProfile: channel({
    scope: 'app',
    input: z.strictObject({ profileId, password: z.string().max(PASSWORD_MAX).optional() }),
    output: returns<SessionInfo>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
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
  profileOverview: channel({
    scope: 'data',
    input: noInput,
    output: returns<ProfileOverview>(),
    errors: ['LOCKED', 'STORAGE_ERROR'],
  }),
} as const;
