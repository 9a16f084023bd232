// The Trash of the calling window's profile: list, purge for good, empty.
import { z } from 'zod';
import { channel, noInputChannel, returns } from '../channel.js';
import { itemId, itemKind } from '../fields.js';
import { ITEM_ERRORS, listChannel } from '../item-channels.js';
import type { Page } from '../tasks/tasks.js';
import type { TrashItem } from './trash.js';

export const trashChannels = {
  /** Items in the Trash, most recently deleted first. */
  listTrash: listChannel({}, returns<Page<TrashItem>>(), ITEM_ERRORS),
  /** Deletes items in the Trash for good; items not in the Trash are left alone. */
  purgeTrash: channel({
    scope: 'data',
    input: z.strictObject({ items: z.array(z.strictObject({ kind: itemKind, id: itemId })).min(1).max(1000) }),
    output: returns<{ purged: number }>(),
    errors: ITEM_ERRORS,
  }),
  emptyTrash: noInputChannel<{ purged: number }>(['LOCKED', 'STORAGE_ERROR', 'DISK_FULL']),
} as const;
