// Calendar events as the renderer and the CLI see them. Named CalendarEvent so it
// never shadows the DOM's Event.

export const EVENT_TITLE_MAX = 500;
export const EVENT_LOCATION_MAX = 1000;
export const EVENT_DESCRIPTION_MAX = 100_000;

export interface CalendarEvent {
  id: string;
  title: string;
  /** UTC instant, ISO 8601 (`…Z`). Show it in the viewer's local time. */
  start: string;
  /** UTC instant, never before start. For an all-day event, the start of the day after its last day. */
  end: string;
  /** The IANA zone it was entered in, e.g. `Europe/Berlin`; all-day days are days in this zone. */
  timeZone: string;
  allDay: boolean;
  location: string;
  description: string;
  createdAt: string;
  updatedAt: string;
  deletedAt: string | null;
  version: number;
}
