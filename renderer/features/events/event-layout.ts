// Where events go on the month, week and day grids: multi-day and all-day events as one
// bar per week row (lanes so bars never overlap), timed events as blocks in a day column
// (side by side where they overlap). Pure functions over dates and minutes.
import type { CalendarEvent } from '../../../shared/events/events.js';
import { addDays } from '../../../shared/zoned-time.js';
import { localInstant } from '../../format/local-time.js';
import { eventDays, weekStartOf } from './event-days.js';

/** A key unique per occurrence (a series' occurrences share its id). */
export const occurrenceKey = (e: CalendarEvent) => `${e.id}|${e.occurrenceStart ?? ''}`;

/** Drawn as a bar: all-day, or a timed event that crosses midnight. */
export const isBar = (e: CalendarEvent) => {
  const d = eventDays(e);
  return e.allDay || d.first !== d.last;
};

export interface Bar {
  event: CalendarEvent;
  /** Column of the first day in the row (0-based) and how many days it covers there. */
  column: number;
  span: number;
  lane: number;
  /** The event goes on before / after this row (drawn with a cut edge). */
  continuesBefore: boolean;
  continuesAfter: boolean;
}

/** Bars for one row of consecutive `days`, in lanes: longer and earlier events first, each in the first free lane. */
export function layoutBars(events: readonly CalendarEvent[], days: readonly string[]): { bars: Bar[]; lanes: number } {
  const first = days[0]!;
  const last = days[days.length - 1]!;
  const placed = events
    .filter(isBar)
    .map((event) => ({ event, d: eventDays(event) }))
    .filter(({ d }) => d.first <= last && d.last >= first)
    .sort((a, b) => (a.d.first < b.d.first ? -1 : a.d.first > b.d.first ? 1 : b.d.last.localeCompare(a.d.last)));
  const laneEnds: string[] = [];
  const bars: Bar[] = [];
  for (const { event, d } of placed) {
    const from = d.first < first ? first : d.first;
    const to = d.last > last ? last : d.last;
    let lane = laneEnds.findIndex((end) => end < from);
    if (lane < 0) lane = laneEnds.length;
    laneEnds[lane] = to;
    bars.push({
      event,
      column: days.indexOf(from),
      span: days.indexOf(to) - days.indexOf(from) + 1,
      lane,
      continuesBefore: d.first < first,
      continuesAfter: d.last > last,
    });
  }
  return { bars, lanes: laneEnds.length };
}

export interface Block {
  event: CalendarEvent;
  /** Minutes from the day's local midnight, clipped to the day. */
  top: number;
  height: number;
  /** Side-by-side position among overlapping blocks. */
  column: number;
  columns: number;
}

const MINUTES_PER_DAY = 24 * 60;

/** Timed single-day events of one local day as blocks; overlapping ones share the width. */
export function layoutBlocks(events: readonly CalendarEvent[], date: string): Block[] {
  const dayStart = Date.parse(localInstant(date, '00:00'));
  const dayEnd = Date.parse(localInstant(addDays(date, 1), '00:00'));
  const items = events
    .filter((e) => !isBar(e) && eventDays(e).first === date)
    .map((event) => {
      const start = Math.max(Date.parse(event.start), dayStart);
      const end = Math.min(Math.max(Date.parse(event.end), start), dayEnd);
      const top = Math.round((start - dayStart) / 60_000);
      // A short event still gets a readable height.
      const height = Math.max(20, Math.round((end - start) / 60_000));
      return { event, top: Math.min(top, MINUTES_PER_DAY - 20), height, column: 0, columns: 1 };
    })
    .sort((a, b) => a.top - b.top || b.height - a.height);
  // Clusters of transitively overlapping blocks share their column count.
  let cluster: Block[] = [];
  let clusterEnd = -1;
  const flush = () => {
    const n = Math.max(1, ...cluster.map((b) => b.column + 1));
    for (const b of cluster) b.columns = n;
    cluster = [];
  };
  for (const block of items) {
    if (block.top >= clusterEnd) {
      flush();
      clusterEnd = -1;
    }
    const taken = new Set(cluster.filter((b) => b.top + b.height > block.top).map((b) => b.column));
    let column = 0;
    while (taken.has(column)) column++;
    block.column = column;
    cluster.push(block);
    clusterEnd = Math.max(clusterEnd, block.top + block.height);
  }
  flush();
  return items;
}

/** The seven days of the week holding a date, from the locale's (or the chosen) first weekday. */
export function weekDays(date: string, weekStart?: number): string[] {
  const first = weekStartOf(date, weekStart);
  return Array.from({ length: 7 }, (_, i) => addDays(first, i));
}

/** Snaps minutes to a quarter hour. */
export const snap = (minutes: number, step = 15) => Math.max(0, Math.min(MINUTES_PER_DAY, Math.round(minutes / step) * step));

/** `HH:MM` of minutes since midnight (24:00 allowed as a day's end). */
export const clock = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;
