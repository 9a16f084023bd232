// Which calendar days an event covers and how its time reads, in the viewer's zone.
// All-day events are dates, the same days for every viewer in every zone.
import type { CalendarEvent } from '../../../shared/events.js';
import { addDays } from '../../../shared/zoned-time.js';
import { dateAtNoon, localDate, timeLabel } from '../../format/local-time.js';

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

const short = new Intl.DateTimeFormat(undefined, { month: 'short', day: 'numeric' });
export const shortDate = (date: string) => short.format(dateAtNoon(date));

const monthFormat = new Intl.DateTimeFormat(undefined, { month: 'long', year: 'numeric' });
/** 'YYYY-MM' → "November 2026" */
export const monthLabel = (month: string) => monthFormat.format(dateAtNoon(`${month}-15`));

export function shiftMonth(month: string, by: number): string {
  const [y, m] = month.split('-').map(Number) as [number, number];
  const index = y * 12 + (m - 1) + by;
  return `${String(Math.floor(index / 12)).padStart(4, '0')}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The 42 days (6 weeks, Monday first) a month grid shows. */
export function monthGridDays(month: string): string[] {
  const first = `${month}-01`;
  const offset = (dateAtNoon(first).getDay() + 6) % 7;
  const start = addDays(first, -offset);
  return Array.from({ length: 42 }, (_, i) => addDays(start, i));
}

export const WEEKDAYS = (() => {
  const f = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
  // 2024-01-01 was a Monday.
  return Array.from({ length: 7 }, (_, i) => f.format(dateAtNoon(addDays('2024-01-01', i))));
})();

const headingWeekday = new Intl.DateTimeFormat(undefined, { weekday: 'short' });
const headingLabel = new Intl.DateTimeFormat(undefined, { weekday: 'long', month: 'long', day: 'numeric' });
/** A column heading: "Mon" and 3, and the long form for screen readers. */
export const dayHeading = (date: string) => ({
  weekday: headingWeekday.format(dateAtNoon(date)),
  day: Number(date.slice(8)),
  label: headingLabel.format(dateAtNoon(date)),
});
