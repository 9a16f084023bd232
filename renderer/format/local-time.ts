// The viewer's own clock: their zone, their "today", and how dates and times read.
import { addDays, dateInZone } from '../../shared/zoned-time.js';
import { dateFormat } from './locale.js';

export const localTimeZone = (): string => Intl.DateTimeFormat().resolvedOptions().timeZone || 'UTC';

/** `YYYY-MM-DD` of an instant (default now) in the viewer's zone. */
export const localDate = (ms = Date.now()): string => dateInZone(ms, localTimeZone());

/** A local `YYYY-MM-DD` as a Date at local noon, safe for formatting (no DST edge). */
export const dateAtNoon = (date: string): Date => new Date(`${date}T12:00:00`);

// Functions, not constants: the locale and clock choices can change while the app runs.
const dayFormat = () => dateFormat({ weekday: 'short', month: 'short', day: 'numeric' });
const dayYearFormat = () => dateFormat({ weekday: 'short', month: 'short', day: 'numeric', year: 'numeric' });
const timeFormat = () => dateFormat({ hour: 'numeric', minute: '2-digit' });
const longDayFormat = () => dateFormat({ weekday: 'long', month: 'long', day: 'numeric' });

/** "Today", "Tomorrow", "Yesterday", else "Mon, Nov 24" (with the year when it is not this year). */
export function dayLabel(date: string, today = localDate()): string {
  if (date === today) return 'Today';
  if (date === addDays(today, 1)) return 'Tomorrow';
  if (date === addDays(today, -1)) return 'Yesterday';
  return (date.slice(0, 4) === today.slice(0, 4) ? dayFormat() : dayYearFormat()).format(dateAtNoon(date));
}

export const longDayLabel = (date: string): string => longDayFormat().format(dateAtNoon(date));

export const timeLabel = (ms: number): string => timeFormat().format(new Date(ms));

/** `HH:MM` of an instant in the viewer's zone, for <input type="time">. */
export function localTimeOfDay(ms: number): string {
  const d = new Date(ms);
  return `${String(d.getHours()).padStart(2, '0')}:${String(d.getMinutes()).padStart(2, '0')}`;
}

/** A local date and `HH:MM` as one UTC instant. */
export const localInstant = (date: string, time: string): string => new Date(`${date}T${time}:00`).toISOString();
