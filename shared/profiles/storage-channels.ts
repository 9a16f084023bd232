// The Storage view of the calling window's profile.
import { noInputChannel } from '../channel.js';
import type { ProfileStorage } from './storage-usage.js';

export const storageChannels = {
  /** File sizes (with write-ahead logs), last opened, and rows per table of the window's own profile. */
  profileStorage: noInputChannel<ProfileStorage>(['LOCKED', 'STORAGE_ERROR']),
} as const;
