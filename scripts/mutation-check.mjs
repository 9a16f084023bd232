#!/usr/bin/env node
// Mutation check (part of `npm test`, after the unit tests): do the suites that guard
// isolation, validation and durability fail when the promise breaks? Each mutant is a
// known bug planted in a copy of build/ (compiled JS); the suites meant to catch it run
// against that copy with their own command, and a mutant that passes them "survives":
// the script then fails. A mutant is located by an exact code string: when a refactor
// removes that string the script fails loudly instead of silently checking nothing
// (update the mutant next to the code that moved).
//
//   node scripts/mutation-check.mjs              every mutant
//   node scripts/mutation-check.mjs <name> …     only these (names below)
//
// Runtime is bounded: mutants get fewer fuzz cases and crash trials (env below), and
// each suite stops at the first failing test where it can.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { bundleEntries } from './bundle-entries.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BUILD = path.join(ROOT, 'build');

/** The suites, each run as `node --test` on its compiled file in the copy. */
const SUITES = {
  isolation: { file: 'electron/core/isolation.test.js' },
  fuzz: {
    file: 'electron/core/router/fuzz.test.js',
    // Enough to reach every channel's handlers with valid payloads, in a fraction of the full run.
    env: { ENCLAVE_FUZZ_CASES: '20', ENCLAVE_FUZZ_VALID_CASES: '25' },
  },
  crash: { file: 'electron/core/crash-safety.test.js', env: { CRASH_TRIALS: '6', CRASH_PROFILE_TRIALS: '2' } },
  durability: { file: 'electron/core/sqlite/durability.test.js' },
  hostCrash: { file: 'electron/core/host-crash-safety.test.js', env: { HOST_CRASH_TRIALS: '1', HOST_CRASH_KINDS: 'import' } },
  backup: { file: 'electron/core/backup/snapshot-methods.test.js', args: ['--test-name-pattern=quick_check'] },
};

/**
 * file: relative to build/; find: an exact string that must occur exactly once; replace: the bug.
 * suites: every one of them must fail on the mutant; env: narrows those runs to where the bug shows.
 */
const MUTANTS = [
  {
    name: 'emptyTrash-misrouted',
    what: "emptyTrash from one window empties another open profile's Trash",
    file: 'electron/core/router/handlers/search-handlers.js',
    find: "emptyTrash: async (ctx, input) => purged(ctx, await ctx.profile.worker.call('emptyTrash', input)),",
    replace:
      'emptyTrash: async (ctx, input) => { const other = (await Promise.all([...ctx.sessions.open.values()])).find((p) => p.id !== ctx.profile.id) ?? ctx.profile; ' +
      "return purged(ctx, await other.worker.call('emptyTrash', input)); },",
    suites: ['isolation'],
  },
  {
    name: 'delete-without-where',
    what: "deleting one task (or note, event) trashes every one: the row's WHERE id is gone",
    file: 'electron/core/storage/repositories/soft-delete.js',
    find: "WHERE id = @id AND deleted_at IS ${trashed ? 'NULL' : 'NOT NULL'} RETURNING ${columns}`)",
    replace: "WHERE (id = @id OR @id IS NOT NULL) AND deleted_at IS ${trashed ? 'NULL' : 'NOT NULL'} RETURNING ${columns}`)",
    suites: ['fuzz'],
    env: { ENCLAVE_FUZZ_CHANNELS: 'deleteTask,deleteNote,restoreEvent,emptyTrash' },
  },
  {
    name: 'item-id-any-string',
    what: 'item ids accept any string instead of a UUIDv7',
    file: 'shared/fields.js',
    find: "export const itemId = z.uuid({ version: 'v7', message: 'Not an item id' });",
    replace: "export const itemId = z.string().min(1);",
    suites: ['fuzz'],
    env: { ENCLAVE_FUZZ_CHANNELS: 'getTask,updateNote,deleteEvent,purgeTrash' },
  },
  {
    name: 'synchronous-off',
    what: 'SQLite syncs nothing at commit: acknowledged writes can vanish on power loss',
    file: 'electron/core/sqlite/migrate.js',
    find: "db.pragma('synchronous = FULL');",
    replace: "db.pragma('synchronous = OFF');",
    suites: ['durability'],
  },
  {
    name: 'write-never-committed',
    what: "the profile's SQLite runs in one transaction that is never committed: acknowledged writes die with the process",
    file: 'electron/core/storage/sqlite-store.js',
    find: 'schemaVersion = migrateSqlite(db, profileSqliteMigrations);',
    replace: "schemaVersion = migrateSqlite(db, profileSqliteMigrations); db.exec('BEGIN');",
    suites: ['crash'],
  },
  {
    name: 'import-replace-drops-first',
    what: 'an import replacing a table drops the old one before its transaction: a host killed mid-import loses the table',
    file: 'electron/core/analytics/import-file.js',
    find: "await conn.run('BEGIN TRANSACTION');",
    replace: "if (target.replace) await conn.run(`DROP TABLE IF EXISTS ${quoteIdent(target.name)}`); await conn.run('BEGIN TRANSACTION');",
    suites: ['hostCrash'],
  },
  {
    name: 'backup-without-quick-check',
    what: 'a backup skips quick_check on its snapshot',
    file: 'electron/core/backup/snapshot-methods.js',
    find: "if (check !== 'ok')",
    replace: 'if (false)',
    suites: ['backup'],
  },
];

function fail(message) {
  console.error(`mutation-check: ${message}`);
  process.exit(1);
}

if (!fs.existsSync(BUILD)) fail('build/ is missing: run `npm run build` first');
const wanted = process.argv.slice(2);
for (const name of wanted) if (!MUTANTS.some((m) => m.name === name)) fail(`unknown mutant ${name}; known: ${MUTANTS.map((m) => m.name).join(', ')}`);

// Every mutant's string must be where it is expected before anything runs: a refactor that
// moved one fails the check at once.
for (const m of MUTANTS) {
  const file = path.join(BUILD, m.file);
  const text = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : null;
  if (text === null) fail(`mutant ${m.name}: ${m.file} is not in build/ (moved? update the mutant)`);
  const count = text.split(m.find).length - 1;
  if (count !== 1) fail(`mutant ${m.name}: expected the code string once in ${m.file}, found it ${count} times (changed? update the mutant):\n  ${m.find}`);
}

/** A copy of what the suites need: build/, bin/, package.json, and node_modules linked. */
function makeCopy() {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'enclave-mutant-'));
  fs.cpSync(BUILD, path.join(dir, 'build'), { recursive: true, filter: (src) => !src.includes(`${path.sep}renderer${path.sep}`) });
  fs.cpSync(path.join(ROOT, 'bin'), path.join(dir, 'bin'), { recursive: true });
  fs.copyFileSync(path.join(ROOT, 'package.json'), path.join(dir, 'package.json'));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

const results = [];
for (const m of MUTANTS.filter((x) => wanted.length === 0 || wanted.includes(x.name))) {
  const dir = makeCopy();
  try {
    const file = path.join(dir, 'build', m.file);
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(m.find, m.replace));
    // The CLI and the profile host run from bundles of the compiled modules: bundle the mutant in.
    await bundleEntries(dir);
    for (const suiteName of m.suites) {
      const suite = SUITES[suiteName];
      const started = Date.now();
      const r = spawnSync(
        process.execPath,
        ['--test', '--test-reporter=dot', '--enable-source-maps', ...(suite.args ?? []), path.join(dir, 'build', suite.file)],
        { cwd: dir, env: { ...process.env, ...suite.env, ...m.env }, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, timeout: 15 * 60_000 },
      );
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      // A suite stopped by the timeout gave no verdict: that counts as surviving (the check must stay bounded).
      const caught = r.status !== 0 && r.status !== null && !r.error;
      results.push({ mutant: m.name, suite: suiteName, caught, seconds });
      console.log(`mutation-check: ${m.name} × ${suiteName}: ${caught ? 'caught' : 'SURVIVED'} (${seconds} s) — ${m.what}`);
      // What caught it, so a mutant caught for the wrong reason (a crash, a timeout) shows.
      const why = `${r.stdout ?? ''}\n${r.stderr ?? ''}`.split('\n').filter((l) => /AssertionError|Error:|error:|changed/.test(l)).slice(0, 3);
      if (caught) for (const line of why) console.log(`    ${line.trim().slice(0, 240)}`);
      if (!caught) console.log(String(r.error ?? ''), (r.stdout ?? '').slice(-3000), (r.stderr ?? '').slice(-3000));
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const survivors = results.filter((r) => !r.caught);
console.log(`mutation-check: ${results.length - survivors.length} of ${results.length} mutant × suite runs caught`);
if (survivors.length > 0) fail(`survived: ${survivors.map((s) => `${s.mutant} × ${s.suite}`).join(', ')}`);
