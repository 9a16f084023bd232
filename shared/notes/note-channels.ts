// Channels of notes.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { ITEM_ERRORS, byIdChannel, listChannel, updateChannel } from '../item-channels.js';
import { NOTE_BODY_MAX_BYTES, NOTE_SORTS, NOTE_TITLE_MAX, type Note, type NoteSummary } from './notes.js';
import type { Page } from '../tasks/tasks.js';
import { line, TAG_MAX, tags, text, utf8Length } from '../fields.js';

const title = line('Title', NOTE_TITLE_MAX);
const BODY_TOO_LONG = `Body is at most ${NOTE_BODY_MAX_BYTES / 1024 / 1024} MiB`;
// Characters first (cheap, and never fewer than bytes), then the exact UTF-8 size.
const body = text('Body', NOTE_BODY_MAX_BYTES, BODY_TOO_LONG).refine((s) => utf8Length(s) <= NOTE_BODY_MAX_BYTES, BODY_TOO_LONG);
const pinned = z.boolean('Pinned is true or false');

export const noteChannels = {
  createNote: channel({
    scope: 'data',
    input: z.strictObject({ title: title.optional(), body: body.optional(), tags: tags.optional(), pinned: pinned.optional() }),
    output: returns<Note>(),
    errors: ITEM_ERRORS,
  }),
  /** Changes the given fields of a note last seen at `version`; CONFLICT when it has changed since. */
  updateNote: updateChannel({ title: title.optional(), body: body.optional(), tags: tags.optional(), pinned: pinned.optional() }, returns<Note>(), ITEM_ERRORS),
  deleteNote: byIdChannel<Note>(ITEM_ERRORS),
  restoreNote: byIdChannel<Note>(ITEM_ERRORS),
  getNote: byIdChannel<Note>(ITEM_ERRORS),
  /** One page of notes not in the Trash, pinned first. Sort defaults to updated, limit to 100. */
  listNotes: listChannel(
    {
      tag: line('Tag', TAG_MAX, 1).optional(),
      pinned: pinned.optional(),
      sort: z.enum(NOTE_SORTS, `Sort is one of ${NOTE_SORTS.join(', ')}`).optional(),
    },
    returns<Page<NoteSummary>>(),
    ITEM_ERRORS,
  ),
} as const;
