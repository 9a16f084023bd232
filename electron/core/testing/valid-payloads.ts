// Valid payloads around a channel schema's edges, for the fuzz suite: each field of a
// valid sample is swapped for a value from the field's own schema (shortest and longest
// strings, bounds of numbers, every enum value, absent optionals, null for nullables,
// empty and full arrays) or from a pool of domain values (ids the caller owns, zones,
// instants). Every payload returned passes the channel's schema: refinements the walk
// cannot see are respected by filtering through `safeParse`.
import type { z } from 'zod';

/** The zod 4 internals read here (stable across 4.x: `_zod.def`). */
interface Def {
  type: string;
  format?: string;
  checks?: { _zod: { def: CheckDef } }[];
  innerType?: Schema;
  in?: Schema;
  out?: Schema;
  shape?: Record<string, Schema>;
  element?: Schema;
  entries?: Record<string, string | number>;
  values?: unknown[];
  options?: Schema[];
  keyType?: Schema;
  valueType?: Schema;
}
interface CheckDef {
  check: string;
  minimum?: number;
  maximum?: number;
  value?: number | bigint;
  inclusive?: boolean;
}
type Schema = z.ZodType & { _zod: { def: Def } };

export interface Rng {
  int(n: number): number;
  chance(p: number): boolean;
  pick<T>(items: readonly T[]): T;
}

/** Domain values no schema walk can invent: ids, zones, instants, dates, paths, SQL. */
export interface ValuePools {
  /** UUIDs to try in id fields: the caller's own items, unknown ones, the sample's. */
  ids: () => readonly string[];
  strings: readonly string[];
}

export const DOMAIN_STRINGS = [
  'UTC',
  'Pacific/Kiritimati',
  'Pacific/Honolulu',
  'Europe/Berlin',
  '2030-01-01T00:00:00Z',
  '2030-01-01T10:00:00.000Z',
  '2030-03-31T01:30:00+02:00',
  '0001-01-01T00:00:00Z',
  '9999-12-31T23:59:59.999Z',
  '2030-01-01',
  '2024-02-29',
  '9999-12-31',
  '#3b82f6',
  'SELECT 1',
  'SELECT 1 AS v; SELECT 2 AS w',
  'v',
  'task',
  'note',
  'event',
  'budget',
  'ünïcödé 清水寺 \u202Eevil\u202C',
  "'); DROP TABLE tasks; --",
];

const checksOf = (s: Schema): CheckDef[] => (s._zod.def.checks ?? []).map((c) => c._zod.def);
const bound = (s: Schema, check: string, key: 'minimum' | 'maximum'): number | undefined =>
  checksOf(s).find((c) => c.check === check)?.[key];

/** The schema under optional/nullable/default/pipe wrappers, with what the wrappers allow. */
function unwrap(s: Schema): { base: Schema; optional: boolean; nullable: boolean } {
  let optional = false;
  let nullable = false;
  for (;;) {
    const d = s._zod.def;
    if (d.type === 'optional' || d.type === 'default' || d.type === 'prefault') optional = true;
    else if (d.type === 'nullable') nullable = true;
    else if (d.type === 'pipe') {
      s = d.in!;
      continue;
    } else if (d.type !== 'readonly' && d.type !== 'catch') return { base: s, optional, nullable };
    s = d.innerType!;
  }
}

/** Candidate values at the edges of one (unwrapped) schema; the caller filters by validity. */
function edges(s: Schema, g: Rng, pools: ValuePools, depth: number): unknown[] {
  const d = s._zod.def;
  switch (d.type) {
    case 'string': {
      if (d.format === 'uuid' || d.format === 'guid') return [...pools.ids()];
      const min = bound(s, 'min_length', 'minimum') ?? 0;
      // The longest string is capped: a 1 MB SQL text per case would cost more than it finds.
      const max = Math.min(bound(s, 'max_length', 'maximum') ?? 300, 20_000);
      const out: unknown[] = ['x'.repeat(Math.max(min, 1)), 'é'.repeat(max), 'a'.repeat(max), ' padded ', g.pick(pools.strings)];
      if (min === 0) out.push('');
      return out;
    }
    case 'number':
    case 'int': {
      const lo = checksOf(s).find((c) => c.check === 'greater_than');
      const hi = checksOf(s).find((c) => c.check === 'less_than');
      const min = lo ? Number(lo.value) + (lo.inclusive ? 0 : 1) : -(2 ** 31);
      const max = hi ? Number(hi.value) - (hi.inclusive ? 0 : 1) : 2 ** 31;
      return [min, max, min + 1, max - 1, 0, 1, Math.round((min + max) / 2)];
    }
    case 'boolean':
      return [true, false];
    case 'enum':
      return Object.values(d.entries ?? {});
    case 'literal':
      return [...(d.values ?? [])];
    case 'null':
      return [null];
    case 'undefined':
    case 'void':
      return [undefined];
    case 'union':
      return (d.options ?? []).flatMap((o) => edges(unwrap(o).base, g, pools, depth));
    case 'array': {
      const max = Math.min(bound(s, 'max_length', 'maximum') ?? 5, 40);
      const element = unwrap(d.element!).base;
      const one = () => g.pick(edges(element, g, pools, depth + 1));
      return [[], [one()], Array.from({ length: max }, (_, i) => `${String(one())}${i}`), Array.from({ length: max }, one)];
    }
    case 'record':
      return [{}, { v: g.pick(edges(unwrap(d.valueType!).base, g, pools, depth + 1)) }];
    case 'object':
      return depth > 3 ? [{}] : [objectVariant(s, undefined, g, pools, depth + 1)];
    default:
      return [];
  }
}

/** One object: each key kept from `sample`, dropped (when optional) or set to an edge value. */
function objectVariant(s: Schema, sample: Record<string, unknown> | undefined, g: Rng, pools: ValuePools, depth: number): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [key, field] of Object.entries(s._zod.def.shape ?? {})) {
    const { base, optional, nullable } = unwrap(field);
    const has = sample !== undefined && key in sample;
    const r = g.int(10);
    if (optional && (r < 2 || (!has && r < 5))) continue; // absent
    if (has && r < 5) {
      out[key] = sample[key];
      continue;
    }
    if (nullable && g.chance(0.15)) {
      out[key] = null;
      continue;
    }
    const nested = base._zod.def.type === 'object' && has && typeof sample[key] === 'object' && sample[key] !== null;
    const candidates = nested ? [objectVariant(base, sample[key] as Record<string, unknown>, g, pools, depth + 1)] : edges(base, g, pools, depth);
    if (candidates.length === 0) {
      if (has) out[key] = sample[key];
      continue;
    }
    out[key] = g.pick(candidates);
  }
  return out;
}

/**
 * A valid payload for `schema` near `sample` (itself valid), or null when `tries`
 * attempts found none other than the sample. Top-level objects are varied field by field;
 * other inputs (undefined, a bare enum) are picked from their edges.
 */
export function validPayload(schema: z.ZodType, sample: unknown, g: Rng, pools: ValuePools, tries = 12): unknown {
  const s = schema as Schema;
  const { base } = unwrap(s);
  for (let i = 0; i < tries; i++) {
    let candidate: unknown;
    if (base._zod.def.type === 'object') {
      const from = typeof sample === 'object' && sample !== null ? (sample as Record<string, unknown>) : undefined;
      candidate = objectVariant(base, from, g, pools, 0);
    } else {
      const options = edges(base, g, pools, 0);
      candidate = options.length > 0 ? g.pick(options) : sample;
    }
    if (schema.safeParse(candidate).success) return candidate;
  }
  return null;
}
