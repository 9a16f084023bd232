// Channels of calendar events.
import { z } from 'zod';
import { channel, returns } from '../channel.js';
import { ITEM_ERRORS, byIdChannel, listChannel, updateChannel } from '../item-channels.js';
import {
  EVENT_DESCRIPTION_MAX,
  EVENT_EXCEPTIONS_MAX,
  EVENT_LOCATION_MAX,
  EVENT_RULE_MAX,
  EVENT_TITLE_MAX,
  REMINDER_MINUTES_MAX,
  type CalendarEvent,
} from './events.js';
import { fileToken } from '../files/file-grants.js';
import { normalizeRecurrenceRule } from './recurrence-rule.js';
import type { IcsImportResult } from './ics/ics-events.js';
import type { Page } from '../tasks/tasks.js';
import { canonicalTimeZone, normalizeLocalInstant } from '../zoned-time.js';
import { dateOrInstant, instant, itemId, line, text, timeZone, version } from '../fields.js';

const title = line('Title', EVENT_TITLE_MAX, 1);
// An all-day event is stored as dates (YYYY-MM-DD, end inclusive); instants given for one
// become dates in its zone. A timed event takes instants with Z or an offset.
const start = dateOrInstant('Start');
const end = dateOrInstant('End');
const allDay = z.boolean('All-day is true or false');
const location = line('Location', EVENT_LOCATION_MAX);
const description = text('Description', EVENT_DESCRIPTION_MAX);

/** An RRULE value, stored in canonical form; null makes the event happen once. */
const recurrence = z
  .string('Repeat rule must be text')
  .max(EVENT_RULE_MAX, `Repeat rule is at most ${EVENT_RULE_MAX} characters`)
  .transform((s, ctx) => {
    const r = normalizeRecurrenceRule(s);
    if (r.ok) return r.rule;
    ctx.issues.push({ code: 'custom', message: `Repeat rule: ${r.message}`, input: s });
    return z.NEVER;
  })
  .nullable();
/** Removed occurrences, by the start the rule gives them. */
const exceptions = z
  .array(dateOrInstant('An exception'), 'Exceptions must be a list')
  .max(EVENT_EXCEPTIONS_MAX, `At most ${EVENT_EXCEPTIONS_MAX} exceptions`)
  .transform((list) => [...new Set(list)].sort());
const reminderMinutes = z
  .int('Reminder must be a whole number of minutes')
  .min(0, 'Reminder must not be negative')
  .max(REMINDER_MINUTES_MAX, `Reminder is at most ${REMINDER_MINUTES_MAX} minutes (four weeks) before`)
  .nullable();
const occurrenceScope = z.enum(['this', 'following'], 'Scope is this or following');

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
const windowEdge = (what: string) => instant(what, normalizeLocalInstant);

/** What a change to an event (or to one occurrence) may give: any of its fields. */
const eventChanges = {
  title: title.optional(),
  start: start.optional(),
  end: end.optional(),
  timeZone: eventZone.optional(),
  allDay: allDay.optional(),
  location: location.optional(),
  description: description.optional(),
  recurrence: recurrence.optional(),
  reminderMinutes: reminderMinutes.optional(),
};
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
      recurrence: recurrence.optional(),
      exceptions: exceptions.optional(),
      reminderMinutes: reminderMinutes.optional(),
    }),
    output: returns<CalendarEvent>(),
    errors: ITEM_ERRORS,
  }),
  updateEvent: updateChannel({ ...eventChanges, exceptions: exceptions.optional() }, returns<CalendarEvent>(), ITEM_ERRORS),
  /**
   * Changes one occurrence of a repeating event (`this`: stored as an edited occurrence that
   * replaces it) or it and every later one (`following`: the series ends before it and a new
   * one starts with the changes; at the series' first occurrence, the series itself changes).
   * `occurrenceStart` is the occurrence's start as listEvents gives it; `version` the series'.
   * Answers the edited occurrence or the new series.
   */
  editOccurrence: channel({
    scope: 'data',
    input: z
      .strictObject({
        id: itemId,
        version,
        occurrenceStart: dateOrInstant('Occurrence start'),
        scope: occurrenceScope,
        ...eventChanges,
      })
      .refine((i) => Object.keys(i).some((k) => !['id', 'version', 'occurrenceStart', 'scope'].includes(k)), 'Nothing to change'),
    output: returns<CalendarEvent>(),
    errors: [...ITEM_ERRORS, 'NOT_FOUND', 'CONFLICT'],
  }),
  /**
   * Removes one occurrence of a repeating event (`this`: an exception) or it and every later
   * one (`following`: the series ends before it; at the first occurrence, the series goes to
   * the Trash). Answers the series as it is afterwards.
   */
  deleteOccurrence: channel({
    scope: 'data',
    input: z.strictObject({ id: itemId, version, occurrenceStart: dateOrInstant('Occurrence start'), scope: occurrenceScope }),
    output: returns<CalendarEvent>(),
    errors: [...ITEM_ERRORS, 'NOT_FOUND', 'CONFLICT'],
  }),
  /**
   * Adds the events of an iCalendar (.ics, RFC 5545) file from a read token (chooseImportFile
   * or a dropped file); the token is used up. Answers how many events were added and the
   * components skipped, with why (at most 100 reasons).
   */
  importEvents: channel({
    scope: 'data',
    input: z.strictObject({ file: fileToken }),
    output: returns<IcsImportResult>(),
    errors: [...ITEM_ERRORS, 'NOT_FOUND', 'PERMISSION_DENIED'],
  }),
  /** Writes every event of the profile (series with their rules and edited occurrences) as .ics to a write token's file. */
  exportEvents: channel({
    scope: 'data',
    input: z.strictObject({ file: fileToken }),
    output: returns<{ events: number }>(),
    errors: [...ITEM_ERRORS, 'NOT_FOUND', 'PERMISSION_DENIED'],
  }),
  deleteEvent: byIdChannel<CalendarEvent>(ITEM_ERRORS),
  restoreEvent: byIdChannel<CalendarEvent>(ITEM_ERRORS),
  getEvent: byIdChannel<CalendarEvent>(ITEM_ERRORS),
  /**
   * Events overlapping [from, to), by start (an all-day event sorts as its first date, before
   * that date's times). Timed events are compared as instants; all-day events as dates, against
   * the local days the window covers: in `timeZone` when given (the viewer's zone), else in the
   * offset `from` and `to` are written with. Limit defaults to 100.
   */
  listEvents: listChannel(
    { from: windowEdge('From').optional(), to: windowEdge('To').optional(), timeZone: timeZone.optional() },
    returns<Page<CalendarEvent>>(),
    ITEM_ERRORS,
  ),
} as const;
