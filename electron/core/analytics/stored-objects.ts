// Stored objects run code that a statement's plan does not show. DuckDB folds a scalar
// call such as current_setting('temp_directory') into a constant before EXPLAIN prints
// the plan, so a view, a macro, a column default, a generated column or a CHECK made
// before the policy existed (an older version, a restored archive, a legacy file, a
// file someone crafted) would hand its value over unseen. So before a statement runs,
// every stored object it names, and every one those name in turn, must pass the same
// text check as the person's own SQL (statement-policy.ts, deniedIn).
import type { DuckDBConnection, DuckDBInstance } from '@duckdb/node-api';

export interface StoredObject {
  kind: string;
  name: string;
  definition: string;
}

/**
 * The definitions, read once per instance until a statement that can change them is
 * checked (see storedObjectsChanged). Reading them costs a scan of every system
 * function (duckdb_functions() lists ~1,500 to find the few macros), far more than a
 * small query. Missing an object made since is harmless: it passed the policy when made,
 * which refuses any definition that names a refused function or a refused object.
 */
const cache = new WeakMap<DuckDBInstance, Promise<Map<string, StoredObject[]>>>();

/**
 * The profile's macros as the statement policy's first scan of duckdb_functions() found
 * them (statement-policy.ts reads the system functions and these in one pass), kept for the
 * first read of the definitions that follows it: a fresh instance, which every CLI query
 * is, then scans the ~3,000 functions once instead of twice.
 */
const scannedMacros = new WeakMap<DuckDBInstance, StoredObject[]>();

/** Macros read by a scan just now, for the next read of this instance's definitions (none cached yet). */
export function macrosScanned(instance: DuckDBInstance, macros: StoredObject[]): void {
  if (!cache.has(instance)) scannedMacros.set(instance, macros);
}

/** A CREATE, ALTER, DROP or transaction statement is about to run: read the definitions again. */
export function storedObjectsChanged(instance: DuckDBInstance): void {
  cache.delete(instance);
  scannedMacros.delete(instance);
}

function storedObjects(instance: DuckDBInstance, conn: DuckDBConnection): Promise<Map<string, StoredObject[]>> {
  let c = cache.get(instance);
  if (!c) {
    const macros = scannedMacros.get(instance);
    scannedMacros.delete(instance);
    c = readStoredObjects(conn, macros);
    c.catch(() => cache.delete(instance));
    cache.set(instance, c);
  }
  return c;
}

/** The macro part of a definitions read, as one duckdb_functions() scan answers it (see macrosScanned). */
export const MACROS_WHERE = `NOT internal AND database_name <> 'system' AND function_type IN ('macro', 'table_macro')`;

/**
 * Every definition in the profile by lower-case name (tables: their CREATE with defaults,
 * generated columns and checks; indexes under their table's name), temporary objects of
 * the connection included. Through system.main, so no stored object answers for it.
 */
async function readStoredObjects(conn: DuckDBConnection, macros?: readonly StoredObject[]): Promise<Map<string, StoredObject[]>> {
  const macroPart = macros
    ? ''
    : `UNION ALL SELECT system.main.replace(function_type, '_', ' '), function_name, macro_definition
         FROM system.main.duckdb_functions() WHERE ${MACROS_WHERE}`;
  const rows = (
    await conn.runAndReadAll(
      `SELECT 'table' AS kind, table_name AS name, sql AS definition FROM system.main.duckdb_tables() WHERE NOT internal
       UNION ALL SELECT 'view', view_name, sql FROM system.main.duckdb_views() WHERE NOT internal
       ${macroPart}
       UNION ALL SELECT 'index', table_name, sql FROM system.main.duckdb_indexes()`,
    )
  ).getRowObjectsJS();
  const byName = new Map<string, StoredObject[]>();
  const add = (object: StoredObject) => {
    const name = object.name.toLowerCase();
    const list = byName.get(name) ?? [];
    list.push(object);
    byName.set(name, list);
  };
  for (const r of rows) {
    if (typeof r.definition === 'string') add({ kind: String(r.kind), name: String(r.name), definition: r.definition });
  }
  for (const m of macros ?? []) add(m);
  return byName;
}

/** A macro row of a duckdb_functions() scan (function_type, function_name, macro_definition) as a stored object, or null. */
export function macroObject(type: unknown, name: unknown, definition: unknown): StoredObject | null {
  return typeof definition === 'string' ? { kind: String(type).replace(/_/g, ' '), name: String(name), definition } : null;
}

/**
 * Every name a piece of SQL could refer to, lower case: bare words, quoted identifiers
 * and string literals whole (a name in a string still reaches DuckDB's catalog through
 * some functions). Too many names only means more definitions are checked.
 */
export function namesIn(text: string): Set<string> {
  const names = new Set<string>();
  for (const m of text.matchAll(/[\p{L}_][\p{L}\p{N}_$]*/gu)) names.add(m[0].toLowerCase());
  for (const m of text.matchAll(/"((?:[^"]|"")+)"|'((?:[^']|'')+)'/g)) {
    names.add((m[1] ?? m[2]!).replace(/""|''/g, (q) => q[0]!).toLowerCase());
  }
  return names;
}

const IDENT = String.raw`(?:[\p{L}_][\p{L}\p{N}_$]*|"(?:[^"]|"")+")`;
const QUALIFIED = String.raw`${IDENT}(?:\s*\.\s*${IDENT})*`;
/** The part of a CREATE that names the object itself (`CREATE TABLE version(…)` calls no function). */
const HEADER = new RegExp(
  String.raw`^\s*CREATE\s+(?:[A-Za-z]+\s+)*?(?:TABLE|VIEW|INDEX\s+${IDENT}\s+ON)\s+(?:IF\s+NOT\s+EXISTS\s+)?${QUALIFIED}`,
  'iu',
);

/** What a definition runs: a macro's body as is, a CREATE without its object's own name. */
export const bodyOf = (object: StoredObject) => object.definition.replace(HEADER, '');

/**
 * Refuses `text` when a stored object it reaches fails `deniedIn` (which answers why, or
 * null). Answers the object refused and why, or null when all pass.
 */
export async function refusedStoredObject(
  instance: DuckDBInstance,
  conn: DuckDBConnection,
  text: string,
  deniedIn: (definition: string) => string | null,
): Promise<{ object: StoredObject; why: string } | null> {
  const stored = await storedObjects(instance, conn);
  if (stored.size === 0) return null;
  const seen = new Set<string>();
  const queue = [...namesIn(text)];
  while (queue.length) {
    const name = queue.pop()!;
    if (seen.has(name)) continue;
    seen.add(name);
    for (const object of stored.get(name) ?? []) {
      const why = deniedIn(bodyOf(object));
      if (why) return { object, why };
      for (const n of namesIn(object.definition)) if (!seen.has(n)) queue.push(n);
    }
  }
  return null;
}
