import type { Backups } from '../backup/backups.js';
import type { Clock } from '../clock.js';
import type { FileDialogs } from '../dialogs.js';
import type { FileGrants } from '../files/file-grants.js';
import type { WindowOpener } from '../window-opener.js';
import type { ChannelName, ChannelOutput, Contract, ParsedInput } from '../../../shared/contract.js';
import type { ProfileService } from '../profiles/profile-service.js';
import type { OpenProfile, Sessions } from '../sessions/sessions.js';
import type { HostChannel } from '../storage/worker-protocol.js';

export interface AppContext {
  windowId: number;
  dataDir: string;
  dialogs: FileDialogs;
  /** Tokens for files chosen in each window: the only form in which a file reaches a channel. */
  files: FileGrants;
  profiles: ProfileService;
  sessions: Sessions;
  backups: Backups;
  clock: Clock;
  /** Opens another app window (none in the CLI). */
  windows: WindowOpener;
}

export interface DataContext extends AppContext {
  /** The profile bound to the calling window; data handlers never see another. */
  profile: OpenProfile;
}

type ContextFor<K extends ChannelName> = Contract[K]['scope'] extends 'data' ? DataContext : AppContext;

export type Handler<K extends ChannelName> = (ctx: ContextFor<K>, input: ParsedInput<K>) => Promise<ChannelOutput<K>>;

/** Channels main answers: the app channels and MAIN_DATA_CHANNELS. */
export type MainChannel = Exclude<ChannelName, HostChannel>;

/**
 * Main's handlers. One per channel main answers (a missing one fails type-checking).
 * A channel the profile's host serves goes straight to it (`worker.call(channel, input)`)
 * unless it has an entry here: only for what belongs in main (telling windows what
 * changed, activity entries, resolving file tokens, packing pages for the renderer).
 */
export type Handlers = { [K in MainChannel]: Handler<K> } & { [K in HostChannel]?: Handler<K> };
