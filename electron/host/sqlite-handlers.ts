// The host methods that need only data.sqlite (tasks, notes, events, search, Trash, the
// SQL editor's tabs and saved queries).
// The host serves them from this table without loading DuckDB: its native module and
// the analytics code take most of a host's start-up, and a profile's first page (the
// tasks list after unlock, `enclave task list`) must not wait for them (issue 11/13).
// Every other method comes from the full table, loaded and opened on first use.
import type { ProfileStores } from '../core/storage/profile-stores.js';
import { aiSettingsHandlers } from './ai/ai-settings-handlers.js';
import { eventHandlers } from './events/event-handlers.js';
import { noteHandlers } from './notes/note-handlers.js';
import { queryWorkspaceHandlers } from './analysis/query-workspace-handlers.js';
import { searchHandlers } from './search/search-handlers.js';
import { taskHandlers } from './tasks/task-handlers.js';
import { trashHandlers } from './trash/trash-handlers.js';

type AnyHandler = (stores: ProfileStores, params: never) => unknown;

/**
 * Runs each SQLite method in one explicit transaction (as the full table does: an
 * explicit COMMIT reports a failed commit that autocommit mode would hide).
 */
function inTransactions(handlers: Record<string, AnyHandler>): Record<string, AnyHandler> {
  const wrapped: Record<string, AnyHandler> = {};
  for (const [name, handler] of Object.entries(handlers)) {
    wrapped[name] = (stores, params) => stores.sqlite.db.transaction(() => handler(stores, params))();
  }
  return wrapped;
}

export const sqliteHandlers: Readonly<Record<string, AnyHandler>> = {
  ...inTransactions(taskHandlers),
  ...inTransactions(noteHandlers),
  ...inTransactions(eventHandlers),
  ...inTransactions(searchHandlers),
  ...inTransactions(trashHandlers),
  ...inTransactions(queryWorkspaceHandlers),
  ...inTransactions(aiSettingsHandlers),
};
