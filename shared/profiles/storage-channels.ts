// The Storage view of the calling window's profile.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import type { ProfileStorage } from './storage-usage.js';

export const storageChannels = {
  /** File sizes (with write-ahead logs), last opened, and rows per table of the window's own profile. */
  profileStorage: channel({
    scope: 'data',
    input: z.undefined(),
    output: returns<ProfileStorage>(),
    errors: ['LOCKED', 'STORAGE_ERROR'],
  }),
} as const;
