// Calendar events to and from iCalendar (RFC 5545) text: VEVENT with DTSTART/DTEND or
// DURATION, TZID, VALUE=DATE, RRULE, EXDATE, RECURRENCE-ID, VALARM. Pure text work; the host
// validates what it reads against the createEvent contract before storing anything.
import type { CalendarEvent } from '../events.js';
import { instantOfWall, parseWall, wallMsOf } from '../wall-time.js';
import { addDays, canonicalTimeZone } from '../../zoned-time.js';
import { escapeText, fold, parseLine, unescapeText, unfold, type ContentLine } from './ics-lines.js';
import { vtimezone, type ZoneSpan } from './ics-timezones.js';
import { observanceOf, offsetOfWall, zoneMatching, type Observance } from './ics-vtimezone-read.js';

export interface IcsImportResult {
  added: number;
  /** Components left out, each with why (at most 100 listed). */
  skipped: { reason: string }[];
}

/** One VEVENT as createEvent input (not yet validated), with what links it to its series. */
export interface IcsEventRecord {
  uid: string | null;
  /** RECURRENCE-ID: the start (instant or date) of the occurrence this one replaces. */
  recurrenceId: string | null;
  /** STATUS:CANCELLED on an occurrence: that occurrence is removed. */
  cancelled: boolean;
  input: Pick<CalendarEvent, 'title' | 'start' | 'end' | 'timeZone' | 'allDay' | 'location' | 'description' | 'recurrence' | 'exceptions' | 'reminderMinutes'>;
}

export interface IcsParseResult {
  events: IcsEventRecord[];
  skipped: { reason: string }[];
}

// Outlook and Exchange write Windows zone names; the common ones, to their IANA zones.
const WINDOWS_ZONES: Readonly<Record<string, string>> = {
  'Eastern Standard Time': 'America/New_York',
  'Central Standard Time': 'America/Chicago',
  'Mountain Standard Time': 'America/Denver',
  'US Mountain Standard Time': 'America/Phoenix',
  'Pacific Standard Time': 'America/Los_Angeles',
  'Alaskan Standard Time': 'America/Anchorage',
  'Hawaiian Standard Time': 'Pacific/Honolulu',
  'Atlantic Standard Time': 'America/Halifax',
  'GMT Standard Time': 'Europe/London',
  'W. Europe Standard Time': 'Europe/Berlin',
  'Romance Standard Time': 'Europe/Paris',
  'Central Europe Standard Time': 'Europe/Budapest',
  'Central European Standard Time': 'Europe/Warsaw',
  'E. Europe Standard Time': 'Europe/Chisinau',
  'FLE Standard Time': 'Europe/Kyiv',
  'Russian Standard Time': 'Europe/Moscow',
  'India Standard Time': 'Asia/Kolkata',
  'China Standard Time': 'Asia/Shanghai',
  'Tokyo Standard Time': 'Asia/Tokyo',
  'AUS Eastern Standard Time': 'Australia/Sydney',
  UTC: 'UTC',
};

/** An IANA zone for a TZID (IANA names, `/mozilla.org/…/Europe/Berlin` prefixes, Windows names), else null. */
export function zoneOfTzid(tzid: string): string | null {
  const candidates = [tzid, tzid.split('/').slice(-2).join('/'), WINDOWS_ZONES[tzid]];
  for (const c of candidates) {
    if (!c) continue;
    const z = canonicalTimeZone(c);
    if (z.ok) return z.zone;
  }
  return null;
}

type IcsTime = { kind: 'date'; date: string } | { kind: 'instant'; iso: string; zone: string | null };

const BASIC_DATE = /^(\d{4})(\d{2})(\d{2})$/;
const BASIC_TIME = /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})(Z?)$/;

/** A file's VTIMEZONE blocks by TZID, and the zones it may prefer for one that names no zone. */
interface ZoneBlocks {
  byTzid: Map<string, Observance[]>;
  preferred: string[];
  /** `tzid|year` → the zone found for it (the search tries every zone Intl knows). */
  matched: Map<string, string | null>;
}

/** The zone and instant of a wall time under a TZID we do not know, from the file's own block for it. */
function fromBlock(tzid: string, wall: number, blocks: ZoneBlocks): { zone: string; ms: number } | null {
  const observances = blocks.byTzid.get(tzid);
  if (!observances || observances.length === 0) return null;
  const key = `${tzid}|${new Date(wall).getUTCFullYear()}`;
  if (!blocks.matched.has(key)) blocks.matched.set(key, zoneMatching(tzid, observances, wall, blocks.preferred));
  const zone = blocks.matched.get(key)!;
  if (zone !== null) return { zone, ms: instantOfWall(wall, zone) };
  const offset = offsetOfWall(observances, wall);
  // No zone keeps these rules: the block's offset still places this time right.
  return offset === null ? null : { zone: blocks.preferred[0]!, ms: wall - offset };
}

/** One DATE or DATE-TIME value; `zone` of a UTC time is null (the event takes the calendar's). */
function parseTime(value: string, params: Map<string, string>, defaultZone: string, blocks: ZoneBlocks): IcsTime {
  const d = BASIC_DATE.exec(value);
  if (d || params.get('VALUE') === 'DATE') {
    if (!d) throw new Error(`Not a date: ${value}`);
    return { kind: 'date', date: `${d[1]}-${d[2]}-${d[3]}` };
  }
  const t = BASIC_TIME.exec(value);
  if (!t) throw new Error(`Not a date-time: ${value}`);
  const wall = parseWall(`${t[1]}-${t[2]}-${t[3]}T${t[4]}:${t[5]}:${t[6]}`);
  if (wall === null) throw new Error(`Not a date-time: ${value}`);
  if (t[7] === 'Z') return { kind: 'instant', iso: new Date(wall).toISOString(), zone: null };
  const tzid = params.get('TZID');
  // A floating time (no zone) is read in the importing computer's zone.
  const known = tzid === undefined ? defaultZone : zoneOfTzid(tzid);
  if (known === null && tzid !== undefined) {
    const placed = fromBlock(tzid, wall, blocks);
    if (placed) return { kind: 'instant', iso: new Date(placed.ms).toISOString(), zone: placed.zone };
  }
  const zone = known ?? defaultZone;
  return { kind: 'instant', iso: new Date(instantOfWall(wall, zone)).toISOString(), zone };
}

const DURATION = /^([+-])?P(?:(\d+)W)?(?:(\d+)D)?(?:T(?:(\d+)H)?(?:(\d+)M)?(?:(\d+)S)?)?$/;

/** A DURATION in milliseconds (negative allowed). */
function parseDuration(value: string): number {
  const m = DURATION.exec(value);
  if (!m || value === 'P' || value.endsWith('T')) throw new Error(`Not a duration: ${value}`);
  const [w, d, h, mi, s] = [2, 3, 4, 5, 6].map((i) => Number(m[i] ?? 0)) as [number, number, number, number, number];
  const ms = ((((w * 7 + d) * 24 + h) * 60 + mi) * 60 + s) * 1000;
  return m[1] === '-' ? -ms : ms;
}

/** A local UNTIL (`…T090000` without Z) as the UTC time RFC 5545 wants with a zoned DTSTART. */
function utcUntil(rule: string, zone: string): string {
  return rule.replace(/UNTIL=(\d{8}T\d{6})(?!Z)/i, (_, local: string) => {
    const t = BASIC_TIME.exec(local)!;
    const wall = parseWall(`${t[1]}-${t[2]}-${t[3]}T${t[4]}:${t[5]}:${t[6]}`) ?? 0;
    return `UNTIL=${basicUtc(instantOfWall(wall, zone))}`;
  });
}

interface RawEvent {
  props: ContentLine[];
  alarms: ContentLine[][];
}

/** The VEVENTs of a calendar, each as one record or a reason it was skipped. */
export function parseIcs(text: string, defaultZone: string): IcsParseResult {
  const lines = unfold(text);
  const raws: RawEvent[] = [];
  const skipped: { reason: string }[] = [];
  let calendarZone = defaultZone;
  let current: RawEvent | null = null;
  let alarm: ContentLine[] | null = null;
  const byTzid = new Map<string, Observance[]>();
  let zone: { tzid: string; observances: Observance[] } | null = null;
  let observance: ContentLine[] | null = null;
  const stack: string[] = [];
  for (const line of lines) {
    const p = parseLine(line);
    if (!p) continue;
    if (p.name === 'BEGIN') {
      const what = p.value.toUpperCase();
      stack.push(what);
      if (what === 'VEVENT') current = { props: [], alarms: [] };
      else if (what === 'VALARM' && current) alarm = [];
      else if (what === 'VTIMEZONE') zone = { tzid: '', observances: [] };
      else if ((what === 'STANDARD' || what === 'DAYLIGHT') && zone) observance = [];
      continue;
    }
    if (p.name === 'END') {
      const what = stack.pop();
      if (what === 'VEVENT' && current) {
        raws.push(current);
        current = null;
      } else if (what === 'VALARM' && current && alarm) {
        current.alarms.push(alarm);
        alarm = null;
      } else if ((what === 'STANDARD' || what === 'DAYLIGHT') && zone && observance) {
        const o = observanceOf(observance);
        if (o) zone.observances.push(o);
        observance = null;
      } else if (what === 'VTIMEZONE' && zone) {
        if (zone.tzid) byTzid.set(zone.tzid, zone.observances);
        zone = null;
      }
      continue;
    }
    if (observance) observance.push(p);
    else if (zone && p.name === 'TZID') zone.tzid = unescapeText(p.value);
    else if (alarm) alarm.push(p);
    else if (current && stack[stack.length - 1] === 'VEVENT') current.props.push(p);
    else if (stack.length === 1 && p.name === 'X-WR-TIMEZONE') calendarZone = zoneOfTzid(p.value) ?? defaultZone;
  }
  const blocks: ZoneBlocks = { byTzid, preferred: [...new Set([calendarZone, defaultZone])], matched: new Map() };
  const events: IcsEventRecord[] = [];
  for (const raw of raws) {
    try {
      events.push(toRecord(raw, calendarZone, blocks));
    } catch (e) {
      const summary = raw.props.find((p) => p.name === 'SUMMARY');
      skipped.push({ reason: `${summary ? `“${unescapeText(summary.value).slice(0, 80)}”: ` : ''}${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return { events, skipped };
}

function toRecord(raw: RawEvent, calendarZone: string, blocks: ZoneBlocks): IcsEventRecord {
  const one = (name: string) => raw.props.find((p) => p.name === name);
  const dtstart = one('DTSTART');
  if (!dtstart) throw new Error('No DTSTART');
  const start = parseTime(dtstart.value, dtstart.params, calendarZone, blocks);
  const ownZone = one(ZONE_PROP);
  const zone =
    start.kind === 'instant' && start.zone !== null ? start.zone : ((ownZone && zoneOfTzid(ownZone.value)) ?? calendarZone);
  const dtend = one('DTEND');
  const duration = one('DURATION');
  let startText: string;
  let endText: string;
  if (start.kind === 'date') {
    startText = start.date;
    // DTEND of an all-day event is the day after its last (exclusive); ours is inclusive.
    if (dtend) {
      const end = parseTime(dtend.value, dtend.params, zone, blocks);
      endText = end.kind === 'date' ? addDays(end.date, -1) : start.date;
    } else if (duration) {
      endText = addDays(start.date, Math.max(1, Math.round(parseDuration(duration.value) / 86_400_000)) - 1);
    } else endText = start.date;
    if (endText < startText) endText = startText;
  } else {
    startText = start.iso;
    if (dtend) {
      const end = parseTime(dtend.value, dtend.params, zone, blocks);
      endText = end.kind === 'instant' ? end.iso : startText;
    } else if (duration) endText = new Date(Date.parse(start.iso) + parseDuration(duration.value)).toISOString();
    else endText = startText;
  }
  const exceptions: string[] = [];
  for (const ex of raw.props.filter((p) => p.name === 'EXDATE')) {
    for (const v of ex.value.split(',')) {
      const t = parseTime(v.trim(), ex.params, zone, blocks);
      exceptions.push(t.kind === 'date' ? t.date : start.kind === 'date' ? t.iso.slice(0, 10) : t.iso);
    }
  }
  const rrule = one('RRULE');
  const recurrenceIdLine = one('RECURRENCE-ID');
  let recurrenceId: string | null = null;
  if (recurrenceIdLine) {
    const t = parseTime(recurrenceIdLine.value, recurrenceIdLine.params, zone, blocks);
    recurrenceId = t.kind === 'date' ? t.date : t.iso;
  }
  let reminderMinutes: number | null = null;
  for (const a of raw.alarms) {
    const trigger = a.find((p) => p.name === 'TRIGGER');
    if (!trigger || trigger.params.get('VALUE') === 'DATE-TIME' || trigger.params.get('RELATED') === 'END') continue;
    const before = -parseDuration(trigger.value);
    if (before >= 0) reminderMinutes = Math.min(reminderMinutes ?? Infinity, Math.round(before / 60_000));
  }
  const text = (name: string) => {
    const p = one(name);
    return p ? unescapeText(p.value) : '';
  };
  return {
    uid: one('UID')?.value ?? null,
    recurrenceId,
    cancelled: one('STATUS')?.value.toUpperCase() === 'CANCELLED',
    input: {
      title: text('SUMMARY').trim() || '(No title)',
      start: startText,
      end: endText,
      timeZone: zone,
      allDay: start.kind === 'date',
      location: text('LOCATION'),
      description: text('DESCRIPTION'),
      recurrence: rrule ? utcUntil(rrule.value, zone) : null,
      exceptions,
      reminderMinutes,
    },
  };
}

const ZONE_PROP = 'X-ENCLAVE-TIMEZONE';

const compact = (iso: string) => iso.replace(/[-:]/g, '').replace(/\.\d{3}/, '');
/** `YYYYMMDDTHHMMSSZ` of an instant. */
const basicUtc = (ms: number) => compact(new Date(ms).toISOString());
/** `YYYYMMDDTHHMMSS` of an instant's wall clock in a zone. */
const basicWall = (ms: number, zone: string) => compact(new Date(wallMsOf(ms, zone)).toISOString()).replace(/Z$/, '');
const basicDate = (date: string) => date.replaceAll('-', '');

/** A start-like property: VALUE=DATE for dates, TZID and the wall clock for instants (UTC in UTC). */
function timeProp(name: string, value: string, allDay: boolean, zone: string): string {
  if (allDay) return `${name};VALUE=DATE:${basicDate(value)}`;
  const ms = Date.parse(value);
  // Always with TZID (UTC too): a bare UTC time reads as the importing calendar's zone.
  return `${name};TZID=${zone}:${basicWall(ms, zone)}`;
}

/** The span each zone named by a TZID must cover: every timed instant written in it, and a series' UNTIL (or for ever). */
export function zoneSpans(events: readonly CalendarEvent[]): Map<string, ZoneSpan> {
  const spans = new Map<string, ZoneSpan>();
  const add = (zone: string, iso: string, open = false) => {
    const ms = Date.parse(iso);
    if (Number.isNaN(ms)) return;
    const s = spans.get(zone);
    if (!s) spans.set(zone, { fromMs: ms, toMs: ms, open });
    else spans.set(zone, { fromMs: Math.min(s.fromMs, ms), toMs: Math.max(s.toMs, ms), open: s.open || open });
  };
  const byId = new Map(events.map((e) => [e.id, e]));
  for (const e of events) {
    const series = e.seriesId !== null ? byId.get(e.seriesId) : undefined;
    if (series && !series.allDay && e.originalStart !== null) add(series.timeZone, e.originalStart);
    if (e.allDay) continue;
    add(e.timeZone, e.start);
    add(e.timeZone, e.end);
    for (const x of e.exceptions) add(e.timeZone, x);
    if (e.recurrence !== null) {
      const until = /UNTIL=(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z/i.exec(e.recurrence);
      // COUNT has no cheap end: like no end at all, the zone's yearly rules carry on.
      if (until) add(e.timeZone, `${until[1]}-${until[2]}-${until[3]}T${until[4]}:${until[5]}:${until[6]}Z`);
      else add(e.timeZone, e.start, true);
    }
  }
  return spans;
}

/** The events as one VCALENDAR: series with RRULE/EXDATE, edited occurrences with RECURRENCE-ID under their series' UID. */
export function writeIcs(events: readonly CalendarEvent[], now: Date): string {
  const uid = (id: string) => `${id}@enclave`;
  const byId = new Map(events.map((e) => [e.id, e]));
  const out = ['BEGIN:VCALENDAR', 'VERSION:2.0', 'PRODID:-//Enclave//Calendar//EN', 'CALSCALE:GREGORIAN'];
  for (const [zone, span] of [...zoneSpans(events)].sort(([a], [b]) => (a < b ? -1 : 1))) out.push(...vtimezone(zone, span));
  for (const e of events) {
    const series = e.seriesId !== null ? byId.get(e.seriesId) : undefined;
    out.push('BEGIN:VEVENT', `UID:${uid(series ? series.id : e.id)}`, `DTSTAMP:${basicUtc(now.getTime())}`);
    out.push(timeProp('DTSTART', e.start, e.allDay, e.timeZone));
    out.push(timeProp('DTEND', e.allDay ? addDays(e.end, 1) : e.end, e.allDay, e.timeZone));
    if (series && e.originalStart !== null) out.push(timeProp('RECURRENCE-ID', e.originalStart, series.allDay, series.timeZone));
    out.push(`SUMMARY:${escapeText(e.title)}`);
    // A date has no zone; the event's own zone (which decides its times if it becomes timed) rides along.
    if (e.allDay) out.push(`${ZONE_PROP}:${e.timeZone}`);
    if (e.location) out.push(`LOCATION:${escapeText(e.location)}`);
    if (e.description) out.push(`DESCRIPTION:${escapeText(e.description)}`);
    if (e.recurrence !== null) {
      out.push(`RRULE:${e.recurrence}`);
      for (const x of e.exceptions) out.push(timeProp('EXDATE', x, e.allDay, e.timeZone));
    }
    if (e.reminderMinutes !== null) {
      out.push('BEGIN:VALARM', 'ACTION:DISPLAY', `DESCRIPTION:${escapeText(e.title)}`, `TRIGGER:-PT${e.reminderMinutes}M`, 'END:VALARM');
    }
    out.push('END:VEVENT');
  }
  out.push('END:VCALENDAR');
  return out.map(fold).join('');
}
