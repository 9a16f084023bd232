// No string, array or record in the bridge contract is unbounded: a renderer cannot make
// main validate (or hand on) input of any size. Walks every channel's input schema, so
// a future channel with an unbounded field fails here until it gets a cap.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import type { z } from 'zod';
import { BOUNDED_RECORDS } from '../../../shared/fields.js';
import { CHANNEL_NAMES, contract } from '../../../shared/contract.js';
import { openEnclave } from '../enclave.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';

interface Def {
  type: string;
  checks?: Array<{ _zod: { def: { check: string } } }>;
  format?: string;
  [k: string]: unknown;
}
const defOf = (s: unknown) => (s as { _zod: { def: Def } })._zod.def;
const hasMax = (def: Def) => (def.checks ?? []).some((c) => ['max_length', 'length_equals'].includes(c._zod.def.check));
// String formats whose pattern bounds their length.
const BOUNDED_FORMATS = new Set(['uuid', 'guid', 'datetime', 'date', 'time']);

/** Paths (channel.field…) of every string, array or record without a maximum. */
function unbounded(schema: unknown, at: string, out: string[], seen = new Set<unknown>()): string[] {
  if (seen.has(schema)) return out;
  seen.add(schema);
  const def = defOf(schema);
  const walk = (s: unknown, where = at) => unbounded(s, where, out, seen);
  switch (def.type) {
    case 'string':
      if (!hasMax(def) && !(def.format && BOUNDED_FORMATS.has(def.format))) out.push(`${at}: string`);
      break;
    case 'array':
      if (!hasMax(def)) out.push(`${at}: array`);
      walk(def.element, `${at}[]`);
      break;
    case 'record':
      if (!BOUNDED_RECORDS.has(schema as z.ZodType)) out.push(`${at}: record`);
      walk(def.keyType, `${at}{key}`);
      walk(def.valueType, `${at}{value}`);
      break;
    case 'object':
      for (const [k, v] of Object.entries(def.shape as Record<string, unknown>)) walk(v, `${at}.${k}`);
      if (def.catchall && defOf(def.catchall).type !== 'never') walk(def.catchall, `${at}.*`);
      break;
    case 'pipe':
      // What arrives is what the input side accepts (a transform's output is ours).
      walk(def.in);
      if (defOf(def.in).type === 'transform') walk(def.out); // z.preprocess: the schema after it
      break;
    case 'optional':
    case 'nullable':
    case 'default':
    case 'prefault':
    case 'readonly':
    case 'catch':
    case 'nonoptional':
      walk(def.innerType);
      break;
    case 'union':
      (def.options as unknown[]).forEach((o, i) => walk(o, `${at}|${i}`));
      break;
    case 'intersection':
      walk(def.left);
      walk(def.right);
      break;
    case 'tuple':
      (def.items as unknown[]).forEach((o, i) => walk(o, `${at}[${i}]`));
      if (def.rest) walk(def.rest, `${at}[…]`);
      break;
    case 'lazy':
      walk((def.getter as () => unknown)());
      break;
    case 'map':
    case 'set':
    case 'any':
    case 'unknown':
      out.push(`${at}: ${def.type}`);
      break;
    default:
      // number, boolean, enum, literal, undefined, transform, …: bounded in size.
      break;
  }
  return out;
}

test('every string, array and record of every channel input has a maximum', () => {
  const found = CHANNEL_NAMES.flatMap((name) => unbounded(contract[name].input, name, []));
  assert.deepEqual(found, []);
});

test('the walker itself catches an unbounded string, array and record', async () => {
  const { z } = await import('zod');
  const found = unbounded(z.strictObject({ s: z.string(), a: z.array(z.string().max(1)), r: z.record(z.string().max(1), z.number()).optional() }), 'probe', []);
  assert.deepEqual(found, ['probe.s: string', 'probe.a: array', 'probe.r: record']);
});

test('a columnNames record with a million keys is refused as INVALID_INPUT before any key is parsed', async () => {
  const dataDir = makeTempDir();
  const keychain = testKeychain('contract-caps');
  const enclave = await openEnclave({ dataDir, secrets: keychain.store });
  try {
    const columnNames: Record<string, string> = {};
    for (let i = 0; i < 1_000_000; i++) columnNames[`c${i}`] = `d${i}`;
    const result = await enclave.handle(1, 'previewImport', { file: `ft_${'A'.repeat(43)}`, options: { columnNames } });
    assert.equal(result.ok, false);
    assert.equal(!result.ok && result.error.code, 'INVALID_INPUT');
    assert.equal(!result.ok && result.error.field, 'options.columnNames');
  } finally {
    await enclave.close();
    await keychain.clear();
    removeTempDir(dataDir);
  }
});
