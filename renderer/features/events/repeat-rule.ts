// The repeat editor's choices and the RRULE text they stand for, both ways. A rule the
// simple choices cannot show stays as its text ("Custom"), so nothing is lost by opening it.
import { parseRecurrenceRule, WEEKDAYS, type Weekday } from '../../../shared/events/recurrence-rule.js';
import { localInstant } from '../../format/local-time.js';

export type RepeatFrequency = 'none' | 'DAILY' | 'WEEKLY' | 'MONTHLY' | 'YEARLY' | 'custom';

export interface RepeatForm {
  freq: RepeatFrequency;
  interval: number;
  /** Weekly: the weekdays it happens on. */
  byDay: Weekday[];
  ends: 'never' | 'on' | 'after';
  /** The last date (inclusive) when ends is 'on'. */
  until: string;
  count: number;
  /** The rule text when freq is 'custom'. */
  custom: string;
}

export const NO_REPEAT: RepeatForm = { freq: 'none', interval: 1, byDay: [], ends: 'never', until: '', count: 10, custom: '' };

/** The weekday of a date as RRULE writes it. */
export const weekdayOf = (date: string): Weekday => WEEKDAYS[(new Date(`${date}T12:00:00`).getDay() + 6) % 7]!;

export function repeatFormOf(rule: string | null, startDate: string): RepeatForm {
  if (rule === null) return { ...NO_REPEAT, byDay: [weekdayOf(startDate)] };
  try {
    const r = parseRecurrenceRule(rule);
    const simpleDays = r.byDay?.every((d) => (WEEKDAYS as readonly string[]).includes(d)) ?? true;
    const simple = !r.byMonth && !r.byMonthDay && !r.bySetPos && (r.freq === 'WEEKLY' ? simpleDays : !r.byDay);
    const until = r.until ? `${r.until.slice(0, 4)}-${r.until.slice(4, 6)}-${r.until.slice(6, 8)}` : '';
    return {
      freq: simple ? r.freq : 'custom',
      interval: r.interval,
      byDay: (r.byDay as Weekday[] | undefined) ?? [weekdayOf(startDate)],
      ends: r.count !== undefined ? 'after' : r.until !== undefined ? 'on' : 'never',
      until,
      count: r.count ?? 10,
      custom: rule,
    };
  } catch {
    return { ...NO_REPEAT, freq: 'custom', custom: rule };
  }
}

/** The rule text of the form, or null for "Does not repeat". UNTIL is the end of the chosen local day. */
export function ruleOf(form: RepeatForm, allDay: boolean): string | null {
  if (form.freq === 'none') return null;
  if (form.freq === 'custom') return form.custom.trim();
  const parts = [`FREQ=${form.freq}`];
  if (form.interval > 1) parts.push(`INTERVAL=${form.interval}`);
  if (form.freq === 'WEEKLY' && form.byDay.length > 0) parts.push(`BYDAY=${WEEKDAYS.filter((d) => form.byDay.includes(d)).join(',')}`);
  if (form.ends === 'after') parts.push(`COUNT=${form.count}`);
  if (form.ends === 'on' && form.until) {
    parts.push(
      `UNTIL=${allDay ? form.until.replaceAll('-', '') : localInstant(form.until, '23:59').replace(/[-:]/g, '').replace(/\.\d{3}/, '').replace(/00Z$/, '59Z')}`,
    );
  }
  return parts.join(';');
}
