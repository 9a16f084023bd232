import assert from 'node:assert/strict';
import fs from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { CHANNEL_NAMES, contract, type ChannelName } from '../../../shared/contract.js';
import type { AppError, Result } from '../../../shared/errors.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { openEnclave, type Enclave } from '../enclave.js';
import { DUCKDB_FILE, profileDir } from '../paths.js';
import { channelSamples, FOREIGN_ITEMS, type SampleContext } from '../testing/channel-samples.js';
import { expectError, expectOk } from '../testing/results.js';
import { listTree, makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';

const keychain = testKeychain('router');
const dataDir = makeTempDir();
let enclave: Enclave;
let existing: ProfileSummary;
/** Every error any test saw, checked at the end for leaked paths. */
const errors: AppError[] = [];

const samples = (freshName: string): SampleContext => ({
  otherProfileId: existing.id,
  otherItems: FOREIGN_ITEMS,
  otherText: 'nowhere',
  otherTable: 'nowhere',
  otherFile: path.join(profileDir(dataDir, existing.id), 'data.sqlite'),
  freshName,
});

const call = async (windowId: number, channel: string, input: unknown): Promise<Result<unknown>> => {
  const result = await enclave.handle(windowId, channel, input);
  if (!result.ok) errors.push(result.error);
  return result;
};

before(async () => {
  enclave = await openEnclave({ dataDir, secrets: keychain.store });
  existing = expectOk<ProfileSummary>(await enclave.handle(1, 'createProfile', { name: 'Existing' }));
});

after(async () => {
  await enclave.close();
  await keychain.clear();
  removeTempDir(dataDir);
});

// Longer than any field of the contract allows (the longest, SQL text and note bodies, stop near 1 MB).
const HUGE = 'x'.repeat(4 * 1024 * 1024);

/** An own, enumerable `__proto__` key, as JSON.parse or structured clone would produce. */
function withOwnProto(value: Record<string, unknown>): Record<string, unknown> {
  const copy = { ...value };
  Object.defineProperty(copy, '__proto__', { value: { profileId: existing.id }, enumerable: true, configurable: true, writable: true });
  return copy;
}

/** Values of another type than a field's valid `value` (null is left out: some fields are nullable). */
function badValuesFor(value: unknown): [string, unknown][] {
  const common: [string, unknown][] = [
    ['an object', { value }],
    ['an array', [value]],
  ];
  if (typeof value === 'string') return [...common, ['a huge string', HUGE], ['a number', 42], ['NaN', NaN], ['a boolean', false]];
  if (typeof value === 'number') return [...common, ['NaN', NaN], ['Infinity', Infinity], ['a fraction', 1.5], ['a string', '1'], ['a boolean', true]];
  if (typeof value === 'boolean') return [...common, ['a string', 'true'], ['a number', 1]];
  if (Array.isArray(value)) {
    return [
      ['an object', { value }],
      ['a string', 'x'],
      ['a number', 42],
      ['an array of huge strings', [HUGE]],
      ['an array of NaN', [NaN]],
    ];
  }
  return [...common, ['a string', 'x'], ['a number', 42]];
}

/** Inputs that must fail a channel's schema, derived from a valid sample of it. */
function malformedInputs(sample: unknown): [string, unknown][] {
  const notObjects: [string, unknown][] = [
    ['a number', 42],
    ['NaN', NaN],
    ['a string', 'x'],
    ['a huge string', HUGE],
    ['an array', []],
    ['an array of the sample', [sample]],
    ['null', null],
    ['a boolean', true],
  ];
  if (sample === undefined) {
    return [
      ...notObjects,
      ['an empty object', {}],
      ['a profileId', { profileId: existing.id }],
      ['an own __proto__ key', JSON.parse('{"__proto__": {"profileId": "x"}}')],
      ['a null-prototype object', Object.create(null)],
    ];
  }
  assert.ok(typeof sample === 'object' && sample !== null);
  const obj = sample as Record<string, unknown>;
  const extraKey = 'profileId' in obj ? 'targetProfileId' : 'profileId';
  const cases: [string, unknown][] = [
    ...notObjects,
    [`an extra ${extraKey}`, { ...obj, [extraKey]: existing.id }],
    ['an extra id', { ...obj, id: existing.id }],
    ['an own __proto__ key', withOwnProto(obj)],
    ['a constructor key', { ...obj, constructor: {} }],
    // Plain data only: fields must not be smuggled in through a prototype.
    ['fields inherited from a prototype', Object.assign(Object.create(obj) as object, {})],
  ];
  for (const [key, value] of Object.entries(obj)) {
    for (const [what, bad] of badValuesFor(value)) cases.push([`${key} as ${what}`, { ...obj, [key]: bad }]);
  }
  return cases;
}

describe('contract validation', () => {
  for (const name of CHANNEL_NAMES) {
    test(`${name}: malformed inputs are INVALID_INPUT and change nothing`, async () => {
      const sample = channelSamples[name](samples('Fresh'));
      const before = listTree(dataDir).filter((p) => !p.startsWith('registry.sqlite'));
      for (const [what, input] of malformedInputs(sample)) {
        const error = expectError(await call(1, name, input), 'INVALID_INPUT', `${name} with ${what}`);
        assert.ok(error.message.length < 300, `${name} with ${what}: the message does not echo the input`);
      }
      assert.deepEqual(listTree(dataDir).filter((p) => !p.startsWith('registry.sqlite')), before);
      assert.deepEqual(
        expectOk<ProfileSummary[]>(await call(1, 'listProfiles', undefined)).map((p) => p.id),
        [existing.id],
      );
      assert.equal(expectOk(await call(1, 'currentSession', undefined)), null, 'the window stayed locked');
    });
  }

  test('a field error names the field', async () => {
    const error = expectError(await call(1, 'createProfile', { name: 'ok', password: 'short' }), 'INVALID_INPUT');
    assert.equal(error.field, 'password');
  });

  test('unknown channels are UNKNOWN_CHANNEL, including names inherited by every object', async () => {
    for (const name of ['nope', '', 'listprofiles', '__proto__', 'constructor', 'toString', 'hasOwnProperty', 'enclave:listProfiles']) {
      expectError(await call(1, name, undefined), 'UNKNOWN_CHANNEL', JSON.stringify(name));
    }
    expectError(await call(1, 42 as unknown as string, undefined), 'UNKNOWN_CHANNEL');
  });
});

describe('scope', () => {
  const dataChannels = CHANNEL_NAMES.filter((n) => contract[n].scope === 'data');
  const appChannels = CHANNEL_NAMES.filter((n) => contract[n].scope === 'app');

  test('the contract has data channels to check', () => {
    assert.ok(dataChannels.length > 0);
  });

  test('data channels from a window bound to nothing are LOCKED', async () => {
    for (const name of dataChannels) {
      const input = channelSamples[name](samples('Unused'));
      expectError(await call(99, name, input), 'LOCKED', name);
    }
  });

  test('data channels are LOCKED again once the window locks', async () => {
    expectOk(await call(5, 'unlockProfile', { profileId: existing.id }));
    expectOk(await call(5, 'profileOverview', undefined));
    expectOk(await call(5, 'lockSession', undefined));
    for (const name of dataChannels) {
      expectError(await call(5, name, channelSamples[name](samples('Unused'))), 'LOCKED', name);
    }
  });

  test('every app channel answers a window bound to nothing: never LOCKED, only its declared errors', async () => {
    // Each app channel is called with its sample (wrong passwords, unknown ids, paths it must
    // refuse): whatever it answers, a window bound to no profile is not a reason to refuse.
    assert.ok(appChannels.length >= 10, appChannels.join());
    const expected: Partial<Record<ChannelName, unknown>> = { currentSession: null };
    for (const [i, name] of appChannels.entries()) {
      // A window of its own per channel: the sample of unlockProfile binds its window (the
      // existing profile has no password), and the next channel must again see a bare window.
      const result = await call(200 + i, name, channelSamples[name](samples(`App ${name}`)));
      if (name in expected) assert.deepEqual(expectOk(result, name), expected[name]);
      if (!result.ok) {
        assert.notEqual(result.error.code, 'LOCKED', `${name}: ${result.error.message}`);
        const declared: readonly string[] = contract[name].errors;
        assert.ok(declared.includes(result.error.code), `${name} answered ${result.error.code}, not among ${declared.join(', ')}`);
      }
    }
    // createProfile made its profile; the other samples (wrong passwords) changed nothing.
    const names = expectOk<ProfileSummary[]>(await call(98, 'listProfiles', undefined)).map((p) => p.name);
    assert.deepEqual(names.sort(), ['App createProfile', 'Existing']);
  });
});

describe('error messages', () => {
  test('a damaged database reaches the window as PROFILE_DAMAGED, without the data directory path', async () => {
    const broken = expectOk<ProfileSummary>(await call(1, 'createProfile', { name: 'Broken' }));
    fs.writeFileSync(path.join(profileDir(dataDir, broken.id), DUCKDB_FILE), 'this is not a DuckDB file'.repeat(1000));
    const error = expectError(await call(1, 'unlockProfile', { profileId: broken.id }), 'PROFILE_DAMAGED');
    assert.ok(!error.message.includes(dataDir), error.message);
    assert.match(error.message, /analytics\.duckdb/);
    assert.equal(expectOk(await call(1, 'currentSession', undefined)), null);
  });

  test('no error seen in this file mentions the data directory', () => {
    assert.ok(errors.length > 50, `${errors.length} errors`);
    const leaked = errors.filter((e) => e.message.includes(dataDir) || e.message.includes(path.basename(dataDir)));
    assert.deepEqual(leaked, []);
  });
});
