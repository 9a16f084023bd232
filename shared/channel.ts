// Building blocks of the bridge contract (see contract.ts).
import { z } from 'zod';
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
 * Every channel may answer these, whatever it declares: INVALID_INPUT, because the router
 * validates every input against the channel's schema before a handler runs (a channel
 * without input refuses one too).
 */
export const CHANNEL_ERRORS: readonly ErrorCode[] = ['INVALID_INPUT'];

/**
 * Any data channel may also answer these: LOCKED when the window holds no profile, and
 * PROFILE_CRASHED when the profile's host process has stopped (until the window reopens it).
 */
export const DATA_SCOPE_ERRORS: readonly ErrorCode[] = ['LOCKED', 'PROFILE_CRASHED'];

/**
 * A channel's `errors` is the whole list of codes it answers (the fuzz suite fails on any
 * other): what the spec declares plus the codes every channel, or every data channel, may give.
 */
export const channel = <Sc extends Scope, S extends z.ZodType, O>(spec: ChannelSpec<Sc, S, O>): ChannelSpec<Sc, S, O> => ({
  ...spec,
  errors: [...new Set([...spec.errors, ...CHANNEL_ERRORS, ...(spec.scope === 'data' ? DATA_SCOPE_ERRORS : [])])],
});

/** A channel that takes no input: it acts on the window's profile as a whole (data), or on the app's. */
export const noInputChannel = <O, Sc extends Scope = 'data'>(errors: readonly ErrorCode[], scope: Sc = 'data' as Sc) =>
  channel({ scope, input: z.undefined(), output: returns<O>(), errors });
