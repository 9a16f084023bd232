// The bridge contract: the single source of truth for every channel between the
// renderer and main. Preload methods, main handlers, renderer types and the test
// harness all derive from this object. Adding a channel = one entry here + one
// handler in electron/core/router/handlers (type-checking fails until it exists).
import { z } from 'zod';
import type { ErrorCode, Result } from './errors.js';
import {
  PASSWORD_MAX,
  PASSWORD_MIN,
  PROFILE_COLORS,
  PROFILE_NAME_MAX,
  type LockReason,
  type ProfileOverview,
  type ProfileSummary,
  type SessionInfo,
} from './profiles.js';

/** Phantom marker: carries an output type, no runtime value. */
const returns = <T>() => undefined as unknown as T;

/**
 * app: needs no profile (the picker).
 * data: acts on the profile bound to the calling window; LOCKED when there is none.
 * Data channels never take a profile id: main resolves it from the sender.
 */
type Scope = 'app' | 'data';

interface ChannelSpec<Sc extends Scope, S extends z.ZodType, O> {
  scope: Sc;
  input: S;
  output: O;
  errors: readonly ErrorCode[];
}

const channel = <Sc extends Scope, S extends z.ZodType, O>(spec: ChannelSpec<Sc, S, O>) => spec;

const noInput = z.undefined();

// Names are trimmed; anything printable is allowed (a name like "../../etc" is just a
// name, because files are named by id) but control characters are not.
const profileName = z
  .string()
  .trim()
  .min(1, 'Name is required')
  .max(PROFILE_NAME_MAX, `Name is at most ${PROFILE_NAME_MAX} characters`)
  // eslint-disable-next-line no-control-regex
  .refine((s) => !/[\u0000-\u001f\u007f]/.test(s), 'Name must not contain control characters');

const password = z
  .string()
  .min(PASSWORD_MIN, `Password is at least ${PASSWORD_MIN} characters`)
  .max(PASSWORD_MAX, `Password is at most ${PASSWORD_MAX} characters`);

const profileId = z.uuid();

export const contract = {
  listProfiles: channel({
    scope: 'app',
    input: noInput,
    output: returns<ProfileSummary[]>(),
    errors: ['INTERNAL'],
  }),
  createProfile: channel({
    scope: 'app',
    input: z.strictObject({
      name: profileName,
      password: password.optional(),
      color: z.enum(PROFILE_COLORS).optional(),
    }),
    output: returns<ProfileSummary>(),
    errors: ['INVALID_INPUT', 'ALREADY_EXISTS', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /** Unlocks a profile and binds the calling window to it (replacing any earlier binding). */
  unlockProfile: channel({
    scope: 'app',
    input: z.strictObject({ profileId, password: z.string().max(PASSWORD_MAX).optional() }),
    output: returns<SessionInfo>(),
    errors: ['INVALID_INPUT', 'NOT_FOUND', 'AUTH_FAILED', 'THROTTLED', 'KEYCHAIN_UNAVAILABLE', 'STORAGE_ERROR'],
  }),
  /** The profile bound to the calling window, or null. */
  currentSession: channel({
    scope: 'app',
    input: noInput,
    output: returns<SessionInfo | null>(),
    errors: [],
  }),
  /** Unbinds the calling window; the profile's databases close when no window holds it. */
  lockSession: channel({
    scope: 'data',
    input: noInput,
    output: returns<null>(),
    errors: ['LOCKED'],
  }),
  profileOverview: channel({
    scope: 'data',
    input: noInput,
    output: returns<ProfileOverview>(),
    errors: ['LOCKED', 'STORAGE_ERROR'],
  }),
} as const;

/** Push events from main, delivered only to the windows bound to the profile concerned. */
export const events = {
  sessionLocked: returns<{ reason: LockReason }>(),
} as const;

export type Contract = typeof contract;
export type ChannelName = keyof Contract;
export type EventName = keyof typeof events;
export type ChannelInput<K extends ChannelName> = z.input<Contract[K]['input']>;
export type ParsedInput<K extends ChannelName> = z.output<Contract[K]['input']>;
export type ChannelOutput<K extends ChannelName> = Contract[K]['output'];
export type EventPayload<E extends EventName> = (typeof events)[E];

export const CHANNEL_NAMES = Object.keys(contract) as ChannelName[];
export const EVENT_NAMES = Object.keys(events) as EventName[];

export const isChannelName = (name: unknown): name is ChannelName =>
  typeof name === 'string' && Object.prototype.hasOwnProperty.call(contract, name);

/** Electron IPC channel strings, namespaced so nothing else collides with ours. */
export const ipcChannel = (name: ChannelName) => `enclave:${name}`;
export const ipcEvent = (name: EventName) => `enclave-event:${name}`;

type Listener<E extends EventName> = (payload: EventPayload<E>) => void;
type EventMethodName<E extends EventName> = `on${Capitalize<E>}`;

/** `window.api`: one method per channel, one subscribe method per event, nothing else. */
export type Api = {
  [K in ChannelName]: ChannelInput<K> extends undefined
    ? () => Promise<Result<ChannelOutput<K>>>
    : (input: ChannelInput<K>) => Promise<Result<ChannelOutput<K>>>;
} & {
  [E in EventName as EventMethodName<E>]: (listener: Listener<E>) => () => void;
};

export const eventMethodName = <E extends EventName>(name: E) =>
  `on${name[0]!.toUpperCase()}${name.slice(1)}` as EventMethodName<E>;
