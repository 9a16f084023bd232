// Occurrences of a repeating event, expanded in the host (never the renderer) with rrule.
// rrule's own time-zone support reads its dates in the process's zone; instead the rule runs
// on "wall clock" dates (UTC fields = the event's local time, the way rrule handles floating
// times), and each occurrence's wall time becomes an instant in the event's zone afterwards.
// So a weekly 09:00 in New York is 09:00 before and after DST, as RFC 5545 asks.
import { createRequire } from 'node:module';
import type rrule from 'rrule';
import { parseRecurrenceRule } from '../../../shared/events/recurrence-rule.js';
import { instantOfWall, wallMsOf } from '../../../shared/events/wall-time.js';
import { addDays } from '../../../shared/zoned-time.js';

type RRuleClass = typeof rrule.RRule;
let loaded: RRuleClass | undefined;
// Required on the first repeating event, not with the host: rrule is a 130 KB CommonJS
// build whose top level takes 15-35 ms, and most hosts (`enclave task list`) never need it.
const rruleClass = (): RRuleClass => (loaded ??= (createRequire(import.meta.url)('rrule') as typeof rrule).RRule);
const DAY_MS = 86_400_000;
/** Wall clocks are at most 14 h from UTC; a margin of two days on either side of a window is safe. */
const MARGIN_MS = 2 * DAY_MS;
/** Occurrences one series yields for one question, however wide the window: a daily rule over centuries stops here. */
export const OCCURRENCES_MAX = 20_000;

export interface Series {
  /** An instant `…Z`, or a date when allDay. */
  start: string;
  end: string;
  allDay: boolean;
  timeZone: string;
  recurrence: string;
}

export interface Occurrence {
  start: string;
  end: string;
}

const dateMs = (date: string) => Date.parse(`${date}T00:00:00.000Z`);
const isoOf = (ms: number) => new Date(ms).toISOString();

/** The rule as rrule runs it, on wall-clock dates starting at the series' first wall time. */
function ruleOf(series: Series): { rule: InstanceType<RRuleClass> } {
  const RRule = rruleClass();
  const parsed = parseRecurrenceRule(series.recurrence);
  const wallStart = series.allDay ? dateMs(series.start) : wallMsOf(Date.parse(series.start), series.timeZone);
  const { until } = parsed;
  const withoutUntil = series.recurrence
    .replace(/^RRULE:/i, '')
    .split(';')
    .filter((p) => !/^UNTIL=/i.test(p))
    .join(';');
  const options = RRule.parseString(withoutUntil);
  let untilWall: number | undefined;
  if (until !== undefined) {
    const y = until.slice(0, 4), mo = until.slice(4, 6), d = until.slice(6, 8);
    if (until.length === 8) {
      // A date: every occurrence on that day counts.
      untilWall = dateMs(`${y}-${mo}-${d}`) + DAY_MS - 1;
    } else {
      const utc = Date.parse(`${y}-${mo}-${d}T${until.slice(9, 11)}:${until.slice(11, 13)}:${until.slice(13, 15)}Z`);
      untilWall = wallMsOf(utc, series.timeZone);
    }
  }
  const rule = new RRule({
    ...options,
    dtstart: new Date(wallStart),
    ...(untilWall !== undefined ? { until: new Date(untilWall) } : {}),
  });
  return { rule };
}

/**
 * The series' occurrences whose start (wall clock) lies within the window, widened by the
 * event's length and two days, so callers filter precisely by their own rules. `visit` is
 * called in order and stops the expansion by returning false. Occurrences whose start is in
 * `skip` (exceptions, edited occurrences) are left out.
 */
export function expandSeries(
  series: Series,
  window: { fromMs?: number | undefined; toMs?: number | undefined },
  skip: ReadonlySet<string>,
  visit: (o: Occurrence) => boolean,
): void {
  const { rule } = ruleOf(series);
  const spanDays = series.allDay ? Math.round((dateMs(series.end) - dateMs(series.start)) / DAY_MS) : 0;
  const durationMs = series.allDay ? (spanDays + 1) * DAY_MS : Date.parse(series.end) - Date.parse(series.start);
  const lo = window.fromMs === undefined ? -Infinity : window.fromMs - durationMs - MARGIN_MS;
  const hi = window.toMs === undefined ? Infinity : window.toMs + MARGIN_MS;
  let yielded = 0;
  let stopped = false;
  const each = (d: Date): boolean => {
    if (stopped || yielded >= OCCURRENCES_MAX) return false;
    const wall = d.getTime();
    if (wall > hi) return false;
    if (wall < lo) return true;
    let o: Occurrence;
    if (series.allDay) {
      const start = isoOf(wall).slice(0, 10);
      o = { start, end: addDays(start, spanDays) };
    } else {
      const startMs = instantOfWall(wall, series.timeZone);
      o = { start: isoOf(startMs), end: isoOf(startMs + durationMs) };
    }
    if (skip.has(o.start)) return true;
    yielded++;
    if (!visit(o)) stopped = true;
    return !stopped;
  };
  if (Number.isFinite(lo) && Number.isFinite(hi)) rule.between(new Date(lo), new Date(hi), true, (d) => each(d));
  else rule.all((d) => each(d));
}

/** Checks that the host can run a rule (the contract checked its syntax); throws Error otherwise. */
export function checkSeries(series: Series): void {
  ruleOf(series);
}

/** The rule with its end moved to just before an occurrence (COUNT dropped): "this and following" starts there. */
export function endRuleBefore(series: Series, occurrenceStart: string): string {
  const until = series.allDay
    ? addDays(occurrenceStart, -1).replaceAll('-', '')
    : isoOf(Date.parse(occurrenceStart) - 1000).replace(/[-:]/g, '').replace(/\.\d{3}/, '');
  const kept = series.recurrence
    .split(';')
    .filter((p) => !/^(UNTIL|COUNT)=/i.test(p));
  return [...kept, `UNTIL=${until}`].join(';');
}

/** How many occurrences come before an occurrence (to carry a COUNT over to the part after a split). */
export function countBefore(series: Series, occurrenceStart: string): number {
  let n = 0;
  expandSeries(series, {}, new Set(), (o) => {
    if (o.start >= occurrenceStart) return false;
    n++;
    return true;
  });
  return n;
}
