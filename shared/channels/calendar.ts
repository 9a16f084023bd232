// Channels of calendar events.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { EVENT_DESCRIPTION_MAX, EVENT_LOCATION_MAX, EVENT_TITLE_MAX, type CalendarEvent } from '../events.js';
import type { Page } from '../tasks.js';
import { changesSomething, cursor, dateOrInstant, instant, itemId, limit, line, text, timeZone, version } from './fields.js';

const title = line('Title', EVENT_TITLE_MAX, 1);
// An all-day event may be given by dates (YYYY-MM-DD, end inclusive): they become the
// start of those days in timeZone. Anything else must be an instant with Z or an offset.
const start = dateOrInstant('Start');
const end = dateOrInstant('End');
const allDay = z.boolean('All-day is true or false');
const location = line('Location', EVENT_LOCATION_MAX);
const description = text('Description', EVENT_DESCRIPTION_MAX);

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
      timeZone,
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
        timeZone: timeZone.optional(),
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
  /** Events overlapping [from, to), by start time. Limit defaults to 100. */
  listEvents: channel({
    scope: 'data',
    input: z.strictObject({
      from: instant('From').optional(),
      to: instant('To').optional(),
      cursor: cursor.optional(),
      limit: limit.optional(),
    }),
    output: returns<Page<CalendarEvent>>(),
    errors: eventErrors,
  }),
} as const;
