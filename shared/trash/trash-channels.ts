// The Trash of the calling window's profile: list, purge for good, empty.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { cursor, itemId, itemKind, limit } from '../fields.js';
import type { Page } from '../tasks/tasks.js';
import type { TrashItem } from './trash.js';

export const trashChannels = {
  /** Items in the Trash, most recently deleted first. */
  listTrash: channel({
    scope: 'data',
    input: z.strictObject({ cursor: cursor.optional(), limit: limit.optional() }),
    output: returns<Page<TrashItem>>(),
    errors: ['INVALID_INPUT', 'LOCKED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  /** Deletes items in the Trash for good; items not in the Trash are left alone. */
  purgeTrash: channel({
    scope: 'data',
    input: z.strictObject({ items: z.array(z.strictObject({ kind: itemKind, id: itemId })).min(1).max(1000) }),
    output: returns<{ purged: number }>(),
    errors: ['INVALID_INPUT', 'LOCKED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
  emptyTrash: channel({
    scope: 'data',
    input: z.undefined(),
    output: returns<{ purged: number }>(),
    errors: ['LOCKED', 'STORAGE_ERROR', 'DISK_FULL'],
  }),
} as const;
