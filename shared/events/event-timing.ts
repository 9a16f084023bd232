// When an event happens, as stored. A timed event is two UTC instants; an all-day event
// is two calendar dates, first and last day inclusive, with no time and no zone attached
// ("floating"): May 1 is May 1 for every viewer in every zone, as on a paper calendar.
// The event's zone stays with it and decides how its times turn into dates and back
// when allDay changes.
import { AppException } from '../errors.js';
import { addDays, dateInZone, isIsoDate, normalizeInstant, startOfDay } from '../zoned-time.js';

export interface Timing {
  /** Dates `YYYY-MM-DD` when allDay, else UTC instants `…Z`. */
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
}

/** What a create or an update says about timing; anything left out comes from the stored event. */
export interface TimingInput {
  start?: string | undefined;
  end?: string | undefined;
  allDay?: boolean | undefined;
  timeZone?: string | undefined;
}

const invalid = (field: string, message: string) => new AppException('INVALID_INPUT', `${field}: ${message}`, { field });

/** The date of an instant in a zone, refused when it falls outside 0001-01-01…9999-12-31. */
function dateOf(ms: number, timeZone: string, field: 'start' | 'end'): string {
  const date = dateInZone(ms, timeZone);
  if (!isIsoDate(date)) throw invalid(field, 'The day falls outside the years 0001–9999');
  return date;
}

/** The first day of an event starting at an instant. */
export const firstDay = (startMs: number, timeZone: string): string => dateOf(startMs, timeZone, 'start');

/**
 * The last day of an event ending at an instant: the day of its last moment, so an event
 * ending at midnight does not spill into the next day. A zero-length event keeps its day.
 */
export function lastDay(startMs: number, endMs: number, timeZone: string): string {
  return dateOf(endMs > startMs ? endMs - 1 : endMs, timeZone, 'end');
}

/** The instant a date starts in a zone, refused when that is outside the years 0001–9999. */
function dayStart(date: string, timeZone: string, field: 'start' | 'end'): string {
  if (!isIsoDate(date)) throw invalid(field, 'The day falls outside the years 0001–9999');
  const iso = new Date(startOfDay(date, timeZone)).toISOString();
  const instant = normalizeInstant(iso);
  if (instant === null) throw invalid(field, 'The time falls outside the years 0001–9999');
  return instant;
}

/** Whole days in a zone as instants: from the first day's start to the start of the day after the last. */
export function daysAsTimes(first: string, last: string, timeZone: string): { start: string; end: string } {
  return { start: dayStart(first, timeZone, 'start'), end: dayStart(addDays(last, 1), timeZone, 'end') };
}

/**
 * The stored timing after a create (no `current`) or an update. Given values must suit the
 * event's kind: an all-day event takes dates (an instant becomes its date in the event's zone,
 * an end instant the date of the moment before it, so 13:37–14:00 is that day and midnight to
 * midnight one day); a timed event takes instants only. Values not given are converted when
 * allDay changes: times become the days they touch, days become their whole span of time.
 * Refused with INVALID_INPUT naming the field: a date for a timed event, end before start,
 * a day outside 0001–9999.
 */
export function resolveTiming(input: TimingInput, current?: Timing): Timing {
  const allDay = input.allDay ?? current?.allDay ?? false;
  const timeZone = input.timeZone ?? current?.timeZone;
  if (timeZone === undefined) throw invalid('timeZone', 'Time zone is required');
  const start = input.start ?? current?.start;
  const end = input.end ?? current?.end;
  if (start === undefined) throw invalid('start', 'Start is required');
  if (end === undefined) throw invalid('end', 'End is required');

  let s: string;
  let e: string;
  if (allDay) {
    const startMs = isIsoDate(start) ? null : Date.parse(start);
    s = startMs === null ? start : firstDay(startMs, timeZone);
    if (isIsoDate(end)) e = end;
    else {
      const endMs = Date.parse(end);
      if (startMs !== null && endMs < startMs) throw invalid('end', 'End must not be before start');
      e = lastDay(startMs ?? endMs - 1, endMs, timeZone);
    }
  } else if (current?.allDay && input.start === undefined && input.end === undefined) {
    ({ start: s, end: e } = daysAsTimes(start, end, timeZone));
  } else {
    for (const [field, v] of [['start', start], ['end', end]] as const) {
      if (isIsoDate(v)) {
        throw invalid(field, current?.allDay && input[field] === undefined
          ? 'Give both start and end times when an all-day event becomes timed'
          : 'A date without a time is only for all-day events');
      }
    }
    s = start;
    e = end;
  }
  if (e < s) throw invalid('end', 'End must not be before start');
  return { start: s, end: e, allDay, timeZone };
}
