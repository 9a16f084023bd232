// Channels of calendar events.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { EVENT_DESCRIPTION_MAX, EVENT_LOCATION_MAX, EVENT_TITLE_MAX, type CalendarEvent } from '../events.js';
import type { Page } from '../tasks.js';
import { canonicalTimeZone, normalizeLocalInstant } from '../zoned-time.js';
import { changesSomething, cursor, dateOrInstant, itemId, limit, line, text, timeZone, version } from './fields.js';

const title = line('Title', EVENT_TITLE_MAX, 1);
// An all-day event is stored as dates (YYYY-MM-DD, end inclusive); instants given for one
// become dates in its zone. A timed event takes instants with Z or an offset.
const start = dateOrInstant('Start');
const end = dateOrInstant('End');
const allDay = z.boolean('All-day is true or false');
const location = line('Location', EVENT_LOCATION_MAX);
const description = text('Description', EVENT_DESCRIPTION_MAX);

/** An event's zone, stored as its canonical IANA name (`us/eastern` → `America/New_York`). */
const eventZone = z
  .string('Time zone must be text')
  .max(64, 'Not a known IANA time zone')
  .transform((s, ctx) => {
    const c = canonicalTimeZone(s);
    if (c.ok) return c.zone;
    ctx.issues.push({ code: 'custom', message: c.message, input: s });
    return z.NEVER;
  });

/** A window edge: an instant with Z or an offset, kept as written so its local date stays known. */
const windowEdge = (what: string) =>
  z.string(`${what} must be text`).max(100, `${what} must be an ISO date-time with Z or an offset`).transform((s, ctx) => {
    const v = s.length <= 40 ? normalizeLocalInstant(s) : null;
    if (v === null) {
      ctx.issues.push({ code: 'custom', message: `${what} must be an ISO date-time with Z or an offset`, input: s });
      return z.NEVER;
    }
    return v;
  });

const byId = z.strictObject({ id: itemId });
const eventErrors = ['INVALID_INPUT', 'LOCKED', 'STORAGE_ERROR', 'DISK_FULL'] as const;

export const calendarChannels = {
  /** end ≥ start, else INVALID_INPUT naming `end`. */
  createEvent: channel({
    scope: 'data',
    input: z.strictObject({
      title,
      start,
      end,
      timeZone: eventZone,
      allDay: allDay.optional(),
      location: location.optional(),
      description: description.optional(),
    }),
    output: returns<CalendarEvent>(),
    errors: eventErrors,
  }),
  updateEvent: channel({
    scope: 'data',
    input: z
      .strictObject({
        id: itemId,
        version,
        title: title.optional(),
        start: start.optional(),
        end: end.optional(),
        timeZone: eventZone.optional(),
        allDay: allDay.optional(),
        location: location.optional(),
        description: description.optional(),
      })
      .refine(changesSomething, 'Nothing to change'),
    output: returns<CalendarEvent>(),
    errors: [...eventErrors, 'NOT_FOUND', 'CONFLICT'],
  }),
  deleteEvent: channel({ scope: 'data', input: byId, output: returns<CalendarEvent>(), errors: [...eventErrors, 'NOT_FOUND'] }),
  restoreEvent: channel({ scope: 'data', input: byId, output: returns<CalendarEvent>(), errors: [...eventErrors, 'NOT_FOUND'] }),
  getEvent: channel({ scope: 'data', input: byId, output: returns<CalendarEvent>(), errors: [...eventErrors, 'NOT_FOUND'] }),
  /**
   * Events overlapping [from, to), by start (an all-day event sorts as its first date, before
   * that date's times). Timed events are compared as instants; all-day events as dates, against
   * the local days the window covers: in `timeZone` when given (the viewer's zone), else in the
   * offset `from` and `to` are written with. Limit defaults to 100.
   */
  listEvents: channel({
    scope: 'data',
    input: z.strictObject({
      from: windowEdge('From').optional(),
      to: windowEdge('To').optional(),
      timeZone: timeZone.optional(),
      cursor: cursor.optional(),
      limit: limit.optional(),
    }),
    output: returns<Page<CalendarEvent>>(),
    errors: eventErrors,
  }),
} as const;
