// Reads a legacy single shared database (one SQLite file, every row tagged with the
// user it belongs to) into per-user lists of our own create inputs. Nothing is
// written anywhere: every problem is found here, before any profile exists.
//
// The legacy schema accepted (column names are matched case-insensitively; `a|b`
// means either name; `?` marks an optional column):
//   tasks(id?, user_id, title, details|notes|description?, status|done?, priority?, due|due_date?, created_at?)
//   notes(id?, user_id, title?, body|content?, pinned?, created_at?)   -- title or body, at least one
//   events(id?, user_id, title, starts_at|start_at|start, ends_at|end_at|end, all_day?,
//          location?, description|notes?, time_zone?, created_at?)
//   users(id, name)?                                                  -- profile names, when present
// Values: status todo|doing|done (also open, in progress, completed, closed); done 0/1;
// priority none|low|medium|high or 0–3; times ISO 8601, SQLite's `YYYY-MM-DD HH:MM:SS`
// (taken as UTC) or Unix seconds; due may be a plain date; pinned/all_day 0/1.
// Rows whose user_id is NULL or blank have no owner and are refused (or skipped).
import Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract.js';
import { contract } from '../../../shared/contract.js';
import { AppException } from '../../../shared/errors.js';
import { nativeBinding } from '../../core/sqlite/open-database.js';

export const LEGACY_TABLES = ['tasks', 'notes', 'events'] as const;
export type LegacyTable = (typeof LEGACY_TABLES)[number];

/** One legacy row as our create input, and when it was created (null: unknown). */
interface Item<T> {
  input: T;
  createdAt: string | null;
}

export interface LegacyUser {
  /** user_id as text, exactly as stored (owners are grouped by their exact value and type). */
  userId: string;
  /** From the users table, when it has a usable one. */
  name: string | null;
  tasks: Item<ParsedInput<'createTask'>>[];
  notes: Item<ParsedInput<'createNote'>>[];
  events: Item<ParsedInput<'createEvent'>>[];
}

export interface LegacyData {
  /** Ordered by user_id (numbers in numeric order). */
  users: LegacyUser[];
  /** Rows without an owner per table (skipped when allowed, else the read fails). */
  ownerless: Record<LegacyTable, number>;
}

export interface ReadLegacyOptions {
  /** Skip rows without an owner instead of refusing the file. */
  skipOwnerless: boolean;
  /** The zone events without a time_zone column are taken to be in. */
  timeZone: string;
}

type Row = Record<string, unknown>;

const schemaError = (message: string) => new AppException('LEGACY_SCHEMA', message);

/** Opens a file read-only and checks that it is an SQLite database at all. */
function openLegacy(file: string): Database.Database {
  const binding = nativeBinding();
  let db: Database.Database;
  try {
    db = new Database(file, { readonly: true, fileMustExist: true, ...(binding ? { nativeBinding: binding } : {}) });
    db.prepare('SELECT count(*) FROM sqlite_schema').get();
  } catch {
    throw new AppException('INVALID_INPUT', 'not an SQLite database', { field: 'path' });
  }
  return db;
}

/** Lower-cased column names of a table, or null when there is no such table. */
function columnsOf(db: Database.Database, table: string): Map<string, string> | null {
  const exists = db.prepare("SELECT name FROM sqlite_schema WHERE type IN ('table', 'view') AND lower(name) = ?").get(table) as
    | { name: string }
    | undefined;
  if (!exists) return null;
  const cols = db.prepare('SELECT name FROM pragma_table_info(?)').all(exists.name) as { name: string }[];
  return new Map(cols.map((c) => [c.name.toLowerCase(), c.name]));
}

const quote = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** The first of the accepted names a table has, as it spells it. */
const pick = (cols: Map<string, string>, ...names: string[]) => names.map((n) => cols.get(n)).find((c) => c !== undefined);

const TIME_WITHOUT_ZONE = /^(\d{4}-\d{2}-\d{2})[ T](\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?)$/;

/** A legacy time as our API takes it; zone-less date-times are UTC (SQLite's own convention). */
function legacyTime(v: unknown): unknown {
  if (typeof v === 'number' || typeof v === 'bigint') return new Date(Number(v) * 1000).toISOString();
  if (typeof v !== 'string') return v;
  const m = TIME_WITHOUT_ZONE.exec(v.trim());
  return m ? `${m[1]}T${m[2]}Z` : v.trim();
}

const truthy = (v: unknown) => v === 1 || v === 1n || v === true || (typeof v === 'string' && ['1', 'true', 'yes'].includes(v.toLowerCase()));

const STATUS: Record<string, string> = {
  todo: 'todo',
  open: 'todo',
  doing: 'doing',
  'in progress': 'doing',
  in_progress: 'doing',
  done: 'done',
  completed: 'done',
  closed: 'done',
};
const PRIORITY = ['none', 'low', 'medium', 'high'];

const present = (v: unknown) => v !== null && v !== undefined;

/** Reads, maps and validates the whole file; throws a typed error naming the first problem. */
export function readLegacy(file: string, options: ReadLegacyOptions): LegacyData {
  const db = openLegacy(file);
  try {
    const cols = {} as Record<LegacyTable, Map<string, string>>;
    const missing = LEGACY_TABLES.filter((t) => !columnsOf(db, t));
    if (missing.length > 0) throw schemaError(`missing table${missing.length > 1 ? 's' : ''}: ${missing.join(', ')}`);
    for (const t of LEGACY_TABLES) cols[t] = columnsOf(db, t)!;
    const required: [LegacyTable, string, string[]][] = [
      ['tasks', 'user_id', ['user_id']],
      ['tasks', 'title', ['title']],
      ['notes', 'user_id', ['user_id']],
      ['notes', 'title or body', ['title', 'body', 'content']],
      ['events', 'user_id', ['user_id']],
      ['events', 'title', ['title']],
      ['events', 'starts_at', ['starts_at', 'start_at', 'start']],
      ['events', 'ends_at', ['ends_at', 'end_at', 'end']],
    ];
    const lacking = required.filter(([t, , names]) => !pick(cols[t], ...names)).map(([t, what]) => `${t}.${what}`);
    if (lacking.length > 0) throw schemaError(`missing column${lacking.length > 1 ? 's' : ''}: ${lacking.join(', ')}`);

    const ownerless = {} as Record<LegacyTable, number>;
    for (const t of LEGACY_TABLES) {
      const userId = quote(cols[t].get('user_id')!);
      ownerless[t] = (
        db.prepare(`SELECT count(*) AS n FROM ${quote(t)} WHERE ${userId} IS NULL OR trim(CAST(${userId} AS TEXT)) = ''`).get() as {
          n: number;
        }
      ).n;
    }
    const totalOwnerless = LEGACY_TABLES.reduce((n, t) => n + ownerless[t], 0);
    if (totalOwnerless > 0 && !options.skipOwnerless) {
      const counts = LEGACY_TABLES.filter((t) => ownerless[t] > 0).map((t) => `${t} ${ownerless[t]}`);
      throw new AppException(
        'LEGACY_OWNERLESS_ROWS',
        `${totalOwnerless} row${totalOwnerless === 1 ? ' has' : 's have'} no user_id (${counts.join(', ')}); nothing was migrated (use --skip-ownerless to leave them out)`,
      );
    }

    // Owners are grouped by their exact value and type (SQLite's quote(): 7, '7' and
    // ' 7' are three owners), never after a cast or trim: merging them once put one
    // user's private task into another user's profile. Owners that would look like one
    // person (same id after trimming, case and number notation) are refused instead.
    refuseCollidingIds(db, LEGACY_TABLES.map((t) => ({ table: t, column: cols[t].get('user_id')! })), 'user_id');
    const users = new Map<string, LegacyUser>();
    const userOf = (row: Row) => {
      const key = String(row._owner_key);
      let u = users.get(key);
      if (!u) {
        u = { userId: String(row._owner), name: null, tasks: [], notes: [], events: [] };
        users.set(key, u);
      }
      return u;
    };
    const rows = (t: LegacyTable) => {
      const userId = quote(cols[t].get('user_id')!);
      return db
        .prepare(
          `SELECT rowid AS _rowid, CAST(${userId} AS TEXT) AS _owner, quote(${userId}) AS _owner_key, * FROM ${quote(t)}
           WHERE ${userId} IS NOT NULL AND trim(CAST(${userId} AS TEXT)) <> '' ORDER BY rowid`,
        )
        .safeIntegers(false)
        .all() as Row[];
    };
    /** A column's value by any of its accepted names (undefined when the table has none). */
    const get = (t: LegacyTable, row: Row, ...names: string[]) => {
      const c = pick(cols[t], ...names);
      return c === undefined ? undefined : row[c];
    };
    const parse = <K extends 'createTask' | 'createNote' | 'createEvent'>(k: K, t: LegacyTable, row: Row, input: Row) => {
      const where = `${t} row ${String(get(t, row, 'id') ?? row._rowid)}`;
      const parsed = contract[k].input.safeParse(input);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        const field = issue?.path.map(String).join('.');
        throw new AppException('INVALID_INPUT', `${where}: ${field ? `${field}: ` : ''}${issue?.message ?? 'invalid'}; nothing was migrated`);
      }
      const created = get(t, row, 'created_at');
      let createdAt: string | null = null;
      if (present(created)) {
        const t0 = legacyTime(created);
        const ms = typeof t0 === 'string' ? Date.parse(t0) : NaN;
        if (!Number.isFinite(ms)) throw new AppException('INVALID_INPUT', `${where}: created_at is not a time; nothing was migrated`);
        createdAt = new Date(ms).toISOString();
      }
      // What the bridge would hand the repository for the same input (trimmed, times in UTC).
      return { input: parsed.data as ParsedInput<K>, createdAt };
    };
    const defined = (o: Row) => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined && v !== null));
    const text = (v: unknown) => (typeof v === 'number' || typeof v === 'bigint' ? String(v) : v);

    for (const row of rows('tasks')) {
      const status = get('tasks', row, 'status');
      const done = get('tasks', row, 'done');
      const priority = get('tasks', row, 'priority');
      const input = defined({
        title: text(get('tasks', row, 'title')),
        details: text(get('tasks', row, 'details', 'notes', 'description')),
        status: present(status)
          ? (STATUS[String(status).trim().toLowerCase()] ?? status)
          : present(done)
            ? truthy(done) ? 'done' : 'todo'
            : undefined,
        priority:
          typeof priority === 'number' && Number.isInteger(priority) ? (PRIORITY[priority] ?? priority) : typeof priority === 'string' ? priority.trim().toLowerCase() : priority,
        due: present(get('tasks', row, 'due', 'due_date')) ? legacyTime(get('tasks', row, 'due', 'due_date')) : undefined,
      });
      userOf(row).tasks.push(parse('createTask', 'tasks', row, input));
    }
    for (const row of rows('notes')) {
      const input = defined({
        title: text(get('notes', row, 'title')),
        body: text(get('notes', row, 'body', 'content')),
        pinned: present(get('notes', row, 'pinned')) ? truthy(get('notes', row, 'pinned')) : undefined,
      });
      userOf(row).notes.push(parse('createNote', 'notes', row, input));
    }
    for (const row of rows('events')) {
      const input = defined({
        title: text(get('events', row, 'title')),
        start: legacyTime(get('events', row, 'starts_at', 'start_at', 'start')),
        end: legacyTime(get('events', row, 'ends_at', 'end_at', 'end')),
        timeZone: get('events', row, 'time_zone') ?? options.timeZone,
        allDay: present(get('events', row, 'all_day')) ? truthy(get('events', row, 'all_day')) : undefined,
        location: text(get('events', row, 'location')),
        description: text(get('events', row, 'description', 'notes')),
      });
      userOf(row).events.push(parse('createEvent', 'events', row, input));
    }

    const userCols = columnsOf(db, 'users');
    if (userCols) {
      if (!userCols.has('id') || !userCols.has('name')) throw schemaError('the users table needs columns id and name');
      // An id twice in users (exactly, or as the same person after normalising) would
      // give one owner two names: refused. Otherwise a users row names the owner whose id
      // is the same person's (users.id INTEGER 7 names the owner of tasks.user_id '7'
      // when nothing else could be meant: colliding owners were refused above).
      const idColumn = userCols.get('id')!;
      refuseCollidingIds(db, [{ table: 'users', column: idColumn }], 'users.id', true);
      const byNormal = new Map([...users.values()].map((u) => [normalId(u.userId), u]));
      const names = db
        .prepare(`SELECT CAST(${quote(idColumn)} AS TEXT) AS id, ${quote(userCols.get('name')!)} AS name FROM users`)
        .all() as { id: string | null; name: unknown }[];
      for (const n of names) {
        const u = n.id === null ? undefined : byNormal.get(normalId(n.id));
        if (u && typeof n.name === 'string' && n.name.trim() !== '') u.name = n.name.trim();
      }
    }

    const byId = (a: LegacyUser, b: LegacyUser) =>
      a.userId.localeCompare(b.userId, 'en', { numeric: true }) || (a.userId < b.userId ? -1 : a.userId > b.userId ? 1 : 0);
    return { users: [...users.values()].sort(byId), ownerless };
  } finally {
    db.close();
  }
}

/**
 * An id as a person would read it: trimmed, compatibility forms and case folded, and a
 * number in one notation (7, 07, 7.0 and 7e0 are all 7: SQLite compares 7 = 7.0 equal).
 */
export function normalId(id: string): string {
  const t = id.normalize('NFKC').trim().toLowerCase();
  if (/^[+-]?\d+$/.test(t)) return BigInt(t).toString();
  if (/^[+-]?(\d+\.?\d*|\.\d+)(e[+-]?\d+)?$/.test(t)) {
    return String(Number(t));
  }
  return t;
}

/**
 * Refuses (LEGACY_ID_COLLISION, naming them) distinct ids in these columns that normalise
 * to one (7, '7', ' 7'); with `unique`, also an id stored twice exactly.
 */
function refuseCollidingIds(db: Database.Database, columns: { table: string; column: string }[], what: string, unique = false): void {
  const union = columns.map(({ table, column }) => `SELECT quote(${quote(column)}) AS k, CAST(${quote(column)} AS TEXT) AS v FROM ${quote(table)} WHERE ${quote(column)} IS NOT NULL`).join(' UNION ALL ');
  const stored = db.prepare(`SELECT k, min(v) AS v, count(*) AS n FROM (${union}) GROUP BY k`).all() as { k: string; v: string; n: number }[];
  const people = new Map<string, string[]>();
  for (const { k, v, n } of stored) {
    if (v.trim() === '') continue; // ownerless: counted (or refused) on their own
    if (unique && n > 1) throw collision(what, [k], `appears ${n} times`);
    const normal = normalId(v);
    people.set(normal, [...(people.get(normal) ?? []), k]);
  }
  for (const keys of people.values()) if (keys.length > 1) throw collision(what, keys, 'would be one person');
}

const collision = (what: string, keys: string[], why: string) =>
  new AppException(
    'LEGACY_ID_COLLISION',
    `${what} ${keys.slice(0, 10).join(', ')}${keys.length > 10 ? ` and ${keys.length - 10} more` : ''} ${why}: ids must be exact and distinct; nothing was migrated`,
  );

