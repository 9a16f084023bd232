// Calendar events in one profile's data.sqlite. Runs inside that profile's worker.
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/contract.js';
import { AppException } from '../../../../shared/errors.js';
import type { CalendarEvent } from '../../../../shared/events.js';
import { PAGE_SIZE_DEFAULT, type Page } from '../../../../shared/tasks.js';
import { dateInZone, normalizeInstant, normalizeLocalInstant } from '../../../../shared/zoned-time.js';
import { resolveTiming, type Timing } from './event-timing.js';
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
    const { start, end, allDay } = resolveTiming(input);
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
      const { start, end, allDay, timeZone } = resolveTiming(input, timingOf(current));
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

  /**
   * Events overlapping [from, to), by start. A zero-length event at `from` counts. All-day
   * events count when one of their dates is a local day the window touches (see edge()).
   */
  list(input: ListEvents): Page<CalendarEvent> {
    const limit = input.limit ?? PAGE_SIZE_DEFAULT;
    const where = ['deleted_at IS NULL'];
    const params: KeyValue[] = [];
    if (input.to !== undefined) {
      const to = edge(input.to, input.timeZone);
      // The window's last local day is that of its last moment: a window to midnight ends the day before.
      const lastDate = wallDate(to.wallMs - 1, input.timeZone);
      // The first bound is implied by the precise test after it; it lets the index on start_at
      // bound the scan (an all-day row's date sorts before every instant of that date).
      where.push('start_at < ?', '(CASE all_day WHEN 1 THEN start_at <= ? ELSE start_at < ? END)');
      params.push(to.at > `${lastDate}T` ? to.at : `${lastDate}T`, lastDate, to.at);
    }
    if (input.from !== undefined) {
      const from = edge(input.from, input.timeZone);
      where.push('(CASE all_day WHEN 1 THEN end_at >= ? ELSE (end_at > ? OR start_at >= ?) END)');
      params.push(wallDate(from.wallMs, input.timeZone), from.at, from.at);
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
