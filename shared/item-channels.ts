// The channels a task, a note and an event answer alike: one item by id (get, delete to
// the Trash, restore), a change of given fields on an item last seen at `version`, and a
// list read page by page (the Trash's too). The features' tables build those from here so
// that the shape is written once.
import { z } from 'zod';
import { channel, returns } from './channel.js';
import type { ErrorCode } from './errors.js';
import { changesSomething, cursor, itemId, limit, version } from './fields.js';

const byId = z.strictObject({ id: itemId });

/** What a channel on the profile's items (tasks, notes, events, tags, search, the Trash) may answer besides its own codes. */
export const ITEM_ERRORS = ['INVALID_INPUT', 'LOCKED', 'STORAGE_ERROR', 'DISK_FULL'] as const;

/** One item by id; NOT_FOUND besides the feature's codes. */
export const byIdChannel = <T>(errors: readonly ErrorCode[]) =>
  channel({ scope: 'data', input: byId, output: returns<T>(), errors: [...errors, 'NOT_FOUND'] });

/**
 * Changes the given `fields` (each optional) of an item last seen at `version`; at least one
 * must be given. CONFLICT when the item has changed since, NOT_FOUND when it is gone.
 */
export const updateChannel = <F extends z.ZodRawShape, O>(fields: F, output: O, errors: readonly ErrorCode[]) =>
  channel({
    scope: 'data',
    input: z.strictObject({ id: itemId, version, ...fields }).refine(changesSomething, 'Nothing to change'),
    output,
    errors: [...errors, 'NOT_FOUND', 'CONFLICT'],
  });

/** One page of a list: the list's own `filters` (each optional), then a `cursor` to go on from and a `limit`. */
export const pageInput = <F extends z.ZodRawShape>(filters: F) => z.strictObject({ ...filters, cursor: cursor.optional(), limit: limit.optional() });

/** A list read page by page: `output` is the page's type (`returns<Page<T>>()`). */
export const listChannel = <F extends z.ZodRawShape, O>(filters: F, output: O, errors: readonly ErrorCode[]) =>
  channel({ scope: 'data', input: pageInput(filters), output, errors });
