// Messages between the core and a profile host process (electron/host/). The host
// serves the bridge contract's data channels under their own names, with the
// contract's parsed input types (see README "Adding a data channel"), plus a few
// internal methods no channel exposes. Both ends type-check against this file.
import type { AiSettings } from '../../../shared/ai/ai.js';
import type { ArchiveCounts, ArchiveOutcome, DamagedFile } from '../../../shared/backups/backups.js';
import { contract, type ChannelName, type ChannelOutput, type Contract, type EventName, type EventPayload, type ParsedInput } from '../../../shared/contract.js';
import type { AppError } from '../../../shared/errors.js';
import type { EventReminder } from '../../../shared/events/events.js';
import type { SourceKind, TlsMode } from '../../../shared/sources/sources.js';
import type { ProfileOverview } from '../../../shared/profiles/profiles.js';
import type { ProfileRowCounts } from '../../../shared/profiles/storage-usage.js';
import type { PurgedIds } from '../../../shared/trash/trash.js';

/**
 * Data channels main answers itself, from the registry, the keychain, the backups
 * folder or a dialog (some of them with the internal methods below). Every other data
 * channel is served by the profile's host under its own name: main passes it through
 * after validation and the window→profile check.
 */
export const MAIN_DATA_CHANNELS = [
  'lockSession',
  'reopenProfile',
  'profileOverview',
  'renameProfile',
  'changePassword',
  'profileStorage',
  'auditLog',
  'chooseImportFile',
  'chooseExportPath',
  'chooseCalendarFile',
  'chooseCalendarExportPath',
  'chooseArchivePath',
  'exportProfile',
  'listBackups',
  'backupNow',
  'restoreBackup',
] as const satisfies readonly ChannelName[];

type DataChannel = { [K in ChannelName]: Contract[K]['scope'] extends 'data' ? K : never }[ChannelName];
/** The bridge channels a profile host serves, by their contract names. */
export type HostChannel = Exclude<DataChannel, (typeof MAIN_DATA_CHANNELS)[number]>;

/** The item kinds, as their channel names spell them (createTask, listTasks…). */
export type ItemNoun = 'Task' | 'Note' | 'Event';

/** The channels every item kind answers the same way (electron/host/item-handlers.ts), by their contract names. */
export type ItemChannel<N extends ItemNoun> = `create${N}` | `update${N}` | `delete${N}` | `restore${N}` | `get${N}` | `list${N}s`;

const mainDataChannels: ReadonlySet<string> = new Set(MAIN_DATA_CHANNELS);
/** Whether the profile's host serves a channel (false: main answers it). */
export const servedByHost = (channel: ChannelName): channel is HostChannel =>
  contract[channel].scope === 'data' && !mainDataChannels.has(channel);

/**
 * A channel's parsed input as the host receives it. A `file` field is a token of the
 * calling window (shared/files/file-grants.ts): main resolves and checks it, and the host
 * gets the `path` instead; everything else arrives as the contract parsed it.
 */
export type HostInput<K extends HostChannel> = K extends keyof HostInputs
  ? HostInputs[K]
  : ParsedInput<K> extends { file: string }
    ? Omit<ParsedInput<K>, 'file'> & { path: string }
    : ParsedInput<K>;

/** A source's password, which main reads from the keychain for each call that connects (null: it has none). */
type WithPassword = { password: string | null };

/**
 * Where main hands the host other than the channel's input: an AI key read from the
 * keychain (which only main opens) travels in the call that uses it, and the key a
 * setting carries stays in main.
 */
interface HostInputs {
  setAiSettings: Omit<ParsedInput<'setAiSettings'>, 'key'>;
  askAi: ParsedInput<'askAi'> & { apiKey: string | null };
  fixAiSql: ParsedInput<'fixAiSql'> & { apiKey: string | null };
  /** The URL main checked and normalised (a SQLite file's token resolved to `sqlite:<path>`); the password stays in main. */
  addSource: { name: string; kind: SourceKind; url: string; tls: TlsMode | null; hasPassword: boolean; ca: string | null };
  browseSource: ParsedInput<'browseSource'> & WithPassword;
  previewSource: ParsedInput<'previewSource'> & WithPassword;
  importFromSource: ParsedInput<'importFromSource'> & WithPassword;
  refreshTable: ParsedInput<'refreshTable'> & WithPassword;
}

/** Where the host answers more than the channel: what main needs for its own step (here: whose windows to notify). */
interface HostOutputs {
  purgeTrash: PurgedIds;
  emptyTrash: PurgedIds;
  /** Main adds `hasKey` from the keychain. */
  aiSettings: AiSettings | null;
  /** The settings before, so main can drop a key whose URL moved to another origin. */
  setAiSettings: { previous: AiSettings | null; settings: AiSettings };
}
export type HostOutput<K extends HostChannel> = K extends keyof HostOutputs ? HostOutputs[K] : ChannelOutput<K>;

/** What profileOverview shows that only the profile's host can count. */
export type StorageOverview = Pick<ProfileOverview, 'counts' | 'schema'>;

/** What writeArchive snapshots, and where to. */
export interface ArchiveRequest {
  /** Where the archive goes (checked by main: never inside the user-data dir, unless one of the profile's own backups). */
  target: string;
  profileName: string;
  appVersion: string;
  createdAt: string;
}

/** The host's methods that are not bridge channels: the one table of explicit names. */
export interface InternalMethods {
  /** Counts and schema versions for profileOverview. */
  overview: { params: undefined; result: StorageOverview };
  /** Rows per table for profileStorage. */
  rowCounts: { params: undefined; result: ProfileRowCounts };
  /** Runs one DuckDB statement on the profile's own connection and reads its result (benches, maintenance). */
  duckdbQuery: { params: { sql: string }; result: { rows: number; ms: number } };
  /** Snapshots the open profile into an archive (export, backups). */
  writeArchive: { params: ArchiveRequest; result: ArchiveOutcome };
  /** Event reminders due in [from, to) (ISO instants), all-day events' days starting in timeZone: main's reminder schedule. */
  eventReminders: { params: { from: string; to: string; timeZone: string }; result: EventReminder[] };
  /** Row counts of every table and the schema versions, to compare a restored profile with its manifest. */
  archiveCounts: { params: undefined; result: { counts: ArchiveCounts; schema: { sqlite: number; duckdb: number } } };
}
export type InternalMethod = keyof InternalMethods;

export type WorkerMethod = HostChannel | InternalMethod;
export type MethodParams<M extends WorkerMethod> = M extends HostChannel ? HostInput<M> : M extends InternalMethod ? InternalMethods[M]['params'] : never;
export type MethodResult<M extends WorkerMethod> = M extends HostChannel ? HostOutput<M> : M extends InternalMethod ? InternalMethods[M]['result'] : never;

/** What a host is given before anything else: its profile's directory and its share of the machine. */
export interface WorkerInit {
  dir: string;
  budget: HostBudget;
  /** Open analytics.duckdb in the background once the first answer has left (the app), rather than only when a method needs it (the CLI). */
  warmAnalytics?: boolean;
}

/** Limits of one profile host (see host-budget.ts for how they are chosen). */
export interface HostBudget {
  /** DuckDB memory_limit, MiB. */
  memoryLimitMb: number;
  /** DuckDB threads. */
  threads: number;
  /** DuckDB max_temp_directory_size, MiB (spill files in the profile's .staging/). */
  maxTempMb: number;
  /** Bytes of query results the host keeps for paging, summed over its open results. */
  resultBytes: number;
  /** Queries that may run at once in this profile. */
  concurrentQueries: number;
}

export type WorkerRequest =
  | { kind: 'call'; id: number; method: WorkerMethod; params: unknown }
  | { kind: 'close'; id: number };

/** Everything the core sends a host: `init` first and once, then requests. */
export type HostInbound = { kind: 'init'; init: WorkerInit } | WorkerRequest;

/** A push event raised inside the worker (e.g. import progress); main forwards it to the profile's windows. */
export type WorkerEvent = { [E in EventName]: { kind: 'event'; event: E; payload: EventPayload<E> } }[EventName];

export type WorkerMessage =
  | WorkerEvent
  | { kind: 'ready' }
  | { kind: 'fatal'; error: AppError; damaged?: DamagedFile[] }
  | { kind: 'reply'; id: number; ok: true; value: unknown }
  | { kind: 'reply'; id: number; ok: false; error: AppError };
