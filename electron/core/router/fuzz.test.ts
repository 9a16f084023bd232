// Property-based fuzzing of every contract channel: seeded malformed payloads (wrong
// types, huge strings, deep nesting, prototype-pollution keys, NaN/Infinity, invalid
// dates, mutations of a valid sample) sent from a window bound to an unlocked profile.
// Every call must answer a typed error in time, nothing may throw or pollute a
// prototype, and the profile's databases must be byte-for-byte the same content after.
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../../shared/contract.js';
import { ERROR_CODES, type Result } from '../../../shared/errors.js';
import type { ProfileOverview, ProfileSummary, SessionInfo } from '../../../shared/profiles.js';
import { openEnclave, type Enclave } from '../enclave.js';
import { profileDir, SQLITE_FILE } from '../paths.js';
import { channelSamples, FOREIGN_ITEMS, type SampleContext } from '../testing/channel-samples.js';
import { dataChecksum, type DataChecksum } from '../testing/db-checksum.js';
import { ManualClock } from '../testing/manual-clock.js';
import { mulberry32 } from '../testing/prng.js';
import { expectOk } from '../testing/results.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';

const SEED = Number(process.env.ENCLAVE_FUZZ_SEED ?? 0x5eed_2026);
const CASES_PER_CHANNEL = Number(process.env.ENCLAVE_FUZZ_CASES ?? 1000);
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
const clock = new ManualClock();
const W = 7;
let enclave: Enclave;
let profileId = '';
let overview: ProfileOverview;
let checksumBefore: DataChecksum;
const crashes: unknown[] = [];
const onCrash = (e: unknown) => void crashes.push(e);
const protoKeys = () => [Object.prototype, Array.prototype, Function.prototype].map((p) => Object.getOwnPropertyNames(p).sort());
const protoBefore = protoKeys();

const samples = (): SampleContext => ({
  otherProfileId: '9d4c3f5e-1c1d-4c4e-8f57-7e0b0c1a2b3c', // no profile has it
  otherItems: FOREIGN_ITEMS,
  otherText: 'fuzzing',
  otherTable: 'fuzz_table',
  otherFile: path.join(profileDir(dataDir, profileId), SQLITE_FILE),
  freshName: 'Fresh',
});

async function openAndUnlock(): Promise<void> {
  enclave = await openEnclave({ dataDir, secrets: keychain.store, clock });
  expectOk<SessionInfo>(await enclave.handle(W, 'unlockProfile', { profileId, password: 'fuzz password 1' }), 'unlock');
}

before(async () => {
  process.on('uncaughtException', onCrash);
  process.on('unhandledRejection', onCrash);
  enclave = await openEnclave({ dataDir, secrets: keychain.store, clock });
  profileId = expectOk<ProfileSummary>(
    await enclave.handle(W, 'createProfile', { name: 'Fuzz', password: 'fuzz password 1' }),
  ).id;
  expectOk(await enclave.handle(W, 'unlockProfile', { profileId, password: 'fuzz password 1' }));
  // Something in every store, so an unwanted write has something to change.
  expectOk(await enclave.handle(W, 'createTask', { title: 'Seed task', tags: ['a'] }));
  expectOk(await enclave.handle(W, 'createNote', { title: 'Seed note', body: 'body' }));
  expectOk(
    await enclave.handle(W, 'createEvent', { title: 'Seed event', start: '2030-01-01T10:00:00Z', end: '2030-01-01T11:00:00Z', timeZone: 'UTC' }),
  );
  expectOk(await enclave.handle(W, 'runQuery', { sql: 'CREATE TABLE fuzz_table AS SELECT range AS v FROM range(10)' }));
  await enclave.close();
  checksumBefore = await dataChecksum(dataDir, profileId);
  await openAndUnlock();
  overview = expectOk<ProfileOverview>(await enclave.handle(W, 'profileOverview', undefined));
});

after(async () => {
  process.off('uncaughtException', onCrash);
  process.off('unhandledRejection', onCrash);
  await enclave.close();
  await keychain.clear();
  removeTempDir(dataDir);
});

async function callWithTimeout(channel: ChannelName, input: unknown): Promise<Result<unknown>> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`${channel}: no answer within ${CALL_TIMEOUT_MS} ms`)), CALL_TIMEOUT_MS);
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

const ran = new Map<ChannelName, { sent: number; skippedValid: number }>();
const started = Date.now();

for (const [index, channel] of CHANNEL_NAMES.entries()) {
  test(`${channel}: ${CASES_PER_CHANNEL} malformed payloads each answer INVALID_INPUT`, async () => {
    const g = new Gen(SEED + index * 7919);
    const sample = channelSamples[channel](samples());
    const schema = contract[channel].input;
    let sent = 0;
    let skippedValid = 0;
    while (sent < CASES_PER_CHANNEL) {
      assert.ok(skippedValid < CASES_PER_CHANNEL * 5, `${channel}: the generator keeps making valid payloads`);
      const input = payload(g, sample);
      // Only payloads the schema certainly refuses: a valid one would legitimately succeed.
      if (schema.safeParse(input).success) {
        skippedValid++;
        continue;
      }
      sent++;
      let result: Result<unknown>;
      try {
        result = await callWithTimeout(channel, input);
      } catch (e) {
        assert.fail(`${channel} #${sent} threw or hung on ${describeInput(input)}: ${String(e)}`);
      }
      if (result.ok) assert.fail(`${channel} #${sent} succeeded on ${describeInput(input)}`);
      assert.ok(ERROR_CODES.includes(result.error.code), `${channel}: unknown code ${result.error.code}`);
      assert.equal(result.error.code, 'INVALID_INPUT', `${channel} #${sent} on ${describeInput(input)}: ${result.error.message}`);
      assert.equal(typeof result.error.message, 'string');
      assert.ok(result.error.message.length < 1000, `${channel}: the message echoes the input (${result.error.message.length} chars)`);
      assert.ok(!result.error.message.includes(dataDir), `${channel}: the message names the data directory`);
    }
    assert.equal(({} as Record<string, unknown>).polluted, undefined, 'Object.prototype was polluted');
    assert.equal(([] as unknown as Record<string, unknown>).polluted, undefined, 'Array.prototype was polluted');
    assert.deepEqual(protoKeys(), protoBefore, 'a built-in prototype gained a key');
    assert.deepEqual(crashes, []);
    ran.set(channel, { sent, skippedValid });
  });
}

test('the window is still bound to its profile and its data is as it was', async () => {
  const session = expectOk<SessionInfo | null>(await enclave.handle(W, 'currentSession', undefined));
  assert.equal(session?.name, 'Fuzz');
  assert.deepEqual(expectOk<ProfileOverview>(await enclave.handle(W, 'profileOverview', undefined)), overview);
  await enclave.close();
  const checksumAfter = await dataChecksum(dataDir, profileId);
  assert.deepEqual(checksumAfter.summary, checksumBefore.summary);
  assert.deepEqual(checksumAfter, checksumBefore);
  assert.ok(checksumBefore.summary.some((s) => s.startsWith('tasks 1')), checksumBefore.summary.join(', '));
  assert.ok(checksumBefore.summary.some((s) => s.includes('"fuzz_table" 10')), checksumBefore.summary.join(', '));
  await openAndUnlock(); // for `after`, which closes it again
  assert.deepEqual(crashes, []);
  assert.equal(({} as Record<string, unknown>).polluted, undefined);

  const total = [...ran.values()].reduce((n, r) => n + r.sent, 0);
  const skipped = [...ran.values()].reduce((n, r) => n + r.skippedValid, 0);
  for (const [channel, r] of ran) console.log(`fuzz: ${channel}: ${r.sent} payloads (${r.skippedValid} generated valid, not sent)`);
  console.log(
    `fuzz: ${ran.size} channels × ${CASES_PER_CHANNEL} payloads = ${total} cases (seed ${SEED}, ${skipped} valid ones skipped, ${((Date.now() - started) / 1000).toFixed(1)} s)`,
  );
  assert.equal(ran.size, CHANNEL_NAMES.length, 'every channel ran');
});
