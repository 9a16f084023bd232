// Calendar events in one profile's data.sqlite. Runs inside that profile's worker.
import type { ParsedInput } from '../../../shared/contract.js';
import { AppException } from '../../../shared/errors.js';
import type { CalendarEvent, EventReminder } from '../../../shared/events/events.js';
import { PAGE_SIZE_DEFAULT, type Page } from '../../../shared/tasks/tasks.js';
import { REMINDER_MINUTES_MAX } from '../../../shared/events/events.js';
import { dateInZone, isIsoDate, normalizeInstant, normalizeLocalInstant, startOfDay } from '../../../shared/zoned-time.js';
import { checkSeries, countBefore, endRuleBefore, expandSeries, type Series } from './event-recurrence.js';
import { resolveTiming, type Timing } from '../../../shared/events/event-timing.js';
import { decodeCursor, keysetSql, toPage, type KeysetOrder, type KeyValue } from '../../core/storage/repositories/keyset.js';
import { conflict, notFound, setTrashed, type ItemRow } from '../../core/storage/repositories/soft-delete.js';
import { SqliteRepository } from '../../core/storage/repositories/sqlite-repository.js';
import { uuidv7 } from '../../core/storage/repositories/uuidv7.js';

export type CreateEvent = ParsedInput<'createEvent'>;
export type UpdateEvent = ParsedInput<'updateEvent'>;
export type ListEvents = ParsedInput<'listEvents'>;
export type EditOccurrence = ParsedInput<'editOccurrence'>;
export type DeleteOccurrence = ParsedInput<'deleteOccurrence'>;

interface EventRow extends ItemRow, Pick<CalendarEvent, 'title' | 'location' | 'description' | 'recurrence'> {
  start_at: string;
  end_at: string;
  time_zone: string;
  all_day: 0 | 1;
  exceptions: string;
  series_id: string | null;
  original_start: string | null;
  reminder_minutes: number | null;
}

const COLUMNS =
  'id, title, start_at, end_at, time_zone, all_day, location, description, created_at, updated_at, deleted_at, version, ' +
  'recurrence, exceptions, series_id, original_start, reminder_minutes';
const BY_START: KeysetOrder = { name: 'start', columns: ['start_at', 'id'], direction: 'ASC' };

export const toEvent = (r: EventRow): CalendarEvent => ({
  id: r.id,
  title: r.title,
  start: r.start_at,
  end: r.end_at,
  timeZone: r.time_zone,
  allDay: r.all_day === 1,
  location: r.location,
  description: r.description,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
  deletedAt: r.deleted_at,
  version: r.version,
  recurrence: r.recurrence,
  exceptions: JSON.parse(r.exceptions) as string[],
  seriesId: r.series_id,
  originalStart: r.original_start,
  reminderMinutes: r.reminder_minutes,
});

const seriesOf = (r: EventRow): Series => ({
  start: r.start_at,
  end: r.end_at,
  allDay: r.all_day === 1,
  timeZone: r.time_zone,
  recurrence: r.recurrence ?? '',
});

/** Refuses a rule the host cannot run, and exceptions of the wrong kind for the event. */
function checkRepeat(t: Timing, recurrence: string | null, exceptions: readonly string[]): void {
  for (const x of exceptions) {
    if (isIsoDate(x) !== t.allDay) {
      throw new AppException('INVALID_INPUT', `exceptions: ${t.allDay ? 'An all-day event’s exceptions are dates' : 'A timed event’s exceptions are instants'}`, {
        field: 'exceptions',
      });
    }
  }
  if (recurrence === null) return;
  try {
    checkSeries({ ...t, recurrence });
  } catch (e) {
    throw new AppException('INVALID_INPUT', `recurrence: ${e instanceof Error ? e.message : String(e)}`, { field: 'recurrence' });
  }
}

/** A list window as the test each event or occurrence must pass (the SQL below, in code, for occurrences). */
interface Window {
  to?: { at: string; lastDate: string };
  from?: { at: string; date: string };
}
function inWindow(w: Window, allDay: boolean, start: string, end: string): boolean {
  if (w.to && !(allDay ? start <= w.to.lastDate : start < w.to.at)) return false;
  if (w.from && !(allDay ? end >= w.from.date : end > w.from.at || start >= w.from.at)) return false;
  return true;
}

const timingOf = (r: EventRow): Timing => ({ start: r.start_at, end: r.end_at, allDay: r.all_day === 1, timeZone: r.time_zone });

/**
 * A window edge as the instant it names and the local date it falls on: in `timeZone` when
 * given, else in the offset it was written with (`2027-05-01T00:00:00.000-10:00` is May 1).
 */
function edge(value: string, timeZone: string | undefined): { at: string; wallMs: number } {
  const at = normalizeInstant(value);
  const local = normalizeLocalInstant(value);
  if (at === null || local === null) throw new AppException('INVALID_INPUT', `Not an instant: ${value}`);
  // Milliseconds whose UTC reading is the wall clock as written.
  return { at, wallMs: timeZone === undefined ? Date.parse(`${local.slice(0, 23)}Z`) : Date.parse(at) };
}
const wallDate = (wallMs: number, timeZone: string | undefined) => dateInZone(wallMs, timeZone ?? 'UTC');

export class EventRepository extends SqliteRepository {
  private row(id: string): EventRow {
    const r = this.s.get(`SELECT ${COLUMNS} FROM events WHERE id = ? AND deleted_at IS NULL`).get(id) as EventRow | undefined;
    if (!r) throw notFound('events');
    return r;
  }

  get(id: string): CalendarEvent {
    return toEvent(this.row(id));
  }

  /** `series`: the row replaces one occurrence of that series (an edited occurrence). */
  create(input: CreateEvent, series?: { id: string; originalStart: string }): CalendarEvent {
    const now = this.now();
    const timing = resolveTiming(input);
    const { start, end, allDay } = timing;
    const recurrence = input.recurrence ?? null;
    const exceptions = input.exceptions ?? [];
    checkRepeat(timing, recurrence, exceptions);
    const r = this.s
      .get(
        `INSERT INTO events (id, title, start_at, end_at, time_zone, all_day, location, description, created_at, updated_at,
           recurrence, exceptions, series_id, original_start, reminder_minutes)
         VALUES (@id, @title, @start, @end, @timeZone, @allDay, @location, @description, @at, @at,
           @recurrence, @exceptions, @seriesId, @originalStart, @reminderMinutes) RETURNING ${COLUMNS}`,
      )
      .get({
        recurrence,
        exceptions: JSON.stringify(exceptions),
        seriesId: series?.id ?? null,
        originalStart: series?.originalStart ?? null,
        reminderMinutes: input.reminderMinutes ?? null,
        id: uuidv7(now.getTime()),
        title: input.title,
        start,
        end,
        timeZone: input.timeZone,
        allDay: allDay ? 1 : 0,
        location: input.location ?? '',
        description: input.description ?? '',
        at: now.toISOString(),
      }) as EventRow;
    return toEvent(r);
  }

  update(input: UpdateEvent): CalendarEvent {
    return this.s.db.transaction(() => {
      const current = this.row(input.id);
      if (current.version !== input.version) {
        throw conflict('events', current.version, input.version);
      }
      const timing = resolveTiming(input, timingOf(current));
      const { start, end, allDay, timeZone } = timing;
      const recurrence = input.recurrence !== undefined ? input.recurrence : current.recurrence;
      // Exceptions name starts of the old timing; when the kind changes they cannot match any more.
      const exceptions = input.exceptions ?? (allDay === (current.all_day === 1) ? (JSON.parse(current.exceptions) as string[]) : []);
      if (recurrence !== null && current.series_id !== null) {
        throw new AppException('INVALID_INPUT', 'recurrence: An edited occurrence of a repeating event cannot repeat itself', { field: 'recurrence' });
      }
      checkRepeat(timing, recurrence, exceptions);
      const r = this.s
        .get(
          `UPDATE events SET title = @title, start_at = @start, end_at = @end, time_zone = @timeZone, all_day = @allDay,
             location = @location, description = @description, recurrence = @recurrence, exceptions = @exceptions,
             reminder_minutes = @reminderMinutes, updated_at = @at, version = version + 1
           WHERE id = @id RETURNING ${COLUMNS}`,
        )
        .get({
          recurrence,
          exceptions: JSON.stringify(exceptions),
          reminderMinutes: input.reminderMinutes !== undefined ? input.reminderMinutes : current.reminder_minutes,
          id: input.id,
          title: input.title ?? current.title,
          start,
          end,
          timeZone,
          allDay: allDay ? 1 : 0,
          location: input.location ?? current.location,
          description: input.description ?? current.description,
          at: this.now().toISOString(),
        }) as EventRow;
      return toEvent(r);
    })();
  }

  /** To the Trash; a series takes its edited occurrences with it (they come back with it). */
  delete(id: string): CalendarEvent {
    return this.s.db.transaction(() => {
      const at = this.now().toISOString();
      const r = setTrashed<EventRow>(this.s, 'events', COLUMNS, id, at, true);
      if (r.recurrence !== null) {
        this.s.get('UPDATE events SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE series_id = ? AND deleted_at IS NULL').run(at, at, id);
      }
      return toEvent(r);
    })();
  }

  restore(id: string): CalendarEvent {
    return this.s.db.transaction(() => {
      const was = this.s.get('SELECT deleted_at FROM events WHERE id = ?').get(id) as { deleted_at: string | null } | undefined;
      const at = this.now().toISOString();
      const r = setTrashed<EventRow>(this.s, 'events', COLUMNS, id, at, false);
      if (r.recurrence !== null && was?.deleted_at) {
        this.s
          .get('UPDATE events SET deleted_at = NULL, updated_at = ?, version = version + 1 WHERE series_id = ? AND deleted_at = ?')
          .run(at, id, was.deleted_at);
      }
      return toEvent(r);
    })();
  }

  /** Starts of a series' occurrences that an edited occurrence replaces (in the Trash too: deleting it removes the occurrence). */
  private replacedStarts(seriesId: string): Set<string> {
    const rows = this.s.get('SELECT original_start FROM events WHERE series_id = ?').pluck().all(seriesId) as string[];
    return new Set(rows);
  }

  /**
   * Events overlapping [from, to), by start, a repeating event as each of its occurrences in
   * the window (see CalendarEvent.occurrenceStart). A zero-length event at `from` counts.
   * All-day events count when one of their dates is a local day the window touches (see edge()).
   */
  list(input: ListEvents): Page<CalendarEvent> {
    const limit = input.limit ?? PAGE_SIZE_DEFAULT;
    const where = ['deleted_at IS NULL', 'recurrence IS NULL'];
    const params: KeyValue[] = [];
    const window: Window = {};
    let toMs: number | undefined;
    let fromMs: number | undefined;
    if (input.to !== undefined) {
      const to = edge(input.to, input.timeZone);
      // The window's last local day is that of its last moment: a window to midnight ends the day before.
      const lastDate = wallDate(to.wallMs - 1, input.timeZone);
      window.to = { at: to.at, lastDate };
      toMs = Date.parse(to.at);
      // The first bound is implied by the precise test after it; it lets the index on start_at
      // bound the scan (an all-day row's date sorts before every instant of that date).
      where.push('start_at < ?', '(CASE all_day WHEN 1 THEN start_at <= ? ELSE start_at < ? END)');
      params.push(to.at > `${lastDate}T` ? to.at : `${lastDate}T`, lastDate, to.at);
    }
    if (input.from !== undefined) {
      const from = edge(input.from, input.timeZone);
      const date = wallDate(from.wallMs, input.timeZone);
      window.from = { at: from.at, date };
      fromMs = Date.parse(from.at);
      where.push('(CASE all_day WHEN 1 THEN end_at >= ? ELSE (end_at > ? OR start_at >= ?) END)');
      params.push(date, from.at, from.at);
    }
    const { after, orderBy } = keysetSql(BY_START);
    const cursor = input.cursor !== undefined ? decodeCursor(BY_START, input.cursor) : undefined;
    if (cursor !== undefined) {
      where.push(after);
      params.push(...cursor);
    }
    const rows = this.s
      .get(`SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`)
      .all(...params, limit + 1) as EventRow[];
    const items: Array<{ row: EventRow; occurrence?: { start: string; end: string } }> = rows.map((row) => ({ row }));

    // Repeating events: every series that starts before the window ends, expanded in it.
    const seriesWhere = ['deleted_at IS NULL', 'recurrence IS NOT NULL'];
    const seriesParams: KeyValue[] = [];
    if (window.to) {
      seriesWhere.push('start_at < ?');
      seriesParams.push(window.to.at > `${window.to.lastDate}T` ? window.to.at : `${window.to.lastDate}T`);
    }
    const afterCursor = (start: string, id: string) =>
      cursor === undefined || start > String(cursor[0]) || (start === String(cursor[0]) && id > String(cursor[1]));
    for (const row of this.s.get(`SELECT ${COLUMNS} FROM events WHERE ${seriesWhere.join(' AND ')}`).all(...seriesParams) as EventRow[]) {
      const skip = new Set([...(JSON.parse(row.exceptions) as string[]), ...this.replacedStarts(row.id)]);
      let kept = 0;
      expandSeries(seriesOf(row), { fromMs, toMs }, skip, (o) => {
        if (!inWindow(window, row.all_day === 1, o.start, o.end) || !afterCursor(o.start, row.id)) return true;
        items.push({ row, occurrence: o });
        // Occurrences come in order: past limit + 1 of them, none can make this page.
        return ++kept <= limit;
      });
    }
    items.sort((a, b) => {
      const sa = a.occurrence?.start ?? a.row.start_at;
      const sb = b.occurrence?.start ?? b.row.start_at;
      return sa < sb ? -1 : sa > sb ? 1 : a.row.id < b.row.id ? -1 : a.row.id > b.row.id ? 1 : 0;
    });
    return toPage(
      items.slice(0, limit + 1),
      limit,
      ({ row, occurrence }) => (occurrence ? { ...toEvent(row), start: occurrence.start, end: occurrence.end, occurrenceStart: occurrence.start } : toEvent(row)),
      ({ row, occurrence }) => [occurrence?.start ?? row.start_at, row.id],
      BY_START,
    );
  }

  /** Checks that an occurrence is one the series has (and has not been removed or edited). */
  private checkOccurrence(row: EventRow, occurrenceStart: string): { start: string; end: string } {
    if (row.recurrence === null) throw new AppException('INVALID_INPUT', 'id: This event does not repeat', { field: 'id' });
    if (isIsoDate(occurrenceStart) !== (row.all_day === 1)) {
      throw new AppException('INVALID_INPUT', 'occurrenceStart: Not an occurrence of this event', { field: 'occurrenceStart' });
    }
    const at = row.all_day === 1 ? Date.parse(`${occurrenceStart}T00:00:00Z`) : Date.parse(occurrenceStart);
    const skip = new Set([...(JSON.parse(row.exceptions) as string[]), ...this.replacedStarts(row.id)]);
    let found: { start: string; end: string } | null = null;
    expandSeries(seriesOf(row), { fromMs: at, toMs: at + 1 }, skip, (o) => {
      if (o.start === occurrenceStart) found = o;
      return found === null;
    });
    if (found === null) throw new AppException('NOT_FOUND', 'No such occurrence of this event (it may have been removed or edited)');
    return found;
  }

  private current(id: string, version: number): EventRow {
    const row = this.row(id);
    if (row.version !== version) throw conflict('events', row.version, version);
    return row;
  }

  private bump(id: string, sets: Record<string, string | null>): EventRow {
    const names = Object.keys(sets);
    return this.s
      .get(`UPDATE events SET ${names.map((n) => `${n} = @${n}`).join(', ')}, updated_at = @at, version = version + 1 WHERE id = @id RETURNING ${COLUMNS}`)
      .get({ ...sets, id, at: this.now().toISOString() }) as EventRow;
  }

  /** Edits one occurrence, or it and the following ones (see the editOccurrence channel). */
  editOccurrence(input: EditOccurrence): CalendarEvent {
    return this.s.db.transaction(() => {
      const row = this.current(input.id, input.version);
      const o = this.checkOccurrence(row, input.occurrenceStart);
      const { id: _id, version: _v, occurrenceStart, scope, ...changes } = input;
      const base: CreateEvent = {
        title: row.title,
        start: o.start,
        end: o.end,
        timeZone: row.time_zone,
        allDay: row.all_day === 1,
        location: row.location,
        description: row.description,
        reminderMinutes: row.reminder_minutes,
      };
      if (scope === 'this') {
        if (changes.recurrence !== undefined && changes.recurrence !== null) {
          throw new AppException('INVALID_INPUT', 'recurrence: One occurrence cannot repeat; edit this and following instead', { field: 'recurrence' });
        }
        const { recurrence: _r, ...rest } = changes;
        return this.create({ ...base, ...rest }, { id: row.id, originalStart: occurrenceStart });
      }
      if (occurrenceStart === row.start_at) {
        return this.update({ id: row.id, version: row.version, ...changes });
      }
      const series = seriesOf(row);
      const rule = parseCount(row.recurrence!);
      const before = rule.count !== undefined ? countBefore(series, occurrenceStart) : 0;
      const exceptions = JSON.parse(row.exceptions) as string[];
      this.bump(row.id, {
        recurrence: endRuleBefore(series, occurrenceStart),
        exceptions: JSON.stringify(exceptions.filter((x) => x < occurrenceStart)),
      });
      const carried = rule.count !== undefined ? row.recurrence!.replace(/COUNT=\d+/i, `COUNT=${Math.max(1, rule.count - before)}`) : row.recurrence!;
      const next = this.create({
        ...base,
        recurrence: carried,
        exceptions: exceptions.filter((x) => x >= occurrenceStart),
        ...changes,
      });
      // Edited occurrences after the split belong to the new series.
      this.s.get('UPDATE events SET series_id = ? WHERE series_id = ? AND original_start >= ?').run(next.id, row.id, occurrenceStart);
      return next;
    })();
  }

  /** Removes one occurrence, or it and the following ones (see the deleteOccurrence channel). */
  deleteOccurrence(input: DeleteOccurrence): CalendarEvent {
    return this.s.db.transaction(() => {
      const row = this.current(input.id, input.version);
      this.checkOccurrence(row, input.occurrenceStart);
      if (input.scope === 'this') {
        const exceptions = [...new Set([...(JSON.parse(row.exceptions) as string[]), input.occurrenceStart])].sort();
        return toEvent(this.bump(row.id, { exceptions: JSON.stringify(exceptions) }));
      }
      if (input.occurrenceStart === row.start_at) return this.delete(row.id);
      const at = this.now().toISOString();
      this.s
        .get('UPDATE events SET deleted_at = ?, updated_at = ?, version = version + 1 WHERE series_id = ? AND original_start >= ? AND deleted_at IS NULL')
        .run(at, at, row.id, input.occurrenceStart);
      const exceptions = (JSON.parse(row.exceptions) as string[]).filter((x) => x < input.occurrenceStart);
      return toEvent(this.bump(row.id, { recurrence: endRuleBefore(seriesOf(row), input.occurrenceStart), exceptions: JSON.stringify(exceptions) }));
    })();
  }

  /**
   * Reminders due in [from, to) (UTC instants): one per occurrence of an event with a reminder.
   * An all-day event's day starts at midnight in `timeZone` (the viewer's; its dates float).
   */
  reminders(from: Date, to: Date, timeZone: string): EventReminder[] {
    const out: EventReminder[] = [];
    const fromMs = from.getTime();
    const toMs = to.getTime();
    // An event reminds at most REMINDER_MINUTES_MAX before it starts.
    const windowTo = new Date(toMs + REMINDER_MINUTES_MAX * 60_000).toISOString();
    let cursor: string | undefined;
    do {
      const page = this.list({ from: from.toISOString(), to: windowTo, timeZone, limit: 500, ...(cursor ? { cursor } : {}) });
      for (const e of page.items) {
        if (e.reminderMinutes === null) continue;
        const startMs = e.allDay ? startOfDay(e.start, timeZone) : Date.parse(e.start);
        const at = startMs - e.reminderMinutes * 60_000;
        if (at >= fromMs && at < toMs) out.push({ eventId: e.id, start: e.start, allDay: e.allDay, title: e.title, at: new Date(at).toISOString() });
      }
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    return out.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
  }

  /** Every event not in the Trash as stored (series unexpanded, edited occurrences after their series), for export. */
  all(): CalendarEvent[] {
    return (this.s.get(`SELECT ${COLUMNS} FROM events WHERE deleted_at IS NULL ORDER BY series_id IS NOT NULL, start_at, id`).all() as EventRow[]).map(toEvent);
  }
}

function parseCount(rule: string): { count?: number } {
  const m = /(?:^|;)COUNT=(\d+)/i.exec(rule);
  return m ? { count: Number(m[1]) } : {};
}
