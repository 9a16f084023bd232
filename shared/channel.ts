// Building blocks of the bridge contract (see contract.ts).
import type { z } from 'zod';
import type { ErrorCode } from './errors.js';

/** Phantom marker: carries an output or payload type, no runtime value. */
export const returns = <T>() => undefined as unknown as T;

/**
 * app: needs no profile (the picker).
 * data: acts on the profile bound to the calling window; LOCKED when there is none.
 * Data channels never take a profile id: main resolves it from the sender.
 */
export type Scope = 'app' | 'data';

export interface ChannelSpec<Sc extends Scope, S extends z.ZodType, O> {
  scope: Sc;
  input: S;
  output: O;
  errors: readonly ErrorCode[];
}

/**
 * Any data channel may also answer these, whatever it declares: PROFILE_CRASHED when
 * the profile's host process has stopped (until the window reopens it).
 */
export const DATA_SCOPE_ERRORS: readonly ErrorCode[] = ['PROFILE_CRASHED'];

export const channel = <Sc extends Scope, S extends z.ZodType, O>(spec: ChannelSpec<Sc, S, O>): ChannelSpec<Sc, S, O> =>
  spec.scope === 'data' ? { ...spec, errors: [...new Set([...spec.errors, ...DATA_SCOPE_ERRORS])] } : spec;
