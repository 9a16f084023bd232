// Dates, instants and IANA time zones, with nothing but Intl: both the renderer and
// the core need the same rules (what "today" is in a zone, when a local day starts).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

/**
 * Milliseconds of a UTC wall-clock time. Not Date.UTC: it maps years 0–99 to 1900–1999,
 * which shifted every date in 0001–0099 by 1900 years.
 */
function utcMs(y: number, mo: number, d: number, h = 0, mi = 0, s = 0): number {
  const t = new Date(0);
  t.setUTCFullYear(y, mo - 1, d);
  t.setUTCHours(h, mi, s, 0);
  return t.getTime();
}

const isLeap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const MONTH_DAYS = [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31];
const validDay = (y: number, m: number, d: number) =>
  y >= 1 && m >= 1 && m <= 12 && d >= 1 && d <= MONTH_DAYS[m - 1]! + (m === 2 && isLeap(y) ? 1 : 0);

/** A calendar date `YYYY-MM-DD` (no time, no zone). */
export const isIsoDate = (s: string): boolean => {
  const m = DATE_RE.exec(s);
  return !!m && validDay(Number(m[1]), Number(m[2]), Number(m[3]));
};

/**
 * An ISO 8601 date-time with `Z` or an explicit offset, i.e. one unambiguous instant,
 * normalised to UTC `YYYY-MM-DDTHH:MM:SS.sssZ` (which sorts as text); null when invalid.
 */
export function normalizeInstant(s: string): string | null {
  const m = INSTANT_RE.exec(s);
  if (!m) return null;
  const [y, mo, d, h, mi, sec] = [1, 2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number, number];
  if (!validDay(y, mo, d) || h > 23 || mi > 59 || sec > 59) return null;
  const offset = m[8] === 'Z' ? '+00:00' : m[8]!;
  if (Number(offset.slice(1, 3)) > 23 || Number(offset.slice(4, 6)) > 59) return null;
  const t = Date.parse(`${m[1]}-${m[2]}-${m[3]}T${m[4]}:${m[5]}:${m[6] ?? '00'}${(m[7] ?? '').slice(0, 4)}${offset}`);
  if (!Number.isFinite(t)) return null;
  const iso = new Date(t).toISOString();
  // Years past 9999 print as +YYYYYY and would no longer sort as text; year 0 (1 BC) is
  // outside the calendar every date here lives in (0001–9999).
  return /^\d{4}-/.test(iso) && !iso.startsWith('0000') ? iso : null;
}

/**
 * Like normalizeInstant, but the wall clock and offset stay as written (`2027-05-01T00:00-10:00`
 * → `2027-05-01T00:00:00.000-10:00`), so the day the caller meant stays readable; null when invalid.
 */
export function normalizeLocalInstant(s: string): string | null {
  const utc = normalizeInstant(s);
  if (utc === null) return null;
  const offset = INSTANT_RE.exec(s)![8]!;
  if (offset === 'Z') return utc;
  const minutes = (offset[0] === '-' ? -1 : 1) * (Number(offset.slice(1, 3)) * 60 + Number(offset.slice(4, 6)));
  const wall = new Date(Date.parse(utc) + minutes * 60_000).toISOString();
  return /^\d{4}-/.test(wall) && !wall.startsWith('0000') ? `${wall.slice(0, 23)}${offset}` : null;
}

/** The fields of a wall-clock date and time, each with its leading zeros and the hour 00 to 23 (en-US parts). */
export const WALL_CLOCK_FIELDS = {
  hourCycle: 'h23',
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
} as const satisfies Intl.DateTimeFormatOptions;

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      ...WALL_CLOCK_FIELDS,
      // Without the era, a moment before 0001-01-01 (early on 0001-01-01 UTC seen from a zone west
      // of UTC) would read as year 1.
      era: 'short',
    });
    formats.set(timeZone, f);
  }
  return f;
}

/** An IANA zone name this runtime knows (`Europe/Berlin`, `UTC`). */
export function isTimeZone(s: string): boolean {
  if (s.length === 0 || s.length > 64) return false;
  try {
    formatIn(s);
    return true;
  } catch {
    return false;
  }
}

// ICU (Node 20, Chromium) canonicalises links and case, but to CLDR's frozen ids, some
// of which IANA has renamed since; these are the ones whose IANA name differs.
const CLDR_TO_IANA: Readonly<Record<string, string>> = {
  'Africa/Asmera': 'Africa/Asmara',
  'America/Buenos_Aires': 'America/Argentina/Buenos_Aires',
  'America/Catamarca': 'America/Argentina/Catamarca',
  'America/Coral_Harbour': 'America/Atikokan',
  'America/Cordoba': 'America/Argentina/Cordoba',
  'America/Godthab': 'America/Nuuk',
  'America/Indianapolis': 'America/Indiana/Indianapolis',
  'America/Jujuy': 'America/Argentina/Jujuy',
  'America/Louisville': 'America/Kentucky/Louisville',
  'America/Mendoza': 'America/Argentina/Mendoza',
  'Asia/Calcutta': 'Asia/Kolkata',
  'Asia/Katmandu': 'Asia/Kathmandu',
  'Asia/Rangoon': 'Asia/Yangon',
  'Asia/Saigon': 'Asia/Ho_Chi_Minh',
  'Atlantic/Faeroe': 'Atlantic/Faroe',
  'Europe/Kiev': 'Europe/Kyiv',
  'Pacific/Enderbury': 'Pacific/Kanton',
  'Pacific/Ponape': 'Pacific/Pohnpei',
  'Pacific/Truk': 'Pacific/Chuuk',
};

// Old System V style names: not places but abbreviations whose meaning changed (tzdata
// 2024b made EST America/Panama, no DST, though people who type EST mostly mean New York).
// Storing a guess would move events; the caller is asked for a place instead.
const ABBREVIATIONS = new Set(['EST', 'MST', 'HST', 'EST5EDT', 'CST6CDT', 'MST7MDT', 'PST8PDT', 'CET', 'EET', 'MET', 'WET']);

export type ZoneCheck = { ok: true; zone: string } | { ok: false; message: string };

/**
 * The canonical IANA name of a zone as typed: case fixed (`europe/berlin` → `Europe/Berlin`),
 * links followed (`US/Eastern` → `America/New_York`, `Asia/Calcutta` → `Asia/Kolkata`), and
 * every spelling of UTC (`Etc/UTC`, `GMT`, `Zulu`) as `UTC`. Abbreviations such as `EST`
 * and unknown names are refused.
 */
export function canonicalTimeZone(s: string): ZoneCheck {
  if (!isTimeZone(s)) return { ok: false, message: 'Not a known IANA time zone' };
  if (ABBREVIATIONS.has(s.toUpperCase())) {
    return { ok: false, message: `${s.toUpperCase()} is an abbreviation, not a place: give a zone such as America/New_York or Europe/Paris` };
  }
  const resolved = formatIn(s).resolvedOptions().timeZone;
  return { ok: true, zone: CLDR_TO_IANA[resolved] ?? resolved };
}

/** Wall-clock fields of an instant in a zone. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  let bc = false;
  for (const p of formatIn(timeZone).formatToParts(new Date(ms))) {
    if (p.type === 'era') bc = p.value === 'BC';
    else if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  // Astronomical numbering: 1 BC is year 0, which no valid date uses (they start at 0001).
  if (bc) parts.year = 1 - parts.year!;
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** How far a zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = utcMs(w.year, w.month, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The calendar date of an instant in a zone. */
export function dateInZone(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return formatDate(w.year, w.month, w.day);
}

/** `YYYY-MM-DD`; a year outside 0001–9999 gives a string isIsoDate refuses (`0000-…`, `10000-…`). */
const formatDate = (y: number, m: number, d: number) => `${pad(y, 4)}-${pad(m)}-${pad(d)}`;

/** `HH:MM` of an instant in a zone. */
export function timeInZone(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The first instant of a calendar date in a zone (its local midnight, or the first moment after a DST gap). */
export function startOfDay(date: string, timeZone: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const guess = utcMs(Number(m[1]), Number(m[2]), Number(m[3]));
  let t = guess - zoneOffsetMs(guess, timeZone);
  // The offset at the guess may differ from the one at local midnight (DST change that day).
  t = guess - zoneOffsetMs(t, timeZone);
  return dateInZone(t, timeZone) < date ? t + 3_600_000 : t;
}

/** The date `days` after (or before) a date; past 9999-12-31 or before 0001-01-01 the result is no valid date. */
export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const t = new Date(utcMs(Number(m[1]), Number(m[2]), Number(m[3])) + days * DAY_MS);
  return formatDate(t.getUTCFullYear(), t.getUTCMonth() + 1, t.getUTCDate());
}
