// The bridge contract: the single source of truth for every channel between the
// renderer and main. It assembles the per-feature channel tables (./<feature>/*-channels.ts);
// preload methods, main handlers, renderer types and the test harness all derive
// from it. Adding a channel = one entry in a channel table + one handler: in
// electron/host/<feature>/ for a data channel the profile's host serves (main passes it
// through), in electron/core/router/handlers for an app channel or one main answers
// (MAIN_DATA_CHANNELS in electron/core/storage/worker-protocol.ts). Type-checking
// fails until it exists.
import type { z } from 'zod';
import type { AiProgress } from './ai/ai.js';
import type { ImportProgress } from './analysis/analytics.js';
import { returns } from './channel.js';
import { aiChannels } from './ai/ai-channels.js';
import { analyticsChannels } from './analysis/analytics-channels.js';
import { auditChannels } from './activity/activity-channels.js';
import { backupChannels } from './backups/backup-channels.js';
import { calendarChannels } from './events/event-channels.js';
import { dialogChannels } from './files/dialog-channels.js';
import { noteChannels } from './notes/note-channels.js';
import { profileChannels } from './profiles/profile-channels.js';
import { queryWorkspaceChannels } from './analysis/query-workspace-channels.js';
import { searchChannels } from './search/search-channels.js';
import { sourceChannels } from './sources/source-channels.js';
import { storageChannels } from './profiles/storage-channels.js';
import { tagChannels } from './tags/tag-channels.js';
import { trashChannels } from './trash/trash-channels.js';
import { taskChannels } from './tasks/task-channels.js';
import type { Result } from './errors.js';
import type { LockReason } from './profiles/profiles.js';

export const contract = {
  ...profileChannels,
  ...taskChannels,
  ...noteChannels,
  ...calendarChannels,
  ...searchChannels,
  ...trashChannels,
  ...analyticsChannels,
  ...dialogChannels,
  ...auditChannels,
  ...storageChannels,
  ...backupChannels,
  ...tagChannels,
  ...queryWorkspaceChannels,
  ...aiChannels,
  ...sourceChannels,
} as const;

/** Which items changed (created, edited, moved, trashed, restored or purged); the window refetches what it shows. */
export interface ItemsChanged {
  ids: string[];
}

/** Push events from main, delivered only to the windows bound to the profile concerned. */
export const events = {
  sessionLocked: returns<{ reason: LockReason }>(),
  tasksChanged: returns<ItemsChanged>(),
  notesChanged: returns<ItemsChanged>(),
  eventsChanged: returns<ItemsChanged>(),
  /** At least once a second while an import runs, and once when it ends. */
  importProgress: returns<ImportProgress>(),
  /** The profile's host process died (crash, out of memory, killed); its calls answer PROFILE_CRASHED until `reopenProfile`. */
  profileStopped: returns<{ message: string }>(),
  /** A stopped profile's host runs again (reopened from this or another of its windows). */
  profileReopened: returns<null>(),
  /** File › Import… / Export… chosen in the application menu for this window. */
  menuCommand: returns<{ command: 'import' | 'export' }>(),
  /** An AI answer streaming in (askAi/fixAiSql with `stream`): the text since the previous event of that request. */
  aiProgress: returns<AiProgress>(),
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
