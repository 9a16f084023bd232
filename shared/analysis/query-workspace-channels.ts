// Channels of the SQL editor's workspace: the open query tabs (saved whole, debounced, by
// the window showing them; read back at unlock) and the saved queries with names.
import { z } from 'zod';
import { channel, noInputChannel, returns } from '../channel.js';
import {
  QUERY_SEARCH_MAX,
  QUERY_SQL_MAX,
  QUERY_TAB_TITLE_MAX,
  QUERY_TABS_MAX,
  SAVED_QUERY_NAME_MAX,
  type QueryTabs,
  type SavedQuery,
} from './query-workspace.js';
import { changesSomething, itemId, line, text } from '../fields.js';

const sql = text('SQL', QUERY_SQL_MAX);
const name = line('Name', SAVED_QUERY_NAME_MAX, 1);
export const querySearch = line('Search', QUERY_SEARCH_MAX);

const tab = z.strictObject({
  id: z.uuid('Not a tab id'),
  title: line('Title', QUERY_TAB_TITLE_MAX, 1),
  sql,
  savedQueryId: itemId.nullable(),
});

const storageErrors = ['STORAGE_ERROR', 'DISK_FULL'] as const;

export const queryWorkspaceChannels = {
  /** This profile's open tabs and which one is active, as last saved. */
  getQueryTabs: noInputChannel<QueryTabs>(storageErrors),
  /** Replaces this profile's open tabs (all of them, in order) and the active one. */
  saveQueryTabs: channel({
    scope: 'data',
    input: z
      .strictObject({
        tabs: z.array(tab, 'Tabs must be a list').max(QUERY_TABS_MAX, `At most ${QUERY_TABS_MAX} tabs`),
        activeTabId: z.uuid('Not a tab id').nullable(),
      })
      .refine((t) => new Set(t.tabs.map((x) => x.id)).size === t.tabs.length, { message: 'Two tabs have the same id', path: ['tabs'] })
      .refine((t) => (t.activeTabId === null ? t.tabs.length === 0 : t.tabs.some((x) => x.id === t.activeTabId)), {
        message: 'The active tab must be one of the tabs (null only when there are none)',
        path: ['activeTabId'],
      }),
    output: returns<null>(),
    errors: storageErrors,
  }),
  /** Saved queries A–Z by name; `search` keeps those whose name or SQL holds every word of it. */
  listSavedQueries: channel({
    scope: 'data',
    input: z.strictObject({ search: querySearch.optional() }),
    output: returns<SavedQuery[]>(),
    errors: storageErrors,
  }),
  /** ALREADY_EXISTS when another saved query has the name (in any case); LIMIT_REACHED past SAVED_QUERIES_MAX. */
  createSavedQuery: channel({
    scope: 'data',
    input: z.strictObject({ name, sql }),
    output: returns<SavedQuery>(),
    errors: [...storageErrors, 'ALREADY_EXISTS', 'LIMIT_REACHED'],
  }),
  /** Renames a saved query or replaces its SQL (or both). */
  updateSavedQuery: channel({
    scope: 'data',
    input: z.strictObject({ id: itemId, name: name.optional(), sql: sql.optional() }).refine(changesSomething, 'Nothing to change'),
    output: returns<SavedQuery>(),
    errors: [...storageErrors, 'NOT_FOUND', 'ALREADY_EXISTS'],
  }),
  deleteSavedQuery: channel({
    scope: 'data',
    input: z.strictObject({ id: itemId }),
    output: returns<null>(),
    errors: [...storageErrors, 'NOT_FOUND'],
  }),
} as const;
