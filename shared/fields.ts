// Schema pieces the task, note, event and search channels share.
import { z } from 'zod';
import { ITEM_KINDS } from './search/search.js';
import { TAG_MAX } from './tags/tags.js';
import { isIsoDate, isTimeZone, normalizeInstant } from './zoned-time.js';
import { PAGE_SIZE_MAX } from './tasks/tasks.js';

/** Ids of tasks, notes and events are UUIDv7 (time-ordered), never a profile's v4 id. */
export const itemId = z.uuid({ version: 'v7', message: 'Not an item id' });

/** A task, note or event, where a channel takes any of them (search, the Trash). */
export const itemKind = z.enum(ITEM_KINDS, `Kind is one of ${ITEM_KINDS.join(', ')}`);

export const version = z.int('Version must be a whole number').min(1, 'Version must be at least 1');

// Stored text never contains \u0002/\u0003 (search highlight markers) or other control
// characters; multi-line fields keep tab and newlines.
// eslint-disable-next-line no-control-regex
const CONTROL = /[\u0000-\u001f\u007f]/;
// eslint-disable-next-line no-control-regex
const CONTROL_EXCEPT_WHITESPACE = /[\u0000-\u0008\u000b\u000c\u000e-\u001f\u007f]/;

/** One line, trimmed; `min` 1 makes it required. */
export const line = (what: string, max: number, min = 0) =>
  z
    .string(`${what} must be text`)
    .max(max, `${what} is at most ${max} characters`)
    .trim()
    .min(min, `${what} is required`)
    .refine((s) => !CONTROL.test(s), `${what} must not contain control characters`);

/** Multi-line text of at most `max` characters. */
export const text = (what: string, max: number, tooLong = `${what} is at most ${max} characters`) =>
  z
    .string(`${what} must be text`)
    .max(max, tooLong)
    .refine((s) => !CONTROL_EXCEPT_WHITESPACE.test(s), `${what} must not contain control characters`);

export { TAG_MAX };
export const TAGS_MAX = 32;
export const tags = z
  .array(line('A tag', TAG_MAX, 1), 'Tags must be a list')
  .max(TAGS_MAX, `At most ${TAGS_MAX} tags`)
  .transform((t) => [...new Set(t)]);

// The caps on the time fields below keep their own messages: anything longer is not one.
export const timeZone = z.string('Time zone must be text').max(100, 'Not a known IANA time zone').refine(isTimeZone, 'Not a known IANA time zone');

/**
 * One instant: ISO 8601 with Z or an offset; parsed to UTC `…Z` (or kept in its own offset
 * when `normalize` is normalizeLocalInstant).
 */
export const instant = (what: string, normalize: (s: string) => string | null = normalizeInstant) =>
  z.string(`${what} must be text`).max(100, `${what} must be an ISO date-time with Z or an offset`).transform((s, ctx) => {
    const v = s.length <= 40 ? normalize(s) : null;
    if (v === null) {
      ctx.issues.push({ code: 'custom', message: `${what} must be an ISO date-time with Z or an offset`, input: s });
      return z.NEVER;
    }
    return v;
  });

/** A calendar date `YYYY-MM-DD` (kept as is), or an instant (parsed to UTC `…Z`). */
export const dateOrInstant = (what: string) =>
  z.string(`${what} must be text`).max(100, `${what} must be a date YYYY-MM-DD or an ISO date-time with Z or an offset`).transform((s, ctx) => {
    if (isIsoDate(s)) return s;
    const v = s.length <= 40 ? normalizeInstant(s) : null;
    if (v === null) {
      ctx.issues.push({ code: 'custom', message: `${what} must be a date YYYY-MM-DD or an ISO date-time with Z or an offset`, input: s });
      return z.NEVER;
    }
    return v;
  });

export const cursor = z.string('Cursor must be text').min(1).max(2000, 'Not a cursor');
export const limit = z.int('Limit must be a whole number').min(1).max(PAGE_SIZE_MAX, `Limit is at most ${PAGE_SIZE_MAX}`);

/** Size of a string in UTF-8 without encoding it. */
export function utf8Length(s: string): number {
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c < 0x80) n += 1;
    else if (c < 0x800) n += 2;
    else if (c >= 0xd800 && c <= 0xdbff && i + 1 < s.length) {
      n += 4;
      i++;
    } else n += 3;
  }
  return n;
}

/**
 * Records whose key count is capped (see boundedRecord). The contract test that walks
 * every channel's schema (electron/core/router/contract-caps.test.ts)
 * accepts a record only when it is one of these.
 */
export const BOUNDED_RECORDS = new WeakSet<z.ZodType>();

/**
 * A record of at most `maxKeys` entries. The count is checked before any key is
 * parsed (zod parses every key and value first): a record with a million keys is
 * refused in the time it takes to list them, not to validate each.
 */
export function boundedRecord<K extends z.ZodType<string, string>, V extends z.ZodType>(key: K, value: V, maxKeys: number, what = 'This list') {
  const record = z.record(key, value);
  BOUNDED_RECORDS.add(record);
  const capped = z.preprocess((input, ctx) => {
    if (typeof input === 'object' && input !== null && !Array.isArray(input) && Object.keys(input).length > maxKeys) {
      ctx.issues.push({ code: 'too_big', maximum: maxKeys, origin: 'object', inclusive: true, input, message: `${what} has at most ${maxKeys} entries` });
      return z.NEVER;
    }
    return input;
  }, record);
  // A preprocess step takes `unknown`; callers (and ChannelInput) still see the record's own input type.
  return capped as unknown as z.ZodType<z.output<typeof record>, z.input<typeof record>>;
}

/** An update must change something: at least one key besides id and version. */
export const changesSomething = (input: object) => Object.keys(input).some((k) => k !== 'id' && k !== 'version');
