// Calendar events as the renderer and the CLI see them. Named CalendarEvent so it
// never shadows the DOM's Event.

export const EVENT_TITLE_MAX = 500;
export const EVENT_LOCATION_MAX = 1000;
export const EVENT_DESCRIPTION_MAX = 100_000;

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
}
