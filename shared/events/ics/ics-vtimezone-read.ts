// Reading a file's VTIMEZONE blocks, for TZIDs that name no zone we know: Outlook's
// "Customized Time Zone", a display name such as "(UTC+01:00) Amsterdam, Berlin, Bern, Rome".
// The block says which offset holds when; the event is given the IANA zone that agrees with
// it around its time (a city named in the TZID first, then the importer's), so its times land
// where the author meant and its repeats keep following that zone's rules.
import { zoneOffsetMs } from '../../zoned-time.js';
import type { ContentLine } from './ics-lines.js';

interface YearlyRule {
  month: number;
  /** 1…5, or -1 for the last. */
  nth: number;
  weekday: number;
  /** The last onset (a wall time in ms), when the rule has an UNTIL. */
  until: number | null;
}

export interface Observance {
  /** The first onset, a wall time in ms (its UTC reading is the local time). */
  onset: number;
  to: number;
  rule: YearlyRule | null;
}

const WALL = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z?$/;
const wallOf = (v: string): number | null => {
  const m = WALL.exec(v.trim());
  return m ? Date.UTC(+m[1]!, +m[2]! - 1, +m[3]!, +m[4]!, +m[5]!, +m[6]!) : null;
};

const OFFSET = /^([+-])(\d{2})(\d{2})(\d{2})?$/;
const offsetOf = (v: string): number | null => {
  const m = OFFSET.exec(v.trim());
  return m ? (m[1] === '-' ? -1 : 1) * ((+m[2]! * 60 + +m[3]!) * 60 + +(m[4] ?? 0)) * 1000 : null;
};

const DAYS = ['SU', 'MO', 'TU', 'WE', 'TH', 'FR', 'SA'];

/** FREQ=YEARLY;BYMONTH=m;BYDAY=nDD (in any order, with an optional UNTIL); else null. */
function ruleOf(rrule: string): YearlyRule | null {
  const parts = new Map(rrule.split(';').map((p) => p.split('=') as [string, string]).map(([k, v]) => [k.toUpperCase(), v ?? '']));
  const day = /^([+-]?\d)?([A-Z]{2})$/.exec(parts.get('BYDAY') ?? '');
  const month = Number(parts.get('BYMONTH'));
  if (parts.get('FREQ') !== 'YEARLY' || !day || !Number.isInteger(month) || month < 1 || month > 12) return null;
  const weekday = DAYS.indexOf(day[2]!);
  const nth = Number(day[1] ?? 1);
  if (weekday < 0 || nth === 0 || nth < -1 || nth > 5) return null;
  const until = parts.get('UNTIL');
  return { month: month - 1, nth, weekday, until: until ? wallOf(until) : null };
}

/** One STANDARD or DAYLIGHT component's properties as an observance, or null when it lacks what it needs. */
export function observanceOf(props: readonly ContentLine[]): Observance | null {
  const get = (name: string) => props.find((p) => p.name === name)?.value;
  const onset = wallOf(get('DTSTART') ?? '');
  const to = offsetOf(get('TZOFFSETTO') ?? '');
  if (onset === null || to === null) return null;
  const rrule = get('RRULE');
  return { onset, to, rule: rrule ? ruleOf(rrule) : null };
}

/** The wall time a yearly rule's onset falls on in a year (time of day from the first onset). */
function onsetIn(o: Observance, rule: YearlyRule, year: number): number {
  const first = new Date(Date.UTC(year, rule.month, 1)).getUTCDay();
  const lastDate = new Date(Date.UTC(year, rule.month + 1, 0));
  const last = lastDate.getUTCDate() - ((lastDate.getUTCDay() - rule.weekday + 7) % 7);
  // A "5th Sunday" in a month with four is taken as the last one.
  const day = rule.nth > 0 ? Math.min(1 + ((rule.weekday - first + 7) % 7) + (rule.nth - 1) * 7, last) : last;
  return Date.UTC(year, rule.month, day) + (((o.onset % 86_400_000) + 86_400_000) % 86_400_000);
}

/** The offset the observances give a wall time: the one whose latest onset is at or before it; null if none is. */
export function offsetOfWall(observances: readonly Observance[], wall: number): number | null {
  let best = -Infinity;
  let offset: number | null = null;
  const year = new Date(wall).getUTCFullYear();
  for (const o of observances) {
    let latest = o.onset <= wall ? o.onset : -Infinity;
    if (o.rule) {
      // This year's onset, else last year's: the latest one at or before the wall time.
      for (const y of [year, year - 1]) {
        const t = onsetIn(o, o.rule, y);
        if (t >= o.onset && t <= wall && (o.rule.until === null || t <= o.rule.until)) {
          latest = Math.max(latest, t);
          break;
        }
      }
      if (latest === -Infinity && o.rule.until !== null && o.rule.until <= wall) latest = o.rule.until;
    }
    if (latest > best) {
      best = latest;
      offset = o.to;
    }
  }
  return offset;
}

const SAMPLE_DAYS = [0, 61, 122, 183, 244, 305];

/** Zones to try, those whose city the TZID names first (`…Berlin, Bern, Rome` → Europe/Berlin), then the preferred ones. */
function candidates(tzid: string, preferred: readonly string[]): string[] {
  let all: string[] = [];
  try {
    all = Intl.supportedValuesOf('timeZone');
  } catch {
    // An engine without the list: only the preferred zones.
  }
  const text = tzid.toLowerCase();
  const named = all.filter((z) => {
    const city = z.split('/').pop()!.replace(/_/g, ' ').toLowerCase();
    return city.length > 2 && text.includes(city);
  });
  return [...new Set([...named, ...preferred, ...all])];
}

/**
 * The IANA zone that agrees with a VTIMEZONE's observances over the year of `wall` (every two
 * months, at noon), or null when none does.
 */
export function zoneMatching(tzid: string, observances: readonly Observance[], wall: number, preferred: readonly string[]): string | null {
  const yearStart = Date.UTC(new Date(wall).getUTCFullYear(), 0, 1, 12);
  const samples = SAMPLE_DAYS.map((d) => yearStart + d * 86_400_000);
  const offsets = samples.map((w) => offsetOfWall(observances, w));
  if (offsets.some((o) => o === null)) return null;
  for (const zone of candidates(tzid, preferred)) {
    if (samples.every((w, i) => zoneOffsetMs(w - offsets[i]!, zone) === offsets[i])) return zone;
  }
  return null;
}
