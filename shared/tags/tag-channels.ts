// Channels of the profile's tags (on tasks and notes): the list with counts, and renaming
// one tag (onto an existing one it merges).
import { z } from 'zod';
import { ITEM_ERRORS } from '../item-channels.js';
import { channel, noInputChannel, returns } from '../channel.js';
import type { TagCount, TagRenamed } from './tags.js';
import { line, TAG_MAX } from '../fields.js';

const tag = (what: string) => line(what, TAG_MAX, 1);

export const tagChannels = {
  /** Every tag on a task or note outside the Trash, with how many of each carry it; A–Z. */
  listTags: noInputChannel<TagCount[]>(ITEM_ERRORS),
  /**
   * Renames a tag on every task and note (the Trash too, so a restored item follows);
   * an item that has `to` already keeps one. NOT_FOUND when nothing carries `from`.
   */
  renameTag: channel({
    scope: 'data',
    input: z
      .strictObject({ from: tag('From'), to: tag('To') })
      .refine((r) => r.from !== r.to, { message: 'The new name is the same as the old one', path: ['to'] }),
    output: returns<TagRenamed>(),
    errors: [...ITEM_ERRORS, 'NOT_FOUND'],
  }),
} as const;
