// Property-based fuzzing of every contract channel from a window bound to profile A, while
// profile B (locked) holds data of its own:
// - invalid half: seeded malformed payloads (wrong types, huge strings, deep nesting,
//   prototype-pollution keys, NaN/Infinity, invalid dates, mutations of a valid sample) and,
//   independently of the schema, ids that are no ids: each answers INVALID_INPUT in time and
//   changes none of A's rows;
// - valid half: payloads generated from the channel's schema around its edges
//   (testing/valid-payloads.ts), with ids A owns, B owns and nobody owns, run through the
//   real handlers: the answer has the channel's shape (testing/channel-outputs.ts) or one of
//   its declared error codes, only the rows the call addresses change in A, and B's files
//   and registry row keep their checksums.
// Nothing may throw or pollute a prototype.
import assert from 'node:assert/strict';
import Database from 'better-sqlite3';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../../shared/contract.js';
import { ERROR_CODES, type Result } from '../../../shared/errors.js';
import type { ProfileOverview, ProfileSummary, SessionInfo } from '../../../shared/profiles/profiles.js';
import { normalizeTag } from '../../../shared/tags/tags.js';
import { openEnclave, type Enclave } from '../enclave.js';
import { profileDir, SQLITE_FILE } from '../paths.js';
import { channelSamples, FOREIGN_ITEMS, type SampleContext } from '../testing/channel-samples.js';
import { channelOutputs } from '../testing/channel-outputs.js';
import { dataChecksum } from '../testing/db-checksum.js';
import { ManualClock } from '../testing/manual-clock.js';
import { mulberry32 } from '../testing/prng.js';
import { expectOk } from '../testing/results.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { writeToken } from '../testing/file-tokens.js';
import { testKeychain } from '../testing/test-keychain.js';
import { DOMAIN_STRINGS, validPayload, type ValuePools } from '../testing/valid-payloads.js';

const SEED = Number(process.env.ENCLAVE_FUZZ_SEED ?? 0x5eed_2026);
const CASES_PER_CHANNEL = Number(process.env.ENCLAVE_FUZZ_CASES ?? 1000);
const VALID_CASES_PER_CHANNEL = Number(process.env.ENCLAVE_FUZZ_VALID_CASES ?? 40);
/** ENCLAVE_FUZZ_CHANNELS=a,b runs only those channels (the mutation check's short runs). */
const ONLY = process.env.ENCLAVE_FUZZ_CHANNELS?.split(',').filter(Boolean);
for (const name of ONLY ?? []) if (!(CHANNEL_NAMES as string[]).includes(name)) throw new Error(`ENCLAVE_FUZZ_CHANNELS: no channel ${name}`);
const CHANNELS = ONLY ? CHANNEL_NAMES.filter((c) => ONLY.includes(c)) : CHANNEL_NAMES;
/** Channels whose valid calls create profiles, archives or run imports: fewer of them keep the run short. */
const COSTLY: Partial<Record<ChannelName, number>> = {
  createProfile: 8,
  restoreProfile: 8,
  restoreBackup: 8,
  backupNow: 8,
  exportProfile: 8,
  inspectDamagedProfile: 8,
  recoverDamagedProfile: 8,
  changePassword: 8,
  // Each lock costs an unlock (scrypt and opening the databases) before the next case.
  lockSession: 3,
  unlockProfile: 20,
  deleteProfile: 20,
  startImport: 20,
  previewImport: 20,
  exportData: 20,
};
const CALL_TIMEOUT_MS = 10_000;

// ---- A small seeded generator (no fast-check here) ----

class Gen {
  private readonly next: () => number;
  constructor(seed: number) {
    this.next = mulberry32(seed);
  }
  int(n: number): number {
    return Math.floor(this.next() * n);
  }
  chance(p: number): boolean {
    return this.next() < p;
  }
  pick<T>(items: readonly T[]): T {
    return items[this.int(items.length)]!;
  }
}

// Built once and shared: a 1 MB string per call would cost more than the calls.
const MB = 1024 * 1024;
const HUGE_STRINGS = ['x'.repeat(MB), 'é'.repeat(MB / 2 + 1), `${'a'.repeat(MB)}b`, '\u202E'.repeat(MB / 4)];
function deeplyNested(depth: number, asArray: boolean): unknown {
  let v: unknown = { leaf: true };
  for (let i = 0; i < depth; i++) v = asArray ? [v] : { a: v };
  return v;
}
const DEEP = [deeplyNested(1_500, false), deeplyNested(1_500, true), deeplyNested(5_000, false)];

const HOSTILE_STRINGS = [
  '',
  ' ',
  "'); DROP TABLE tasks; --",
  '" OR 1=1 --',
  '../../etc/passwd',
  '..\\..\\windows\\system32',
  '<script>globalThis.__pwned=1</script>',
  '\u0000',
  'a\u0000b',
  '\u0002highlight\u0003',
  '\u202Eevil\u202C',
  '\ud800',
  '__proto__',
  'constructor',
  'prototype',
  'toString',
  'not a date',
  '2030-02-30',
  '2030-13-01T00:00:00Z',
  '2030-01-01T25:00:00Z',
  '+275760-09-13T00:00:00.001Z',
  '0000-00-00',
  'Invalid Date',
  'NaN',
  'Infinity',
  '-1',
  '1e309',
  'Mars/Olympus',
  '9d4c3f5e-1c1d-4c4e-8f57-7e0b0c1a2b3c',
  '01890a5d-ac96-774b-bcce-b302099a805', // one digit short
];

const NUMBERS = [NaN, Infinity, -Infinity, -0, 0, 1, -1, 1.5, 2 ** 53, -(2 ** 63), Number.MAX_VALUE, Number.MIN_VALUE, 1e21];

/** A JSON-parsed object whose own `__proto__` key is data, as structured clone would deliver it. */
const protoKey = (inner: string) => JSON.parse(`{"__proto__":${inner}}`) as Record<string, unknown>;

/** One value of some kind a schema does not expect; `depth` bounds containers. */
function junk(g: Gen, depth = 0): unknown {
  switch (g.int(depth > 2 ? 6 : 11)) {
    case 0:
      return g.pick(NUMBERS);
    case 1:
      return g.pick([true, false, null, undefined, 0n, 12345678901234567890n]);
    case 2:
      return g.pick(HOSTILE_STRINGS);
    case 3:
      return g.chance(0.08) ? g.pick(HUGE_STRINGS) : randomString(g);
    case 4:
      return g.pick([new Date(NaN), new Date(8.64e15 + 1), new Date('2030-02-30'), new Date(0)]);
    case 5:
      return g.chance(0.05) ? g.pick(DEEP) : g.pick([{}, [], Object.create(null) as object]);
    case 6:
      return protoKey(g.pick(['{"polluted":1}', 'null', '[]', '"x"', '{"profileId":"x","title":"t"}']));
    case 7:
      return g.pick([
        { constructor: { prototype: { polluted: 1 } } },
        { prototype: { polluted: 1 } },
        JSON.parse('{"constructor":{"prototype":{"polluted":1}}}') as unknown,
      ]);
    case 8:
      return Array.from({ length: g.int(4) }, () => junk(g, depth + 1));
    case 9: {
      const o: Record<string, unknown> = {};
      for (let i = g.int(4); i > 0; i--) o[g.pick(['a', 'id', 'title', 'profileId', 'polluted', randomString(g)])] = junk(g, depth + 1);
      return o;
    }
    default:
      return g.chance(0.2) ? new Array(g.int(100_000)) : [junk(g, depth + 1)];
  }
}

function randomString(g: Gen): string {
  let s = '';
  for (let i = g.int(40); i > 0; i--) s += String.fromCharCode(g.chance(0.8) ? 0x20 + g.int(95) : g.int(0x10000));
  return s;
}

type Path = (string | number)[];

/** Paths of the values inside a payload (a few levels deep), the payload itself being []. */
function pathsOf(value: unknown, at: Path = []): Path[] {
  const out: Path[] = [at];
  if (at.length >= 6) return out;
  if (Array.isArray(value)) value.slice(0, 8).forEach((v, i) => out.push(...pathsOf(v, [...at, i])));
  else if (typeof value === 'object' && value !== null) {
    for (const [k, v] of Object.entries(value)) out.push(...pathsOf(v, [...at, k]));
  }
  return out;
}

function setAt(root: unknown, at: Path, fn: (parent: Record<string | number, unknown>, key: string | number) => void): unknown {
  if (at.length === 0) {
    const box: Record<string, unknown> = { v: root };
    fn(box, 'v');
    return box.v;
  }
  let parent = root as Record<string | number, unknown>;
  for (const key of at.slice(0, -1)) parent = parent[key] as Record<string | number, unknown>;
  fn(parent, at[at.length - 1]!);
  return root;
}

const EXTRA_KEYS = ['profileId', 'id', 'extra', 'polluted', 'constructor', 'prototype', 'toString', '__proto__'];

/** One mutation of (a copy of) a valid sample: drop a key, add one, or swap a value's type. */
function mutate(g: Gen, sample: unknown): unknown {
  let value: unknown = structuredClone(sample);
  for (let n = 1 + (g.chance(0.3) ? g.int(3) : 0); n > 0; n--) {
    const at = g.pick(pathsOf(value));
    const target = at.reduce<unknown>((v, k) => (v as Record<string | number, unknown>)[k], value);
    const op = g.int(3);
    if (op === 0 && at.length > 0) {
      value = setAt(value, at, (p, k) => (Array.isArray(p) ? p.splice(Number(k), 1) : delete p[k]));
    } else if (op === 1 && typeof target === 'object' && target !== null && !Array.isArray(target)) {
      const key = g.pick(EXTRA_KEYS);
      // defineProperty gives an own `__proto__` key (as JSON.parse does) instead of a new prototype.
      Object.defineProperty(target, key, { value: junk(g), enumerable: true, configurable: true, writable: true });
    } else {
      const replacement = junk(g);
      value = setAt(value, at, (p, k) => {
        Object.defineProperty(p, k, { value: replacement, enumerable: true, configurable: true, writable: true });
      });
    }
  }
  return value;
}

function payload(g: Gen, sample: unknown): unknown {
  if (sample !== undefined && g.chance(0.7)) return mutate(g, sample);
  return junk(g);
}

// ---- The suite ----

const keychain = testKeychain('fuzz');
const dataDir = makeTempDir();
const outside = makeTempDir(); // files the valid half may import, export to and restore from
const clock = new ManualClock();
const W = 7;
const W_B = 8;
const A = { name: 'Fuzz', password: 'fuzz password 1', id: '' };
const B = { name: 'Other', password: 'other password 2', id: '' };
const B_ITEMS: string[] = [];
const UNKNOWN_PROFILE = '9d4c3f5e-1c1d-4c4e-8f57-7e0b0c1a2b3c'; // no profile has it
let enclave: Enclave;
let aRows: Database.Database;
let bBefore: string;
const crashes: unknown[] = [];
const onCrash = (e: unknown) => void crashes.push(e);
const protoKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort());
const protoBefore = protoKeys();

// The samples' profile ids are unknown, not B's: a wrong password for B would (rightly)
// count towards B's unlock throttle, which is B's registry row.
const samples = (): SampleContext => ({
  otherProfileId: UNKNOWN_PROFILE,
  otherItems: FOREIGN_ITEMS,
  otherText: 'fuzzing',
  otherTable: 'fuzz_table',
  otherFile: path.join(profileDir(dataDir, A.id), SQLITE_FILE),
  freshName: 'Fresh',
});

const call = async <T>(windowId: number, channel: string, input?: unknown) => expectOk<T>(await enclave.handle(windowId, channel, input), channel);

/** Some of everything in a profile, Trash included. */
async function fill(windowId: number, tag: string): Promise<string[]> {
  const ids: string[] = [];
  const id = (v: { id: string }) => (ids.push(v.id), v.id);
  for (let i = 0; i < 5; i++) id(await call<{ id: string }>(windowId, 'createTask', { title: `${tag} task ${i}`, tags: ['a', tag] }));
  for (let i = 0; i < 3; i++) id(await call<{ id: string }>(windowId, 'createNote', { title: `${tag} note ${i}`, body: `${tag} body` }));
  for (let i = 0; i < 3; i++) {
    id(await call<{ id: string }>(windowId, 'createEvent', { title: `${tag} event ${i}`, start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z', timeZone: 'UTC' }));
  }
  await call(windowId, 'deleteTask', { id: ids[0] });
  await call(windowId, 'deleteNote', { id: ids[5] });
  await call(windowId, 'deleteEvent', { id: ids[8] });
  await call(windowId, 'runQuery', { sql: `CREATE TABLE fuzz_table AS SELECT range AS v, '${tag}' AS s FROM range(10)` });
  await call(windowId, 'backupNow');
  return ids;
}

/** B as the checks see it: its files' content, its registry row, its directory listing. */
async function bState(): Promise<string> {
  const sums = await dataChecksum(dataDir, B.id);
  const registry = new Database(path.join(dataDir, 'registry.sqlite'), { readonly: true });
  try {
    const row = registry.prepare('SELECT * FROM profiles WHERE id = ?').get(B.id);
    const files = fs.readdirSync(profileDir(dataDir, B.id), { recursive: true }).map(String).sort();
    return JSON.stringify({ sqlite: sums.sqlite, duckdb: sums.duckdb, summary: sums.summary, row, files });
  } finally {
    registry.close();
  }
}

type Rows = Map<string, Record<string, unknown>>;
const TABLES = ['tasks', 'notes', 'events'] as const;
type Table = (typeof TABLES)[number];
const KIND_TABLE: Record<string, Table> = { task: 'tasks', note: 'notes', event: 'events' };

/** A's items, read beside A's worker through WAL (each call has committed when it answers). */
function snapshot(): Record<Table, Rows> {
  const out = {} as Record<Table, Rows>;
  for (const t of TABLES) {
    const rows = aRows.prepare(`SELECT * FROM ${t}`).all() as Record<string, unknown>[];
    out[t] = new Map(rows.map((r) => [String(r.id), r]));
  }
  return out;
}

interface Change {
  table: Table;
  id: string;
  how: 'added' | 'removed' | 'changed';
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
}

function diff(before: Record<Table, Rows>, after: Record<Table, Rows>): Change[] {
  const out: Change[] = [];
  for (const t of TABLES) {
    for (const [id, row] of before[t]) {
      const now = after[t].get(id);
      if (!now) out.push({ table: t, id, how: 'removed', before: row });
      else if (JSON.stringify(now) !== JSON.stringify(row)) out.push({ table: t, id, how: 'changed', before: row, after: now });
    }
    for (const [id, row] of after[t]) if (!before[t].has(id)) out.push({ table: t, id, how: 'added', after: row });
  }
  return out;
}

const inputId = (input: unknown): string | undefined => (input as { id?: string } | undefined)?.id;
const describeChange = (c: Change) => `${c.how} ${c.table} ${c.id}`;

/** Only the rows a call addresses may change in A: anything else is a write gone astray. */
function checkChanges(channel: ChannelName, input: unknown, result: Result<unknown>, changes: Change[]): void {
  const what = () => `${channel} ${describeInput(input)} → ${describeInput(result)}: ${changes.map(describeChange).join(', ')}`;
  const create = /^create(Task|Note|Event)$/.exec(channel);
  if (create) {
    const table = KIND_TABLE[create[1]!.toLowerCase()]!;
    const expected = result.ok ? [`added ${table} ${(result.value as { id: string }).id}`] : [];
    assert.deepEqual(changes.map(describeChange), expected, what());
    return;
  }
  if (/^(update|delete|restore)(Task|Note|Event)$/.test(channel)) {
    const table = KIND_TABLE[/(Task|Note|Event)$/.exec(channel)![1]!.toLowerCase()]!;
    for (const c of changes) assert.ok(c.table === table && c.id === inputId(input) && c.how === 'changed', what());
    return;
  }
  if (channel === 'moveTask') {
    // Moving may renumber the manual order of other tasks, and nothing else of them.
    const strip = (r?: Record<string, unknown>) => JSON.stringify({ ...r, position: 0 });
    for (const c of changes) {
      assert.ok(c.table === 'tasks' && c.how === 'changed', what());
      if (c.id !== inputId(input)) assert.equal(strip(c.after), strip(c.before), what());
    }
    return;
  }
  if (channel === 'renameTag') {
    // Renaming a tag changes exactly the tasks and notes that carried it, as the answer lists.
    // The host renames the tag as people type it, trimmed and without a leading #.
    const from = normalizeTag((input as { from: string }).from);
    const answered = result.ok ? (result.value as { tasks: string[]; notes: string[] }) : { tasks: [], notes: [] };
    for (const c of changes) {
      assert.ok((c.table === 'tasks' || c.table === 'notes') && c.how === 'changed', what());
      assert.ok(JSON.stringify(c.before ?? {}).toLowerCase().includes(from.toLowerCase()), `only items tagged ${from} change: ${what()}`);
      assert.ok((c.table === 'tasks' ? answered.tasks : answered.notes).includes(c.id), what());
    }
    return;
  }
  if (channel === 'purgeTrash' || channel === 'emptyTrash') {
    const named = channel === 'purgeTrash' ? new Set((input as { items: { id: string }[] }).items.map((i) => i.id)) : null;
    for (const c of changes) {
      assert.ok(c.how === 'removed' && c.before?.deleted_at != null, `only items in the Trash are purged: ${what()}`);
      if (named) assert.ok(named.has(c.id), what());
    }
    if (result.ok) assert.equal((result.value as { purged: number }).purged, changes.length, what());
    return;
  }
  assert.deepEqual(changes.map(describeChange), [], what());
}

async function bindA(): Promise<void> {
  const session = expectOk<SessionInfo | null>(await enclave.handle(W, 'currentSession', undefined));
  if (session !== null) return;
  let r = await enclave.handle(W, 'unlockProfile', { profileId: A.id, password: A.password });
  if (!r.ok && r.error.code === 'THROTTLED') {
    // The valid half's wrong passwords for A throttle it (as they should); wait it out on the clock.
    clock.advance(2 * 3600_000);
    r = await enclave.handle(W, 'unlockProfile', { profileId: A.id, password: A.password });
  }
  expectOk(r, 'unlock A again');
}

const cwdBefore = process.cwd();

before(async () => {
  // Valid payloads may name files by relative paths (exports write them): they land in a temp dir.
  process.chdir(outside);
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  enclave = await openEnclave({ dataDir, secrets: keychain.store, clock });
  A.id = expectOk<ProfileSummary>(await enclave.handle(W, 'createProfile', { name: A.name, password: A.password })).id;
  B.id = expectOk<ProfileSummary>(await enclave.handle(W_B, 'createProfile', { name: B.name, password: B.password })).id;
  expectOk(await enclave.handle(W_B, 'unlockProfile', { profileId: B.id, password: B.password }));
  B_ITEMS.push(...(await fill(W_B, 'bravo')));
  expectOk(await enclave.handle(W_B, 'lockSession', undefined));
  expectOk(await enclave.handle(W, 'unlockProfile', { profileId: A.id, password: A.password }));
  await fill(W, 'alpha');
  fs.writeFileSync(path.join(outside, 'small.csv'), 'id,name\n1,a\n2,b\n');
  expectOk(await enclave.handle(W, 'exportProfile', { file: writeToken(enclave, path.join(outside, 'alpha.enclave'), W) }));
  aRows = new Database(path.join(profileDir(dataDir, A.id), SQLITE_FILE), { readonly: true });
  bBefore = await bState();
});

after(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  aRows.close();
  await enclave.close();
  await keychain.clear();
  process.chdir(cwdBefore);
  removeTempDir(dataDir);
  removeTempDir(outside);
});

// A hang detector, not a timing assert: valid calls may hash a password (scrypt) or write an
// archive, which on a loaded machine takes far longer than refusing an input.
async function callWithTimeout(channel: ChannelName, input: unknown, ms = CALL_TIMEOUT_MS): Promise<Result<unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel}: no answer within ${ms} ms`)), ms);
  });
  try {
    return await Promise.race([enclave.handle(W, channel, input), timeout]);
  } finally {
    clearTimeout(timer);
  }
}

const describeInput = (input: unknown) => {
  try {
    const s = JSON.stringify(input, (_k, v: unknown) => (typeof v === 'bigint' ? `${v}n` : v));
    return s === undefined ? String(input) : s.length > 200 ? `${s.slice(0, 200)}… (${s.length} chars)` : s;
  } catch (e) {
    return `<${(e as Error).message.slice(0, 60)}>`;
  }
};

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids that are no ids, decided here and not by the schema: a loosened id schema must show. */
function notIds(sample: unknown): unknown[] {
  const out: unknown[] = [];
  for (const at of pathsOf(sample)) {
    const v = at.reduce<unknown>((x, k) => (x as Record<string | number, unknown>)[k], sample);
    if (typeof v !== 'string' || !UUID.test(v)) continue;
    const replaceWith = (bad: string) => setAt(structuredClone(sample), at, (p, k) => (p[k] = bad));
    out.push(replaceWith('not-an-id'), replaceWith(`${v}0`), replaceWith(v.slice(0, -1)));
    // Item ids are UUIDv7: a v4 in their place is refused too.
    if (v[14] === '7') out.push(replaceWith(`${v.slice(0, 14)}4${v.slice(15)}`));
  }
  return out;
}

async function expectInvalid(channel: ChannelName, input: unknown, n: number, declared: readonly string[]): Promise<void> {
  let result: Result<unknown>;
  try {
    result = await callWithTimeout(channel, input);
  } catch (e) {
    assert.fail(`${channel} #${n} threw or hung on ${describeInput(input)}: ${String(e)}`);
  }
  if (result.ok) assert.fail(`${channel} #${n} succeeded on ${describeInput(input)}`);
  assert.ok(ERROR_CODES.includes(result.error.code), `${channel}: unknown code ${result.error.code}`);
  assert.equal(result.error.code, 'INVALID_INPUT', `${channel} #${n} on ${describeInput(input)}: ${result.error.message}`);
  // A channel answers only the codes its contract entry lists (shared/channel.ts adds the universal ones).
  assert.ok(declared.includes(result.error.code), `${channel} answered ${result.error.code}, not among its errors (${declared.join(', ')})`);
  assert.equal(typeof result.error.message, 'string');
  assert.ok(result.error.message.length < 1000, `${channel}: the message echoes the input (${result.error.message.length} chars)`);
  assert.ok(!result.error.message.includes(dataDir), `${channel}: the message names the data directory`);
}

interface Ran {
  sent: number;
  skippedValid: number;
  valid: number;
  validOk: number;
  codes: Map<string, number>;
}
const ran = new Map<ChannelName, Ran>();
const started = Date.now();

function pools(g: Gen): ValuePools {
  return {
    ids: () => {
      const own = TABLES.flatMap((t) => [...aRows.prepare(`SELECT id FROM ${t}`).pluck().all()].map(String));
      // A's own ids twice: updates, moves and restores then often reach real rows.
      return [...own, ...own, ...B_ITEMS, ...Object.values(FOREIGN_ITEMS), A.id, UNKNOWN_PROFILE, randomUUID(), '0190a5d0-0000-7000-8000-000000000000'].filter(
        () => g.chance(0.7),
      );
    },
    strings: [...DOMAIN_STRINGS, path.join(outside, 'small.csv'), path.join(outside, 'alpha.enclave'), path.join(outside, `out-${g.int(1e6)}.csv`), 'fuzz_table'],
  };
}

for (const channel of CHANNELS) {
  const index = CHANNEL_NAMES.indexOf(channel);
  test(`${channel}: malformed payloads answer INVALID_INPUT; valid ones answer its shape or its declared errors, touching only what they address`, async () => {
    const g = new Gen(SEED + index * 7919);
    const sample = channelSamples[channel](samples());
    const schema = contract[channel].input;
    const declared: readonly string[] = contract[channel].errors;
    const stats: Ran = { sent: 0, skippedValid: 0, valid: 0, validOk: 0, codes: new Map() };

    // The invalid half: nothing of A may change.
    await bindA();
    const beforeInvalid = snapshot();
    for (const input of notIds(sample)) await expectInvalid(channel, input, ++stats.sent, declared);
    while (stats.sent < CASES_PER_CHANNEL) {
      assert.ok(stats.skippedValid < CASES_PER_CHANNEL * 5, `${channel}: the generator keeps making valid payloads`);
      const input = payload(g, sample);
      // Only payloads the schema certainly refuses: valid ones go to the valid half.
      if (schema.safeParse(input).success) {
        stats.skippedValid++;
        continue;
      }
      await expectInvalid(channel, input, ++stats.sent, declared);
    }
    assert.deepEqual(diff(beforeInvalid, snapshot()).map(describeChange), [], `${channel}: an invalid payload changed A`);

    // The valid half, through the real handlers.
    const cases = Math.min(VALID_CASES_PER_CHANNEL, COSTLY[channel] ?? VALID_CASES_PER_CHANNEL);
    for (let n = 0; n < cases; n++) {
      await bindA();
      const input = validPayload(schema, sample, g, pools(g)) ?? sample;
      assert.ok(schema.safeParse(input).success, `${channel}: generated ${describeInput(input)} is not valid`);
      const before = snapshot();
      let result: Result<unknown>;
      try {
        result = await callWithTimeout(channel, input, 6 * CALL_TIMEOUT_MS);
      } catch (e) {
        assert.fail(`${channel} valid #${n} threw or hung on ${describeInput(input)}: ${String(e)}`);
      }
      stats.valid++;
      if (result.ok) {
        stats.validOk++;
        const shape = channelOutputs[channel].safeParse(result.value);
        assert.ok(shape.success, `${channel} answered ${describeInput(result.value)} to ${describeInput(input)}: ${shape.error?.message}`);
      } else {
        stats.codes.set(result.error.code, (stats.codes.get(result.error.code) ?? 0) + 1);
        assert.ok(
          declared.includes(result.error.code),
          `${channel} answered ${result.error.code} (not among ${declared.join(', ')}) to ${describeInput(input)}: ${result.error.message}`,
        );
      }
      checkChanges(channel, input, result, diff(before, snapshot()));
    }
    // Nothing of B, whatever ids and names A's window sent.
    assert.equal(await bState(), bBefore, `${channel} changed profile B`);

    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
    assert.equal(([] as unknown as Record<string, unknown>).polluted, undefined, 'Array.prototype was polluted');
    assert.deepEqual(protoKeys(), protoBefore, 'a built-in prototype gained a key');
    assert.deepEqual(crashes, []);
    ran.set(channel, stats);
  });
}

test('every channel ran both halves; the window is still bound to A; B is as it was', async () => {
  await bindA();
  const session = expectOk<SessionInfo | null>(await enclave.handle(W, 'currentSession', undefined));
  assert.ok(session !== null);
  expectOk<ProfileOverview>(await enclave.handle(W, 'profileOverview', undefined));
  assert.equal(await bState(), bBefore);
  assert.ok(bBefore.includes('"tasks 5'), 'B holds tasks (Trash included) for the checks to protect');
  assert.deepEqual(crashes, []);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);

  const sum = (f: (r: Ran) => number) => [...ran.values()].reduce((n, r) => n + f(r), 0);
  for (const [channel, r] of ran) {
    const codes = [...r.codes].map(([c, k]) => `${c} ${k}`).join(', ');
    console.log(`fuzz: ${channel}: ${r.sent} invalid (${r.skippedValid} generated valid, moved to the valid half), ${r.valid} valid: ${r.validOk} ok${codes ? `, ${codes}` : ''}`);
  }
  console.log(
    `fuzz: ${ran.size} channels, ${sum((r) => r.sent)} invalid + ${sum((r) => r.valid)} valid cases (${sum((r) => r.validOk)} answered ok), ` +
      `seed ${SEED}, ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
  assert.equal(ran.size, CHANNELS.length, 'every channel ran');
  if (ONLY) return;
  // The valid half reached the handlers: most data channels succeeded at least once.
  const reached = [...ran].filter(([c, r]) => contract[c].scope === 'data' && r.validOk > 0).length;
  const dataChannels = CHANNEL_NAMES.filter((c) => contract[c].scope === 'data').length;
  assert.ok(reached >= dataChannels * 0.6, `${reached} of ${dataChannels} data channels answered ok to a valid payload`);
});
