// The channels a task, a note and an event answer alike: one item by id (get, delete to
// the Trash, restore) and a change of given fields on an item last seen at `version`.
// The three features' tables build those from here so that the shape is written once.
import { z } from 'zod';
import { channel, returns } from './channel.js';
import type { ErrorCode } from './errors.js';
import { changesSomething, itemId, version } from './fields.js';

const byId = z.strictObject({ id: itemId });

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
