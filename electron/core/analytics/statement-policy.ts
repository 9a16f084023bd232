// What user SQL may do, decided from DuckDB's own parser and planner before it runs.
//
// The DuckDB settings (sandbox.ts) are the second layer: they stop file access
// outside staging whatever runs. This first layer refuses whole classes of
// statements, so a statement DuckDB's settings do not cover (a function that logs,
// checkpoints or reports paths; an object that shadows a system function; the
// app's own schema) never starts. It is an allow-list at every level: statement
// types, the CREATE kinds, and the table functions a plan may call; anything DuckDB
// adds later is refused until it is added here.
//
// Each statement is checked three ways:
//   1. its type, from DuckDB's parser and binder (extractStatements + prepare);
//   2. the physical plan (EXPLAIN (FORMAT json)): every operator named after a table
//      function must be allow-listed. The plan is what would run, with views, table
//      macros and query() expanded, so a stored object cannot hide a call;
//   3. the text: a call of a denied function by name (also inside string literals
//      and comments: false alarms are refused, never missed), a macro named like a
//      system function, and the app's `enclave_meta` schema. Scalar functions are
//      folded into constants in a plan, so the ones that leak settings are caught
//      here, in CREATE MACRO/VIEW bodies too;
//   4. the stored objects it names (views, macros, tables' defaults, generated columns
//      and checks, indexes), transitively: their definitions pass the text rules of 3.
//      A stored object's scalar calls are folded away before the plan shows them, and
//      objects made before these rules (or arriving in a restored or legacy file) never
//      passed them. DROP is exempt, so such an object can always be removed.
import { StatementType, type DuckDBConnection, type DuckDBInstance } from '@duckdb/node-api';
import { AppException } from '../../../shared/errors.js';
import { isInterrupt, sqlError } from './duckdb-errors.js';
import { splitStatements, type Statement } from './sql-text.js';
import { macroObject, macrosScanned, MACROS_WHERE, refusedStoredObject, storedObjectsChanged, type StoredObject } from './stored-objects.js';

/** Statement types user SQL may run; each maps to how it is checked further. */
const ALLOWED_TYPES = new Map<StatementType, string>([
  [StatementType.SELECT, 'SELECT'],
  [StatementType.INSERT, 'INSERT'],
  [StatementType.UPDATE, 'UPDATE'],
  [StatementType.DELETE, 'DELETE'],
  [StatementType.MERGE_INTO, 'MERGE'],
  [StatementType.CREATE, 'CREATE'],
  [StatementType.ALTER, 'ALTER'],
  [StatementType.DROP, 'DROP'],
  [StatementType.TRANSACTION, 'TRANSACTION'],
  [StatementType.EXPLAIN, 'EXPLAIN'],
  // VACUUM and ANALYZE only recompute statistics in DuckDB.
  [StatementType.VACUUM, 'VACUUM'],
  [StatementType.ANALYZE, 'ANALYZE'],
  // CALL f() is SELECT * FROM f(): the plan check decides on f.
  [StatementType.CALL, 'CALL'],
]);

/** Why a refused statement type is refused (anything not listed: "not allowed"). */
const REFUSED_TYPES = new Map<StatementType, string>([
  [StatementType.COPY, 'COPY reads or writes files; use Import or Export'],
  [StatementType.EXPORT, 'EXPORT DATABASE writes files; use Export'],
  [StatementType.COPY_DATABASE, 'COPY FROM DATABASE writes to another database'],
  [StatementType.ATTACH, 'ATTACH opens another database'],
  [StatementType.DETACH, 'DETACH closes a database'],
  [StatementType.LOAD, 'LOAD and INSTALL add extensions'],
  [StatementType.EXTENSION, 'extensions are managed by Enclave'],
  [StatementType.UPDATE_EXTENSIONS, 'extensions are managed by Enclave'],
  [StatementType.SET, 'SET, RESET, USE and PRAGMA … = change settings'],
  [StatementType.VARIABLE_SET, 'SET changes settings'],
  [StatementType.PRAGMA, 'PRAGMA changes settings'],
  [StatementType.PREPARE, 'PREPARE is not available in the editor'],
  [StatementType.EXECUTE, 'EXECUTE is not available in the editor'],
  [StatementType.CREATE_FUNC, 'CREATE FUNCTION of this kind is not available'],
]);

/** What a CREATE statement may create (the root operator of its plan). */
const ALLOWED_CREATES = new Set([
  'CREATE_TABLE',
  'CREATE_TABLE_AS',
  'BATCH_CREATE_TABLE_AS',
  'CREATE_VIEW',
  'CREATE_MACRO',
  'CREATE_SCHEMA',
  'CREATE_SEQUENCE',
  'CREATE_TYPE',
  'CREATE_INDEX',
]);

/**
 * Table functions user SQL may call: catalog views of the person's own objects,
 * generators and JSON/list helpers. Not listed, so refused: every file reader and
 * glob (user SQL has no files to read: imports go through the app, and staging holds
 * only files an import is reading), query()/query_table() (SQL in a string escapes
 * the text check), checkpoint/force_checkpoint (a forced checkpoint aborts running
 * imports; the app checkpoints on close), logging and profiling switches, and
 * the catalog functions that report paths or secrets (duckdb_databases,
 * duckdb_settings, duckdb_extensions, duckdb_temporary_files, duckdb_secrets…).
 */
export const ALLOWED_TABLE_FUNCTIONS = new Set([
  // A plain table scan shows in a plan as the seq_scan function.
  'seq_scan',
  'duckdb_columns',
  'duckdb_constraints',
  'duckdb_dependencies',
  'duckdb_functions',
  'duckdb_indexes',
  'duckdb_keywords',
  'duckdb_schemas',
  'duckdb_sequences',
  'duckdb_tables',
  'duckdb_types',
  'duckdb_views',
  'duckdb_optimizers',
  'duckdb_variables',
  'generate_series',
  'range',
  'unnest',
  'repeat',
  'repeat_row',
  'json_each',
  'json_tree',
  'summary',
  'histogram',
  'histogram_values',
  'pg_timezone_names',
  'icu_calendar_names',
  'pragma_collations',
  'pragma_database_size',
  'pragma_storage_info',
  'pragma_table_info',
  'pragma_show',
  'pragma_version',
  'pragma_platform',
  'sql_auto_complete',
  'test_all_types',
  'test_vector_types',
]);

/** Scalar functions refused by name: they read settings (paths) or write logs. */
export const DENIED_SCALAR_FUNCTIONS = new Set([
  'current_setting',
  'getenv',
  'write_log',
  'json_serialize_plan',
  'json_execute_serialized_sql',
]);

/** The app's own schema (older profiles keep their bookkeeping there until it moves out). */
const APP_SCHEMA = /enclave_meta/i;

interface Catalog {
  /** Every system function name (any kind), lower case. */
  systemFunctions: Set<string>;
  /** System table functions, table macros and pragmas that are not allow-listed. */
  deniedFunctions: Set<string>;
}

const catalogs = new WeakMap<DuckDBInstance, Promise<Catalog>>();

/**
 * The system function names, read once per instance through the unshadowable path. The
 * same scan of duckdb_functions() (most of a first query's check) also reads the profile's
 * macros, for the stored-object check that follows (stored-objects.ts, macrosScanned).
 */
function catalog(instance: DuckDBInstance, conn: DuckDBConnection): Promise<Catalog> {
  let c = catalogs.get(instance);
  if (!c) {
    c = (async () => {
      const rows = (
        await conn.runAndReadAll(
          `SELECT database_name = 'system' AS system, function_name AS name, function_type AS kind, macro_definition AS definition
           FROM system.main.duckdb_functions() WHERE database_name = 'system' OR (${MACROS_WHERE})`,
        )
      ).getRowObjectsJS() as { system: boolean; name: string; kind: string; definition: unknown }[];
      const systemFunctions = new Set<string>();
      const deniedFunctions = new Set(DENIED_SCALAR_FUNCTIONS);
      const macros: StoredObject[] = [];
      for (const r of rows) {
        if (!r.system) {
          const macro = macroObject(r.kind, r.name, r.definition);
          if (macro) macros.push(macro);
          continue;
        }
        const name = r.name.toLowerCase();
        systemFunctions.add(name);
        if (['table', 'table_macro', 'pragma'].includes(r.kind) && !ALLOWED_TABLE_FUNCTIONS.has(name)) deniedFunctions.add(name);
      }
      macrosScanned(instance, macros);
      return { systemFunctions, deniedFunctions };
    })();
    c.catch(() => catalogs.delete(instance));
    catalogs.set(instance, c);
  }
  return c;
}

const denied = (what: string, why: string) => new AppException('PERMISSION_DENIED', `Not allowed in Enclave: ${what}: ${why}`);

const firstWords = (text: string) => {
  const words = text.replace(/\s+/g, ' ').trim();
  return words.length > 60 ? `${words.slice(0, 57)}…` : words;
};

// An identifier, bare or double-quoted, then optional blanks/comments, then "(".
const CALL = /([A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")(?:\s|\/\*[\s\S]*?\*\/|--[^\n]*\n)*\(/g;
const ident = String.raw`(?:[A-Za-z_][A-Za-z0-9_$]*|"(?:[^"]|"")+")`;
const CREATE_MACRO = new RegExp(
  String.raw`^\s*CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:TEMP|TEMPORARY)\s+)?(?:MACRO|FUNCTION)\s+(?:IF\s+NOT\s+EXISTS\s+)?(?:${ident}\s*\.\s*)*(${ident})`,
  'i',
);
const unquote = (name: string) => (name.startsWith('"') ? name.slice(1, -1).replace(/""/g, '"') : name).toLowerCase();

/**
 * How an allowed statement can begin (after comments). Binding is not free of side
 * effects (binding EXPORT DATABASE creates its folder), so a statement that cannot be
 * one of the allowed types is refused before DuckDB prepares it.
 */
const ALLOWED_LEADS = new Set([
  'SELECT', 'WITH', 'FROM', 'VALUES', 'TABLE', '(', 'INSERT', 'UPDATE', 'DELETE', 'MERGE', 'CREATE', 'ALTER', 'DROP',
  'COMMENT', 'TRUNCATE', 'BEGIN', 'START', 'COMMIT', 'END', 'ROLLBACK', 'ABORT', 'EXPLAIN', 'DESCRIBE', 'DESC', 'SUMMARIZE',
  'SHOW', 'PIVOT', 'UNPIVOT', 'PIVOT_WIDER', 'PIVOT_LONGER', 'VACUUM', 'ANALYZE', 'CALL',
]);
/** CREATE kinds refused before binding (the plan check cannot see them: they do not EXPLAIN). */
const REFUSED_CREATE = /^CREATE\s+(?:OR\s+REPLACE\s+)?(?:(?:PERSISTENT|TEMP|TEMPORARY)\s+)?SECRET\b/i;

function stripLeadingComments(text: string): string {
  let t = text.trimStart();
  for (;;) {
    if (t.startsWith('--')) t = t.slice(t.indexOf('\n') === -1 ? t.length : t.indexOf('\n') + 1).trimStart();
    else if (t.startsWith('/*')) t = t.slice(t.indexOf('*/') === -1 ? t.length : t.indexOf('*/') + 2).trimStart();
    else return t;
  }
}

/** Refusals that need only the statement's text. */
function checkText(text: string, cat: Catalog): void {
  const body = stripLeadingComments(text);
  const lead = body.startsWith('(') ? '(' : (/^[A-Za-z_]+/.exec(body)?.[0] ?? '').toUpperCase();
  if (!ALLOWED_LEADS.has(lead)) throw denied(firstWords(text), `${lead || 'this'} statements are not allowed (they write files, attach databases, load extensions or change settings)`);
  if (REFUSED_CREATE.test(body)) throw denied(firstWords(text), 'secrets are not available in Enclave');
  if (APP_SCHEMA.test(text)) throw denied(firstWords(text), "enclave_meta is the app's own bookkeeping");
  // U&"…" spells an identifier in escapes the name check cannot read.
  if (/U&["']/i.test(text)) throw denied(firstWords(text), 'U& escapes are not supported');
  const call = deniedCall(text, cat);
  if (call) throw denied(`${call}()`, FUNCTION_REFUSED);
}

const FUNCTION_REFUSED = 'this function reads or writes outside your tables, or changes settings';

/** The first refused function `text` calls by name, if any. */
function deniedCall(text: string, cat: Catalog): string | null {
  for (const m of text.matchAll(CALL)) {
    const name = unquote(m[1]!);
    if (cat.deniedFunctions.has(name)) return name;
  }
  return null;
}

/** Why a stored object's definition may not run (the text rules of user SQL), or null. */
function deniedInDefinition(definition: string, cat: Catalog): string | null {
  if (APP_SCHEMA.test(definition)) return "it reads enclave_meta, the app's own bookkeeping";
  if (/U&["']/i.test(definition)) return 'it uses U& escapes';
  const call = deniedCall(definition, cat);
  return call ? `it calls ${call}(), which reads or writes outside your tables, or changes settings` : null;
}

/**
 * The stored objects a statement reaches must pass too: their scalar calls are folded
 * away before the plan check sees them (stored-objects.ts). Dropping one is always allowed.
 */
async function checkStoredObjects(instance: DuckDBInstance, conn: DuckDBConnection, text: string, cat: Catalog): Promise<void> {
  const refused = await refusedStoredObject(instance, conn, text, (d) => deniedInDefinition(d, cat));
  if (refused) {
    throw denied(
      `the stored ${refused.object.kind} ${refused.object.name}`,
      `${refused.why} (it was made outside Enclave's rules, e.g. by an older version or in an imported file; drop it)`,
    );
  }
}

/** Operators of a plan, depth first. */
interface PlanNode {
  name?: string;
  children?: PlanNode[];
  extra_info?: Record<string, unknown>;
}

function* operators(nodes: readonly PlanNode[]): Generator<PlanNode> {
  for (const n of nodes) {
    yield n;
    yield* operators(n.children ?? []);
  }
}

/** The statement's physical plan: every table function it would run must be allowed. */
async function checkPlan(conn: DuckDBConnection, text: string, type: StatementType, cat: Catalog): Promise<void> {
  let plan: PlanNode[];
  try {
    const rows = (await conn.runAndReadAll(`EXPLAIN (FORMAT json) ${text}`)).getRows();
    plan = JSON.parse(String(rows[rows.length - 1]![1])) as PlanNode[];
  } catch (e) {
    // An interrupt is a cancel, not a verdict on the statement.
    if (isInterrupt(e)) throw e;
    // It prepared but cannot be explained (PRAGMA name, CREATE SECRET…): not checkable, so not run.
    throw denied(firstWords(text), 'this statement cannot be checked (PRAGMA statements: use SHOW, DESCRIBE or pragma_… table functions)');
  }
  if (APP_SCHEMA.test(JSON.stringify(plan))) throw denied(firstWords(text), "enclave_meta is the app's own bookkeeping");
  if (type === StatementType.CREATE && !ALLOWED_CREATES.has(String(plan[0]?.name))) {
    throw denied(firstWords(text), `${String(plan[0]?.name ?? 'this object')} is not something user SQL may create`);
  }
  for (const op of operators(plan)) {
    const names = [op.name, op.extra_info?.Function].filter((n): n is string => typeof n === 'string').map((n) => n.toLowerCase());
    for (const name of names) {
      if (cat.deniedFunctions.has(name)) throw denied(`${name}()`, FUNCTION_REFUSED);
    }
  }
}

/** Types after which stored definitions are read again (a rollback undoes a CREATE or DROP too). */
const CHANGES_DEFINITIONS = new Set([StatementType.CREATE, StatementType.ALTER, StatementType.DROP, StatementType.TRANSACTION]);

/** Types whose plan calls no function: the text check is all they need. */
const UNPLANNED = new Set([StatementType.TRANSACTION, StatementType.DROP, StatementType.ALTER, StatementType.VACUUM, StatementType.ANALYZE]);

/** EXPLAIN [ANALYZE] [(options)] <statement>: the statement explained (ANALYZE runs it). */
const EXPLAIN_PREFIX = /^\s*EXPLAIN\s+(?:ANALY[SZ]E\s+|\((?:[^()']|'[^']*')*\)\s*)?/i;

/** A statement that cannot be prepared yet (it names what an earlier one creates). */
export class NotPreparedYet extends Error {
  constructor(readonly error: AppException) {
    super(error.message);
  }
}

/**
 * Checks every statement in one piece of text (one split statement can be several
 * to DuckDB: PIVOT expands into two). Throws PERMISSION_DENIED for a refused one;
 * a statement that needs an earlier statement's objects throws NotPreparedYet.
 */
async function checkPiece(conn: DuckDBConnection, instance: DuckDBInstance, text: string, offset: number): Promise<{ transaction: boolean }> {
  const cat = await catalog(instance, conn);
  // Parsing alone has no side effects; a syntax error is the person's to fix (SQL_ERROR).
  let extracted;
  try {
    extracted = await conn.extractStatements(text);
  } catch (e) {
    throw sqlError(e, offset);
  }
  checkText(text, cat);
  let transaction = false;
  let storedChecked = false;
  for (let i = 0; i < extracted.count; i++) {
    let type: StatementType;
    try {
      const prepared = await extracted.prepare(i);
      type = prepared.statementType;
      prepared.destroySync();
    } catch (e) {
      const err = sqlError(e, offset);
      if (err.code === 'SQL_ERROR' && /^(Catalog|Binder) Error/.test(err.message)) throw new NotPreparedYet(err);
      throw err;
    }
    if (!ALLOWED_TYPES.has(type)) throw denied(firstWords(text), REFUSED_TYPES.get(type) ?? 'this kind of statement is not allowed');
    if (type === StatementType.TRANSACTION) transaction = true;
    if (type !== StatementType.DROP && type !== StatementType.TRANSACTION && !storedChecked) {
      await checkStoredObjects(instance, conn, text, cat);
      storedChecked = true;
    }
    if (CHANGES_DEFINITIONS.has(type)) storedObjectsChanged(instance);
    if (type === StatementType.CREATE) {
      const m = CREATE_MACRO.exec(text);
      if (m && cat.systemFunctions.has(unquote(m[1]!))) {
        throw denied(firstWords(text), `${unquote(m[1]!)} is the name of a system function`);
      }
    }
    if (type === StatementType.EXPLAIN) {
      const prefix = EXPLAIN_PREFIX.exec(text);
      if (!prefix || extracted.count !== 1) throw denied(firstWords(text), 'this form of EXPLAIN cannot be checked');
      await checkPiece(conn, instance, text.slice(prefix[0].length), offset + prefix[0].length);
    } else if (!UNPLANNED.has(type)) {
      if (extracted.count === 1) await checkPlan(conn, text, type, cat);
      else if (type !== StatementType.CREATE) throw denied(firstWords(text), 'this statement cannot be checked');
    }
  }
  return { transaction };
}

/** A script the policy accepted, split into the statements to run in order. */
export interface CheckedScript {
  statements: Statement[];
  /** The script begins, commits or rolls back transactions itself. */
  managesTransactions: boolean;
  /** Statements that could only be checked once the ones before them have run. */
  deferred: Set<number>;
}

/**
 * Checks every statement of a script before any of them runs. Statements that name
 * objects an earlier statement creates cannot be bound yet: they are checked again
 * right before they run (checkBeforeRun), and the caller runs a script with such
 * statements in one transaction, so a refusal then still changes nothing.
 */
export async function checkUserSql(conn: DuckDBConnection, instance: DuckDBInstance, sql: string): Promise<CheckedScript> {
  const statements = splitStatements(sql);
  const deferred = new Set<number>();
  let managesTransactions = false;
  for (const [i, s] of statements.entries()) {
    try {
      if ((await checkPiece(conn, instance, s.text, s.offset)).transaction) managesTransactions = true;
    } catch (e) {
      if (!(e instanceof NotPreparedYet)) throw e;
      deferred.add(i);
      // Until it can be bound, the text rules still apply, and a transaction statement always binds.
      checkText(s.text, await catalog(instance, conn));
    }
  }
  return { statements, managesTransactions, deferred };
}

/** The check again, right before the statement runs (the catalog may have changed since). */
export async function checkBeforeRun(conn: DuckDBConnection, instance: DuckDBInstance, s: Statement): Promise<void> {
  try {
    await checkPiece(conn, instance, s.text, s.offset);
  } catch (e) {
    // Still unbindable: running it reports DuckDB's own error, and nothing unchecked runs.
    if (e instanceof NotPreparedYet) throw e.error;
    throw e;
  }
}

/**
 * The check for SQL the app builds around a stored object the person made (export of
 * a view, a column profile): reading a view runs its plan, which must pass too.
 */
export async function checkStoredRelation(conn: DuckDBConnection, instance: DuckDBInstance, relation: string): Promise<void> {
  const cat = await catalog(instance, conn);
  await checkStoredObjects(instance, conn, relation, cat);
  await checkPlan(conn, `SELECT * FROM ${relation}`, StatementType.SELECT, cat);
}
