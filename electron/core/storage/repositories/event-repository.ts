// Calendar events in one profile's data.sqlite. Runs inside that profile's worker.
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/contract.js';
import { AppException } from '../../../../shared/errors.js';
import type { CalendarEvent } from '../../../../shared/events.js';
import { PAGE_SIZE_DEFAULT, type Page } from '../../../../shared/tasks.js';
import { addDays, isIsoDate, startOfDay } from '../../../../shared/zoned-time.js';
import { decodeCursor, keysetSql, toPage, type KeysetOrder, type KeyValue } from './keyset.js';
import { conflict, notFound, setTrashed } from './soft-delete.js';
import { Statements } from './statements.js';
import { uuidv7 } from './uuidv7.js';

export type CreateEvent = ParsedInput<'createEvent'>;
export type UpdateEvent = ParsedInput<'updateEvent'>;
export type ListEvents = ParsedInput<'listEvents'>;

interface EventRow {
  id: string;
  title: string;
  start_at: string;
  end_at: string;
  time_zone: string;
  all_day: 0 | 1;
  location: string;
  description: string;
  created_at: string;
  updated_at: string;
  deleted_at: string | null;
  version: number;
}

const COLUMNS =
  'id, title, start_at, end_at, time_zone, all_day, location, description, created_at, updated_at, deleted_at, version';
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
});

const invalid = (field: string, message: string) => new AppException('INVALID_INPUT', `${field}: ${message}`, { field });

/**
 * The stored instants of an event. A date (all-day events only) becomes the start of
 * that day in the event's zone; an end date is inclusive, so it becomes the start of the next day.
 */
function resolveTimes(start: string, end: string, timeZone: string, allDay: boolean): { start: string; end: string } {
  const at = (date: string, field: 'start' | 'end') => {
    if (!allDay) throw invalid(field, 'A date without a time is only for all-day events');
    return new Date(startOfDay(field === 'end' ? addDays(date, 1) : date, timeZone)).toISOString();
  };
  const s = isIsoDate(start) ? at(start, 'start') : start;
  const e = isIsoDate(end) ? at(end, 'end') : end;
  if (e < s) throw invalid('end', 'End must not be before start');
  return { start: s, end: e };
}

export class EventRepository {
  private readonly s: Statements;

  constructor(
    db: Database.Database,
    private readonly now: () => Date = () => new Date(),
  ) {
    this.s = new Statements(db);
  }

  private row(id: string): EventRow {
    const r = this.s.get(`SELECT ${COLUMNS} FROM events WHERE id = ? AND deleted_at IS NULL`).get(id) as EventRow | undefined;
    if (!r) throw notFound('events');
    return r;
  }

  get(id: string): CalendarEvent {
    return toEvent(this.row(id));
  }

  create(input: CreateEvent): CalendarEvent {
    const now = this.now();
    const allDay = input.allDay ?? false;
    const { start, end } = resolveTimes(input.start, input.end, input.timeZone, allDay);
    const r = this.s
      .get(
        `INSERT INTO events (id, title, start_at, end_at, time_zone, all_day, location, description, created_at, updated_at)
         VALUES (@id, @title, @start, @end, @timeZone, @allDay, @location, @description, @at, @at) RETURNING ${COLUMNS}`,
      )
      .get({
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
      const allDay = input.allDay ?? current.all_day === 1;
      const timeZone = input.timeZone ?? current.time_zone;
      const { start, end } = resolveTimes(input.start ?? current.start_at, input.end ?? current.end_at, timeZone, allDay);
      const r = this.s
        .get(
          `UPDATE events SET title = @title, start_at = @start, end_at = @end, time_zone = @timeZone, all_day = @allDay,
             location = @location, description = @description, updated_at = @at, version = version + 1
           WHERE id = @id RETURNING ${COLUMNS}`,
        )
        .get({
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

  delete(id: string): CalendarEvent {
    return toEvent(setTrashed<EventRow>(this.s, 'events', COLUMNS, id, this.now().toISOString(), true));
  }

  restore(id: string): CalendarEvent {
    return toEvent(setTrashed<EventRow>(this.s, 'events', COLUMNS, id, this.now().toISOString(), false));
  }

  /** Events overlapping [from, to), by start. A zero-length event at `from` counts. */
  list(input: ListEvents): Page<CalendarEvent> {
    const limit = input.limit ?? PAGE_SIZE_DEFAULT;
    const where = ['deleted_at IS NULL'];
    const params: KeyValue[] = [];
    if (input.to !== undefined) {
      where.push('start_at < ?');
      params.push(input.to);
    }
    if (input.from !== undefined) {
      where.push('(end_at > ? OR start_at >= ?)');
      params.push(input.from, input.from);
    }
    const { after, orderBy } = keysetSql(BY_START);
    if (input.cursor !== undefined) {
      where.push(after);
      params.push(...decodeCursor(BY_START, input.cursor));
    }
    const rows = this.s
      .get(`SELECT ${COLUMNS} FROM events WHERE ${where.join(' AND ')} ORDER BY ${orderBy} LIMIT ?`)
      .all(...params, limit + 1) as EventRow[];
    return toPage(rows, limit, toEvent, (r) => [r.start_at, r.id], BY_START);
  }
}
