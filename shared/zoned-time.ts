// Dates, instants and IANA time zones, with nothing but Intl: both the renderer and
// the core need the same rules (what "today" is in a zone, when a local day starts).

const DATE_RE = /^(\d{4})-(\d{2})-(\d{2})$/;
const INSTANT_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/;
const DAY_MS = 86_400_000;

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
  // Years outside 0001–9999 print as ±YYYYYY and would no longer sort as text.
  return /^\d{4}-/.test(iso) ? iso : null;
}

const formats = new Map<string, Intl.DateTimeFormat>();
function formatIn(timeZone: string): Intl.DateTimeFormat {
  let f = formats.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
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

/** Wall-clock fields of an instant in a zone. */
function wallClock(ms: number, timeZone: string) {
  const parts: Record<string, number> = {};
  for (const p of formatIn(timeZone).formatToParts(new Date(ms))) {
    if (p.type !== 'literal') parts[p.type] = Number(p.value);
  }
  return parts as Record<'year' | 'month' | 'day' | 'hour' | 'minute' | 'second', number>;
}

const pad = (n: number, w = 2) => String(n).padStart(w, '0');

/** How far a zone's wall clock is ahead of UTC at an instant, in ms. */
export function zoneOffsetMs(ms: number, timeZone: string): number {
  const w = wallClock(ms, timeZone);
  const asUtc = Date.UTC(w.year, w.month - 1, w.day, w.hour, w.minute, w.second);
  return asUtc - Math.floor(ms / 1000) * 1000;
}

/** The calendar date of an instant in a zone. */
export function dateInZone(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.year, 4)}-${pad(w.month)}-${pad(w.day)}`;
}

/** `HH:MM` of an instant in a zone. */
export function timeInZone(ms: number, timeZone: string): string {
  const w = wallClock(ms, timeZone);
  return `${pad(w.hour)}:${pad(w.minute)}`;
}

/** The first instant of a calendar date in a zone (its local midnight, or the first moment after a DST gap). */
export function startOfDay(date: string, timeZone: string): number {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  const guess = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  let t = guess - zoneOffsetMs(guess, timeZone);
  // The offset at the guess may differ from the one at local midnight (DST change that day).
  t = guess - zoneOffsetMs(t, timeZone);
  return dateInZone(t, timeZone) < date ? t + 3_600_000 : t;
}

export function addDays(date: string, days: number): string {
  const m = DATE_RE.exec(date);
  if (!m) throw new RangeError(`not a date: ${date}`);
  return new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])) + days * DAY_MS).toISOString().slice(0, 10);
}
