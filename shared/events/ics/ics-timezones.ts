// VTIMEZONE blocks for the zones an export names in TZID, built from each zone's own offset
// changes (Intl's tzdata, no table of ours) over the exported events' span. Calendars that
// resolve IANA names ignore them; those that do not (or hold an older tzdata) need them to
// place a time right, and RFC 5545 requires one for every TZID used.
import { zoneOffsetMs } from '../../zoned-time.js';

export interface Transition {
  /** The first instant (ms) at the new offset. */
  at: number;
  /** Offsets (ms ahead of UTC) before and after. */
  from: number;
  to: number;
}

const DAY_MS = 86_400_000;
// Weekly steps find every change of the last century (no zone changes offset twice within a
// week); the span is clamped so that an event dated 0001 or 9999 cannot make the scan long.
const STEP_MS = 7 * DAY_MS;
const SCAN_FROM = Date.UTC(1900, 0, 1);
const SCAN_TO = Date.UTC(2200, 0, 1);

/** Every offset change of a zone in [fromMs, toMs], each to the second. */
export function zoneTransitions(zone: string, fromMs: number, toMs: number): Transition[] {
  const out: Transition[] = [];
  let t = Math.floor(Math.max(fromMs, SCAN_FROM) / 1000) * 1000;
  const end = Math.min(toMs, SCAN_TO);
  let offset = zoneOffsetMs(t, zone);
  while (t < end) {
    const next = Math.min(t + STEP_MS, Math.ceil(end / 1000) * 1000);
    const nextOffset = zoneOffsetMs(next, zone);
    if (nextOffset !== offset) {
      // Bisect to the first second at the new offset.
      let lo = t;
      let hi = next;
      while (hi - lo > 1000) {
        const mid = lo + Math.floor((hi - lo) / 2000) * 1000;
        if (zoneOffsetMs(mid, zone) === offset) lo = mid;
        else hi = mid;
      }
      const to = zoneOffsetMs(hi, zone);
      out.push({ at: hi, from: offset, to });
      offset = to;
      // A second change inside the same step (never seen in tzdata, but cheap to allow).
      if (to !== nextOffset) {
        t = hi;
        continue;
      }
    }
    t = next;
  }
  return out;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** `+HHMM` (or `+HHMMSS`) of an offset. */
export function icsOffset(ms: number): string {
  const sign = ms < 0 ? '-' : '+';
  const s = Math.abs(Math.round(ms / 1000));
  const text = `${sign}${pad(Math.floor(s / 3600))}${pad(Math.floor((s % 3600) / 60))}`;
  return s % 60 === 0 ? text : `${text}${pad(s % 60)}`;
}

/** `YYYYMMDDTHHMMSS` of a wall clock given as ms whose UTC reading is that wall time. */
const basicWall = (wallMs: number) => new Date(wallMs).toISOString().replace(/[-:]/g, '').replace(/\.\d{3}Z$/, '');

const WEEKDAY = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'] as const;

/** A yearly rule ("2nd Sunday of March", "last Sunday of October") for the day of a wall time. */
function yearlyRuleOf(wallMs: number): { month: number; nth: number; weekday: number } {
  const d = new Date(wallMs);
  const day = d.getUTCDate();
  const daysInMonth = new Date(Date.UTC(d.getUTCFullYear(), d.getUTCMonth() + 1, 0)).getUTCDate();
  return { month: d.getUTCMonth(), nth: day + 7 > daysInMonth ? -1 : Math.ceil(day / 7), weekday: d.getUTCDay() };
}

/** The day-of-month a yearly rule falls on in a year. */
function dayOfRule(year: number, rule: { month: number; nth: number; weekday: number }): number {
  if (rule.nth > 0) {
    const first = new Date(Date.UTC(year, rule.month, 1)).getUTCDay();
    return 1 + ((rule.weekday - first + 7) % 7) + (rule.nth - 1) * 7;
  }
  const lastDay = new Date(Date.UTC(year, rule.month + 1, 0));
  return lastDay.getUTCDate() - ((lastDay.getUTCDay() - rule.weekday + 7) % 7);
}

/** Whether a zone changes from `from` to `to` at exactly this wall time (read in `from`). */
const changesAt = (zone: string, wallMs: number, from: number, to: number) =>
  zoneOffsetMs(wallMs - from - 1000, zone) === from && zoneOffsetMs(wallMs - from, zone) === to;

interface Observance {
  kind: 'STANDARD' | 'DAYLIGHT';
  /** Wall time of the onset, read in the offset before it. */
  wall: number;
  from: number;
  to: number;
  rrule?: string;
}

/** DAYLIGHT when the new offset is the larger of the year's two (January's and July's), else STANDARD. */
function kindOf(zone: string, at: number, to: number): Observance['kind'] {
  const year = new Date(at).getUTCFullYear();
  const jan = zoneOffsetMs(Date.UTC(year, 0, 1), zone);
  const jul = zoneOffsetMs(Date.UTC(year, 6, 1), zone);
  return jan !== jul && to === Math.max(jan, jul) ? 'DAYLIGHT' : 'STANDARD';
}

const observanceOf = (zone: string, t: Transition): Observance => ({ kind: kindOf(zone, t.at, t.to), wall: t.at + t.from, from: t.from, to: t.to });

/**
 * The yearly rules a zone follows from `year` on, when its changes that year repeat as
 * "nth weekday of a month" in the two years after; else null (the caller lists changes).
 */
function yearlyTail(zone: string, year: number): Observance[] | null {
  const changes = zoneTransitions(zone, Date.UTC(year, 0, 1), Date.UTC(year + 1, 0, 1));
  if (changes.length === 0) return null;
  const tail: Observance[] = [];
  for (const c of changes) {
    const o = observanceOf(zone, c);
    const rule = yearlyRuleOf(o.wall);
    const timeOfDay = o.wall - Date.UTC(new Date(o.wall).getUTCFullYear(), rule.month, new Date(o.wall).getUTCDate());
    for (const later of [year + 1, year + 2]) {
      const wall = Date.UTC(later, rule.month, dayOfRule(later, rule)) + timeOfDay;
      if (!changesAt(zone, wall, c.from, c.to)) return null;
    }
    tail.push({ ...o, rrule: `FREQ=YEARLY;BYMONTH=${rule.month + 1};BYDAY=${rule.nth}${WEEKDAY[rule.weekday]}` });
  }
  return tail;
}

/** What an export needs of a zone: from `fromMs` to `toMs`, or on for ever when `open` (a series without an end). */
export interface ZoneSpan {
  fromMs: number;
  toMs: number;
  open: boolean;
}

/** The VTIMEZONE lines of a zone covering a span (one observance before its first change, then each change). */
export function vtimezone(zone: string, span: ZoneSpan): string[] {
  // Start a day early: an observance must begin no later than the first time that uses it.
  const from = Math.max(SCAN_FROM, Math.floor(span.fromMs / DAY_MS) * DAY_MS - DAY_MS);
  let observances: Observance[];
  if (span.open) {
    // Changes up to the year after the span's last instant, then the yearly rules seen from
    // there on; a zone whose changes follow no such rule is listed change by change 10 years further.
    const tailYear = new Date(Math.max(span.toMs, from)).getUTCFullYear() + 1;
    const tail = yearlyTail(zone, tailYear);
    const listedTo = tail ? Date.UTC(tailYear, 0, 1) : Date.UTC(tailYear + 10, 0, 1);
    observances = [...zoneTransitions(zone, from, listedTo).map((t) => observanceOf(zone, t)), ...(tail ?? [])];
  } else {
    observances = zoneTransitions(zone, from, span.toMs + DAY_MS).map((t) => observanceOf(zone, t));
  }
  const first = zoneOffsetMs(from, zone);
  const lines = ['BEGIN:VTIMEZONE', `TZID:${zone}`];
  const initial: Observance = { kind: kindOf(zone, from, first), wall: from + first, from: first, to: first };
  for (const o of [initial, ...observances]) {
    lines.push(`BEGIN:${o.kind}`, `DTSTART:${basicWall(o.wall)}`, `TZOFFSETFROM:${icsOffset(o.from)}`, `TZOFFSETTO:${icsOffset(o.to)}`);
    if (o.rrule) lines.push(`RRULE:${o.rrule}`);
    lines.push(`END:${o.kind}`);
  }
  lines.push('END:VTIMEZONE');
  return lines;
}
