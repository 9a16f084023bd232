// The RFC 5545 RRULE values Enclave accepts for repeating events, checked without a library
// so the contract (and the renderer that shares it) needs no rrule code: the host expands them.
// Only the parts a calendar's repeat editor and mainstream .ics exports use; anything else is
// refused by name rather than silently dropped.

export type Frequency = 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY';
export const WEEKDAYS = ['MO', 'TU', 'WE', 'TH', 'FR', 'SA', 'SU'] as const;
export type Weekday = (typeof WEEKDAYS)[number];

export interface RecurrenceRule {
  freq: Frequency;
  interval: number;
  count?: number;
  /** UNTIL as written: `YYYYMMDD` or `YYYYMMDDTHHMMSSZ`. */
  until?: string;
  /** BYDAY entries, e.g. `MO`, `2TU`, `-1FR`. */
  byDay?: string[];
  byMonthDay?: number[];
  byMonth?: number[];
  bySetPos?: number[];
  wkst?: Weekday;
}

const FREQS: readonly string[] = ['DAILY', 'WEEKLY', 'MONTHLY', 'YEARLY'];
const COUNT_MAX = 10_000;
const INTERVAL_MAX = 1000;
const BYDAY_RE = /^([+-]?\d{1,2})?(MO|TU|WE|TH|FR|SA|SU)$/;
const UNTIL_RE = /^(\d{4})(\d{2})(\d{2})(T(\d{2})(\d{2})(\d{2})Z?)?$/;

const intList = (v: string, lo: number, hi: number, name: string): number[] =>
  v.split(',').map((x) => {
    if (!/^[+-]?\d{1,3}$/.test(x)) throw new Error(`${name}: ${x} is not a number`);
    const n = Number(x);
    if (n === 0 || n < lo || n > hi) throw new Error(`${name}: ${x} is outside ${lo}…${hi}`);
    return n;
  });

/** Parses an RRULE value (an `RRULE:` prefix is allowed); throws Error with a message a person can act on. */
export function parseRecurrenceRule(value: string): RecurrenceRule {
  const text = value.trim().replace(/^RRULE:/i, '').toUpperCase();
  if (text.length === 0) throw new Error('The rule is empty');
  const parts = new Map<string, string>();
  for (const part of text.split(';')) {
    if (part === '') continue;
    const eq = part.indexOf('=');
    if (eq <= 0) throw new Error(`“${part}” is not NAME=VALUE`);
    const name = part.slice(0, eq);
    if (parts.has(name)) throw new Error(`${name} is given twice`);
    parts.set(name, part.slice(eq + 1));
  }
  const freq = parts.get('FREQ');
  if (freq === undefined) throw new Error('FREQ is required');
  if (!FREQS.includes(freq)) throw new Error(`FREQ must be DAILY, WEEKLY, MONTHLY or YEARLY, not ${freq}`);
  const rule: RecurrenceRule = { freq: freq as Frequency, interval: 1 };
  for (const [name, v] of parts) {
    switch (name) {
      case 'FREQ':
        break;
      case 'INTERVAL':
        if (!/^\d{1,4}$/.test(v) || Number(v) < 1 || Number(v) > INTERVAL_MAX) throw new Error(`INTERVAL must be 1…${INTERVAL_MAX}`);
        rule.interval = Number(v);
        break;
      case 'COUNT':
        if (!/^\d{1,5}$/.test(v) || Number(v) < 1 || Number(v) > COUNT_MAX) throw new Error(`COUNT must be 1…${COUNT_MAX}`);
        rule.count = Number(v);
        break;
      case 'UNTIL': {
        const m = UNTIL_RE.exec(v);
        if (!m) throw new Error('UNTIL must be YYYYMMDD or YYYYMMDDTHHMMSSZ');
        const [mo, d, h, mi, s] = [m[2], m[3], m[5] ?? '0', m[6] ?? '0', m[7] ?? '0'].map(Number) as [number, number, number, number, number];
        if (Number(m[1]) < 1 || mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 || s > 59) throw new Error('UNTIL is not a valid date');
        // A local UNTIL (no Z) is read as UTC: RFC 5545 only allows it with a floating DTSTART.
        rule.until = m[4] === undefined ? v : `${v.slice(0, 15)}Z`;
        break;
      }
      case 'BYDAY':
        rule.byDay = v.split(',').map((x) => {
          const m = BYDAY_RE.exec(x);
          if (!m || (m[1] !== undefined && (Number(m[1]) === 0 || Math.abs(Number(m[1])) > 53))) throw new Error(`BYDAY: ${x} is not a weekday like MO or 2TU`);
          return x.replace(/^\+/, '');
        });
        break;
      case 'BYMONTHDAY':
        rule.byMonthDay = intList(v, -31, 31, 'BYMONTHDAY');
        break;
      case 'BYMONTH':
        rule.byMonth = intList(v, 1, 12, 'BYMONTH');
        break;
      case 'BYSETPOS':
        rule.bySetPos = intList(v, -366, 366, 'BYSETPOS');
        break;
      case 'WKST':
        if (!(WEEKDAYS as readonly string[]).includes(v)) throw new Error('WKST must be a weekday like MO');
        rule.wkst = v as Weekday;
        break;
      default:
        throw new Error(`${name} is not supported (FREQ, INTERVAL, COUNT, UNTIL, BYDAY, BYMONTHDAY, BYMONTH, BYSETPOS, WKST are)`);
    }
  }
  if (rule.count !== undefined && rule.until !== undefined) throw new Error('COUNT and UNTIL cannot both be given');
  return rule;
}

/** The canonical text of a rule: fixed part order, so equal rules compare equal. */
export function formatRecurrenceRule(r: RecurrenceRule): string {
  const parts = [`FREQ=${r.freq}`];
  if (r.interval !== 1) parts.push(`INTERVAL=${r.interval}`);
  if (r.byMonth) parts.push(`BYMONTH=${r.byMonth.join(',')}`);
  if (r.byMonthDay) parts.push(`BYMONTHDAY=${r.byMonthDay.join(',')}`);
  if (r.byDay) parts.push(`BYDAY=${r.byDay.join(',')}`);
  if (r.bySetPos) parts.push(`BYSETPOS=${r.bySetPos.join(',')}`);
  if (r.wkst) parts.push(`WKST=${r.wkst}`);
  if (r.count !== undefined) parts.push(`COUNT=${r.count}`);
  if (r.until !== undefined) parts.push(`UNTIL=${r.until}`);
  return parts.join(';');
}

/** The rule as canonical text, or the reason it is refused. */
export function normalizeRecurrenceRule(value: string): { ok: true; rule: string } | { ok: false; message: string } {
  try {
    return { ok: true, rule: formatRecurrenceRule(parseRecurrenceRule(value)) };
  } catch (e) {
    return { ok: false, message: e instanceof Error ? e.message : String(e) };
  }
}
