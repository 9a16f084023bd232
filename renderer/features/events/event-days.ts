// Which calendar days an event covers and how its time reads, in the viewer's zone.
// All-day events are dates, the same days for every viewer in every zone.
import type { CalendarEvent } from '../../../shared/events/events.js';
import { addDays } from '../../../shared/zoned-time.js';
import { dateAtNoon, localDate, timeLabel } from '../../format/local-time.js';
import { currentLocale, dateFormat } from '../../format/locale.js';

export interface EventDays {
  first: string;
  last: string;
}

export function eventDays(event: CalendarEvent): EventDays {
  if (event.allDay) return { first: event.start, last: event.end < event.start ? event.start : event.end };
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  // An event ending at midnight does not spill into the next day.
  return { first: localDate(start), last: localDate(Math.max(start, end - 1)) };
}

export const coversDay = (days: EventDays, date: string) => days.first <= date && date <= days.last;

/** "All day", "9:00 AM – 10:30 AM", or with dates when it spans days. */
export function timeRangeLabel(event: CalendarEvent): string {
  const days = eventDays(event);
  if (event.allDay) {
    return days.first === days.last ? 'All day' : `All day, ${shortDate(days.first)} – ${shortDate(days.last)}`;
  }
  const start = Date.parse(event.start);
  const end = Date.parse(event.end);
  if (days.first === days.last) return start === end ? timeLabel(start) : `${timeLabel(start)} – ${timeLabel(end)}`;
  return `${shortDate(days.first)} ${timeLabel(start)} – ${shortDate(localDate(end))} ${timeLabel(end)}`;
}

// Formats are looked up on each call (dateFormat caches them): the locale and the first
// weekday can change while the calendar is open (Settings › General).
export const shortDate = (date: string) => dateFormat({ month: 'short', day: 'numeric' }).format(dateAtNoon(date));

/** 'YYYY-MM' → "November 2026" */
export const monthLabel = (month: string) => dateFormat({ month: 'long', year: 'numeric' }).format(dateAtNoon(`${month}-15`));

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The first day (`YYYY-MM-DD`) of the week holding a date; weekStart 0 Sunday … 6 Saturday. */
export function weekStartOf(date: string, weekStart = currentLocale().weekStart): string {
  return addDays(date, -((dateAtNoon(date).getDay() - weekStart + 7) % 7));
}

/** The 42 days (6 weeks, from the locale's or the chosen first weekday) a month grid shows. */
export function monthGridDays(month: string, weekStart = currentLocale().weekStart): string[] {
  const start = weekStartOf(`${month}-01`, weekStart);
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

/** Short weekday names in display order for a first weekday (2024-01-07 was a Sunday). */
export const weekdayNames = (weekStart = currentLocale().weekStart): string[] =>
  Array.from({ length: 7 }, (_, i) => dateFormat({ weekday: 'short' }).format(dateAtNoon(addDays('2024-01-07', (weekStart + i) % 7))));

/** A column heading: "Mon" and 3, and the long form for screen readers. */
export const dayHeading = (date: string) => ({
  weekday: dateFormat({ weekday: 'short' }).format(dateAtNoon(date)),
  day: Number(date.slice(8)),
  label: dateFormat({ weekday: 'long', month: 'long', day: 'numeric' }).format(dateAtNoon(date)),
});
