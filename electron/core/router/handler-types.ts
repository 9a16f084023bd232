import type { Backups } from '../backup/backups.js';
import type { Clock } from '../clock.js';
import type { FileDialogs } from '../dialogs.js';
import type { FileGrants } from '../files/file-grants.js';
import type { ChannelName, ChannelOutput, Contract, ParsedInput } from '../../../shared/contract.js';
import type { ProfileService } from '../profiles/profile-service.js';
import type { OpenProfile, Sessions } from '../sessions/sessions.js';

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
}

export interface DataContext extends AppContext {
  /** The profile bound to the calling window; data handlers never see another. */
  profile: OpenProfile;
}

type ContextFor<K extends ChannelName> = Contract[K]['scope'] extends 'data' ? DataContext : AppContext;

/** One handler per channel; a channel without one fails type-checking. */
export type Handlers = {
  [K in ChannelName]: (ctx: ContextFor<K>, input: ParsedInput<K>) => Promise<ChannelOutput<K>>;
};
