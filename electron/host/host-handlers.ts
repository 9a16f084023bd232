// Every method a profile host serves, keyed by name: the bridge's data channels (by
// their contract names, with the contract's parsed input) and the few internal
// methods. A data channel without a handler here, or one main does not answer itself
// (MAIN_DATA_CHANNELS), fails type-checking.
import type { HostHandlerTable, ProfileStores } from '../core/storage/profile-stores.js';
import { aiAskHandlers } from './ai/ai-handlers.js';
import { aiSettingsHandlers } from './ai/ai-settings-handlers.js';
import { analyticsHandlers } from './analysis/analytics-handlers.js';
import { eventFileHandlers, eventHandlers } from './events/event-handlers.js';
import { internalHandlers } from './internal-handlers.js';
import { noteHandlers } from './notes/note-handlers.js';
import { queryWorkspaceHandlers } from './analysis/query-workspace-handlers.js';
import { searchHandlers } from './search/search-handlers.js';
import { sourceHandlers } from './sources/source-handlers.js';
import { tagHandlers } from './tags/tag-handlers.js';
import { taskHandlers } from './tasks/task-handlers.js';
import { trashHandlers } from './trash/trash-handlers.js';

type AnyHandler = (stores: ProfileStores, input: never) => unknown;

/**
 * Runs each SQLite method in one explicit transaction. Without it a write in autocommit
 * mode commits when its statement is reset, and better-sqlite3's `.get()` on an
 * `INSERT … RETURNING` ignores an error there: on a full disk the row came back as
 * saved while the commit had failed and rolled it back. An explicit COMMIT reports it.
 */
function inTransactions<T extends Record<string, AnyHandler>>(handlers: T): T {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = (stores, input) => stores.sqlite.db.transaction(() => handler(stores, input))();
  }
  return wrapped as T;
}

export const hostHandlers: HostHandlerTable = {
  ...inTransactions(taskHandlers),
  ...inTransactions(tagHandlers),
  ...inTransactions(noteHandlers),
  ...inTransactions(eventHandlers),
  ...eventFileHandlers,
  ...inTransactions(searchHandlers),
  ...inTransactions(trashHandlers),
  ...inTransactions(queryWorkspaceHandlers),
  ...analyticsHandlers,
  ...internalHandlers,
  ...inTransactions(aiSettingsHandlers),
  ...aiAskHandlers,
  ...sourceHandlers,
};
