// Calendar events as the renderer and the CLI see them. Named CalendarEvent so it
// never shadows the DOM's Event.

export const EVENT_TITLE_MAX = 500;
export const EVENT_LOCATION_MAX = 1000;
export const EVENT_DESCRIPTION_MAX = 100_000;
/** Characters of an RRULE value (`FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`). */
export const EVENT_RULE_MAX = 500;
/** Occurrences one series may have removed (EXDATE). */
export const EVENT_EXCEPTIONS_MAX = 1000;
/** A reminder at most four weeks ahead of its event. */
export const REMINDER_MINUTES_MAX = 40_320;

/** Which occurrences of a repeating event an edit or a delete applies to. */
export type OccurrenceScope = 'this' | 'following';

export interface CalendarEvent {
  id: string;
  title: string;
  /**
   * A timed event: a UTC instant, ISO 8601 (`…Z`), shown in the viewer's local time.
   * An all-day event: its first day, a date `YYYY-MM-DD` that every viewer in every zone sees as is.
   */
  start: string;
  /** A timed event: a UTC instant, never before start. An all-day event: its last day, inclusive (`YYYY-MM-DD`). */
  end: string;
  /** The canonical IANA zone it belongs to, e.g. `Europe/Berlin`; turns times into days and back when allDay changes. */
  timeZone: string;
  allDay: boolean;
  location: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
  /**
   * A repeating event: its RFC 5545 RRULE value without DTSTART (`FREQ=WEEKLY;BYDAY=MO,WE;COUNT=10`),
   * the rule's times read in the event's zone (so 09:00 stays 09:00 across DST). Null: happens once.
   */
  recurrence: string | null;
  /** Starts of occurrences removed from the series (EXDATE), as start is written: instants, or dates for all-day. */
  exceptions: string[];
  /** An edited occurrence of a series (RECURRENCE-ID): the series' id, else null. */
  seriesId: string | null;
  /** An edited occurrence: the start the rule gave the occurrence it replaces, else null. */
  originalStart: string | null;
  /** Minutes before start to remind (an all-day event: before the start of its first day); null for none. */
  reminderMinutes: number | null;
  /**
   * Only in listEvents answers, on an occurrence a series' rule generates: the occurrence's start as
   * the rule gives it (start and end are the occurrence's, id and version the series').
   */
  occurrenceStart?: string;
}

/** A reminder due: one occurrence of an event (main shows these as OS notifications). */
export interface EventReminder {
  eventId: string;
  /** The occurrence's start (an instant, or a date for an all-day event). */
  start: string;
  allDay: boolean;
  title: string;
  /** When to show it, a UTC instant. */
  at: string;
}
