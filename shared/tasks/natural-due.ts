// Due dates typed into a task's title ("Call Bob fri 5pm", "Pay rent tomorrow",
// "Report in 3 days"): finds the phrase, takes it out of the title and turns it into a
// due value. Pure: "now" and the person's zone are passed in, so the same text always
// gives the same answer and tests can pin any moment (DST days, year ends).
import { addDays, dateInZone, zoneOffsetMs } from '../zoned-time.js';

export interface NaturalDue {
  /** The title without the date phrase (and its "on"/"at"/"by"). */
  title: string;
  /** `YYYY-MM-DD` when no time was given, else one UTC instant (`…Z`). */
  due: string;
  /** The words that were read as the date, as typed. */
  phrase: string;
}

interface Time {
  hour: number;
  minute: number;
}

/** A date part: days from today, or a fixed calendar date, or an instant (in 2 hours). */
type DatePart =
  | { kind: 'offset'; days: number; impliedTime?: Time }
  | { kind: 'weekday'; day: number; next: boolean }
  | { kind: 'date'; date: string; yearGiven: boolean }
  | { kind: 'months'; months: number }
  | { kind: 'instant'; ms: number };

interface Parsed {
  date: DatePart | null;
  time: Time | null;
}

const WEEKDAYS: Record<string, number> = {
  sun: 0, sunday: 0,
  mon: 1, monday: 1,
  tue: 2, tues: 2, tuesday: 2,
  wed: 3, weds: 3, wednesday: 3,
  thu: 4, thur: 4, thurs: 4, thursday: 4,
  fri: 5, friday: 5,
  sat: 6, saturday: 6,
};

const MONTHS: Record<string, number> = {
  jan: 1, january: 1, feb: 2, february: 2, mar: 3, march: 3, apr: 4, april: 4, may: 5,
  jun: 6, june: 6, jul: 7, july: 7, aug: 8, august: 8, sep: 9, sept: 9, september: 9,
  oct: 10, october: 10, nov: 11, november: 11, dec: 12, december: 12,
};

const NUMBER_WORDS: Record<string, number> = {
  a: 1, an: 1, one: 1, two: 2, three: 3, four: 4, five: 5, six: 6, seven: 7, eight: 8, nine: 9, ten: 10,
  eleven: 11, twelve: 12, couple: 2,
};

const UNITS: Record<string, 'minute' | 'hour' | 'day' | 'week' | 'month' | 'year'> = {
  m: 'minute', min: 'minute', mins: 'minute', minute: 'minute', minutes: 'minute',
  h: 'hour', hr: 'hour', hrs: 'hour', hour: 'hour', hours: 'hour',
  d: 'day', day: 'day', days: 'day',
  w: 'week', wk: 'week', wks: 'week', week: 'week', weeks: 'week',
  mo: 'month', month: 'month', months: 'month',
  y: 'year', yr: 'year', yrs: 'year', year: 'year', years: 'year',
};

const DAY_WORDS: Record<string, number> = {
  today: 0, tod: 0, tonight: 0, tomorrow: 1, tomorow: 1, tmrw: 1, tmr: 1, tmw: 1, tommorow: 1, tommorrow: 1,
};

const PARTS_OF_DAY: Record<string, Time> = {
  noon: { hour: 12, minute: 0 },
  midday: { hour: 12, minute: 0 },
  morning: { hour: 9, minute: 0 },
  afternoon: { hour: 15, minute: 0 },
  evening: { hour: 18, minute: 0 },
  night: { hour: 20, minute: 0 },
  tonight: { hour: 20, minute: 0 },
};

/** Words that may lead into a date or time and go with it ("due fri", "at 5pm", "by monday"). */
const LEADS = new Set(['on', 'at', 'by', 'due', '@', 'before']);

const MAX_SPAN = 7;
const MINUTE = 60_000;

type Step<T> = { value: T; next: number };

function count(word: string | undefined): number | null {
  if (word === undefined) return null;
  if (/^\d{1,3}$/.test(word)) return Number(word);
  return NUMBER_WORDS[word] ?? null;
}

/** 5pm, 5 pm, 5:30pm, 5.30 p.m., 17:00, 17h, 17h30, noon. */
function time(t: string[], k: number): Step<Time>[] {
  const out: Step<Time>[] = [];
  const w = t[k];
  if (w === undefined) return out;
  const named = PARTS_OF_DAY[w];
  if (named && w !== 'tonight') out.push({ value: named, next: k + 1 });
  const m = /^(\d{1,2})(?:[:.](\d{2}))?(am|pm|a|p)?$/.exec(w) ?? /^(\d{1,2})h(\d{2})?()$/.exec(w);
  if (!m) return out;
  let hour = Number(m[1]);
  const minute = m[2] ? Number(m[2]) : 0;
  if (minute > 59) return out;
  const meridiem = (suffix: string | undefined) => {
    if (hour < 1 || hour > 12) return null;
    const pm = suffix!.startsWith('p');
    return (hour % 12) + (pm ? 12 : 0);
  };
  if (m[3]) {
    const h = meridiem(m[3]);
    if (h !== null) out.push({ value: { hour: h, minute }, next: k + 1 });
    return out;
  }
  const after = t[k + 1];
  if (after === 'am' || after === 'pm') {
    const h = meridiem(after);
    if (h !== null) out.push({ value: { hour: h, minute }, next: k + 2 });
  }
  // A bare number is a time only with a colon or an "h" (17:00, 17h): "buy 5 apples" is not.
  if ((m[2] !== undefined || w.includes('h')) && hour <= 23) {
    out.push({ value: { hour, minute }, next: k + 1 });
  } else if (m[2] === undefined && (t[k - 1] === 'at' || t[k - 1] === '@') && hour <= 23) {
    // "at 5": a bare hour after "at" is still a time; 1–7 read as afternoon, as people mean.
    hour = hour >= 1 && hour <= 7 ? hour + 12 : hour;
    out.push({ value: { hour, minute: 0 }, next: k + 1 });
  }
  return out;
}

function dayOfMonth(w: string | undefined): number | null {
  const m = w === undefined ? null : /^(\d{1,2})(st|nd|rd|th)?$/.exec(w);
  if (!m) return null;
  const d = Number(m[1]);
  return d >= 1 && d <= 31 ? d : null;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

function calendarDate(year: number, month: number, day: number): string | null {
  const d = new Date(Date.UTC(2000, month - 1, day));
  d.setUTCFullYear(year);
  if (d.getUTCMonth() !== month - 1 || d.getUTCDate() !== day) return null; // 31 feb
  return `${pad(year, 4)}-${pad(month)}-${pad(day)}`;
}

/** "3 days", "a week", "2 hours", "3d", "a couple of days" at token k, as a date part. */
function amount(t: string[], k: number): Step<DatePart> | null {
  if (t[k] === 'a' && t[k + 1] === 'couple') k += 1;
  let n = count(t[k]);
  let unitAt = k + 1;
  let unit = UNITS[t[unitAt] ?? ''];
  if (n === null) {
    const compact = /^(\d{1,3})([a-z]+)$/.exec(t[k] ?? '');
    if (!compact || !UNITS[compact[2]!]) return null;
    n = Number(compact[1]);
    unit = UNITS[compact[2]!];
    unitAt = k;
  } else if (t[k] === 'couple' && t[k + 1] === 'of') {
    unitAt = k + 2;
    unit = UNITS[t[unitAt] ?? ''];
  }
  if (!unit) return null;
  const value: DatePart =
    unit === 'minute' || unit === 'hour'
      ? { kind: 'instant', ms: n * (unit === 'hour' ? 60 : 1) * MINUTE }
      : unit === 'month' || unit === 'year'
        ? { kind: 'months', months: n * (unit === 'year' ? 12 : 1) }
        : { kind: 'offset', days: n * (unit === 'week' ? 7 : 1) };
  return { value, next: unitAt + 1 };
}

/** Every way a date part can start at token k. */
function date(t: string[], k: number): Step<DatePart>[] {
  const out: Step<DatePart>[] = [];
  const w = t[k];
  if (w === undefined) return out;

  if (w in DAY_WORDS) {
    out.push({ value: { kind: 'offset', days: DAY_WORDS[w]!, ...(w === 'tonight' ? { impliedTime: PARTS_OF_DAY.tonight! } : {}) }, next: k + 1 });
  }
  if (w === 'this' && ['morning', 'afternoon', 'evening'].includes(t[k + 1] ?? '')) {
    out.push({ value: { kind: 'offset', days: 0, impliedTime: PARTS_OF_DAY[t[k + 1]!]! }, next: k + 2 });
  }
  if (w === 'day' && t[k + 1] === 'after' && DAY_WORDS[t[k + 2] ?? ''] === 1) out.push({ value: { kind: 'offset', days: 2 }, next: k + 3 });

  if (w in WEEKDAYS) out.push({ value: { kind: 'weekday', day: WEEKDAYS[w]!, next: false }, next: k + 1 });
  if ((w === 'next' || w === 'this' || w === 'coming') && (t[k + 1] ?? '') in WEEKDAYS) {
    out.push({ value: { kind: 'weekday', day: WEEKDAYS[t[k + 1]!]!, next: w === 'next' }, next: k + 2 });
  }
  if ((w === 'this' || w === 'weekend') && (w === 'weekend' || t[k + 1] === 'weekend')) {
    out.push({ value: { kind: 'weekday', day: 6, next: false }, next: w === 'weekend' ? k + 1 : k + 2 });
  }
  if (w === 'next' && t[k + 1] === 'week') out.push({ value: { kind: 'weekday', day: 1, next: true }, next: k + 2 });
  if (w === 'next' && t[k + 1] === 'month') out.push({ value: { kind: 'months', months: 1 }, next: k + 2 });
  if (w === 'next' && t[k + 1] === 'year') out.push({ value: { kind: 'months', months: 12 }, next: k + 2 });

  // in 3 days, in a week, in 2 hours, in 3d; 3 days from now, a week later
  if (w === 'in') {
    const span = amount(t, k + 1);
    if (span) out.push(span);
  } else {
    const span = amount(t, k);
    const after = span ? t[span.next] : undefined;
    if (span && after === 'from' && t[span.next + 1] === 'now') out.push({ value: span.value, next: span.next + 2 });
    if (span && after === 'later') out.push({ value: span.value, next: span.next + 1 });
  }

  // 2026-12-24
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(w);
  if (iso) {
    const d = calendarDate(Number(iso[1]), Number(iso[2]), Number(iso[3]));
    if (d) out.push({ value: { kind: 'date', date: d, yearGiven: true }, next: k + 1 });
  }

  // dec 24, december 24th 2027, 24 dec, 24th of december
  const withYear = (month: number, day: number, next: number) => {
    const y = /^\d{4}$/.test(t[next] ?? '') ? Number(t[next]) : null;
    const d = calendarDate(y ?? 2000, month, day);
    if (!d) return;
    out.push({ value: { kind: 'date', date: d, yearGiven: false }, next });
    if (y !== null) out.push({ value: { kind: 'date', date: d, yearGiven: true }, next: next + 1 });
  };
  if (w in MONTHS) {
    const day = dayOfMonth(t[k + 1]);
    if (day !== null) withYear(MONTHS[w]!, day, k + 2);
  }
  const day = dayOfMonth(w);
  if (day !== null) {
    const of = t[k + 1] === 'of' ? 1 : 0;
    const month = MONTHS[t[k + 1 + of] ?? ''];
    if (month !== undefined) withYear(month, day, k + 2 + of);
  }
  return out;
}

const skipLead = (t: string[], k: number) => (LEADS.has(t[k] ?? '') ? k + 1 : k);

/** Every reading of tokens [from, to) as one date and/or time, in either order. */
function readSpan(t: string[], from: number, to: number): Parsed | null {
  const end = (n: number) => n === to;
  const inSpan = t.slice(0, to);
  let start = skipLead(inSpan, from);
  if (start === to) return null;
  if (t[start] === 'the') start += 1; // "on the 24th of december"
  for (const d of date(inSpan, start)) {
    if (end(d.next)) return { date: d.value, time: null };
    if (d.value.kind === 'instant') continue;
    for (const tm of time(inSpan, skipLead(inSpan, d.next))) if (end(tm.next)) return { date: d.value, time: tm.value };
  }
  for (const tm of time(inSpan, start)) {
    if (end(tm.next)) return { date: null, time: tm.value };
    for (const d of date(inSpan, skipLead(inSpan, tm.next))) {
      if (end(d.next) && d.value.kind !== 'instant') return { date: d.value, time: tm.value };
    }
  }
  return null;
}

/** The instant a wall-clock time has in a zone (in a DST gap, the moment just after it). */
export function zonedInstant(date: string, time: Time, timeZone: string): number {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const w = new Date(Date.UTC(2000, m - 1, d, time.hour, time.minute));
  w.setUTCFullYear(y);
  const guess = w.getTime();
  let t = guess - zoneOffsetMs(guess, timeZone);
  t = guess - zoneOffsetMs(t, timeZone);
  return t;
}

function addMonths(date: string, months: number): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const total = y * 12 + (m - 1) + months;
  const year = Math.floor(total / 12);
  const month = (total % 12) + 1;
  const last = new Date(Date.UTC(2000, month, 0)).getUTCDate();
  const lastDay = month === 2 && !(year % 4 === 0 && (year % 100 !== 0 || year % 400 === 0)) ? 28 : last;
  return `${pad(year, 4)}-${pad(month)}-${pad(Math.min(d, lastDay))}`;
}

const weekdayOf = (date: string) => new Date(`${date}T12:00:00Z`).getUTCDay();

function resolve(p: Parsed, now: number, timeZone: string): string | null {
  const today = dateInZone(now, timeZone);
  const at = (date: string, time: Time) => new Date(zonedInstant(date, time, timeZone)).toISOString();
  const d = p.date;
  if (d?.kind === 'instant') return new Date(Math.floor(now / MINUTE) * MINUTE + d.ms).toISOString();

  let day: string;
  if (d === null) {
    // A time alone is the next time the clock shows it: today, or tomorrow once it has passed.
    const t = p.time!;
    return zonedInstant(today, t, timeZone) > now ? at(today, t) : at(addDays(today, 1), t);
  } else if (d.kind === 'offset') {
    day = addDays(today, d.days);
  } else if (d.kind === 'months') {
    day = addMonths(today, d.months);
  } else if (d.kind === 'weekday') {
    // "fri": the coming Friday, today included (a week on once its time has passed);
    // "next fri", "next week": the first one after today, as Todoist and Things read it.
    let ahead = (d.day - weekdayOf(today) + 7) % 7;
    if (d.next && ahead === 0) ahead = 7;
    if (!d.next && ahead === 0 && p.time && zonedInstant(today, p.time, timeZone) <= now) ahead = 7;
    day = addDays(today, ahead);
  } else {
    day = d.date;
    // "dec 24" without a year is the next one, this year's or next year's.
    if (!d.yearGiven) {
      day = `${today.slice(0, 4)}${d.date.slice(4)}`;
      const valid = calendarDate(Number(today.slice(0, 4)), Number(d.date.slice(5, 7)), Number(d.date.slice(8, 10)));
      if (valid === null || day < today) {
        // Feb 29 in a year without one: the next year that has it.
        let year = Number(today.slice(0, 4)) + 1;
        while (calendarDate(year, Number(d.date.slice(5, 7)), Number(d.date.slice(8, 10))) === null) year += 1;
        day = `${pad(year, 4)}${d.date.slice(4)}`;
      }
    }
  }
  const time = p.time ?? (d.kind === 'offset' ? d.impliedTime : undefined);
  return time ? at(day, time) : day;
}

interface Token {
  word: string;
  start: number;
  end: number;
}

function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(/\S+/g)) {
    // Keep a time's "a.m." and a date's "dec." readable; drop trailing punctuation.
    const word = m[0]
      .toLowerCase()
      .replace(/^\(|[),;!?]+$/g, '')
      .replace(/\.$/, '')
      .replace(/^([ap])\.m$/, '$1m')
      .replace(/(\d)([ap])\.m$/, '$1$2m');
    out.push({ word, start: m.index, end: m.index + m[0].length });
  }
  return out;
}

/**
 * Finds a due date in `text`, read at `now` (ms) in `timeZone`. The longest phrase wins,
 * the last one when two are as long. Null when there is none, or when the phrase is the
 * whole text (a task needs a title).
 */
export function parseNaturalDue(text: string, now: number, timeZone: string): NaturalDue | null {
  const tokens = tokenize(text);
  const words = tokens.map((t) => t.word);
  let best: { from: number; to: number; parsed: Parsed } | null = null;
  for (let from = 0; from < words.length; from++) {
    for (let to = Math.min(words.length, from + MAX_SPAN); to > from; to--) {
      const parsed = readSpan(words, from, to);
      if (!parsed) continue;
      if (!best || to - from > best.to - best.from || (to - from === best.to - best.from && from > best.from)) best = { from, to, parsed };
      break;
    }
  }
  if (!best) return null;
  const due = resolve(best.parsed, now, timeZone);
  if (due === null || due.startsWith('0000') || due.startsWith('+') || due.startsWith('-')) return null;
  const first = tokens[best.from]!;
  const last = tokens[best.to - 1]!;
  const title = `${text.slice(0, first.start)} ${text.slice(last.end)}`.replace(/\s+/g, ' ').trim();
  if (!title) return null;
  return { title, due, phrase: text.slice(first.start, last.end) };
}
