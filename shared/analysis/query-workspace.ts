// The SQL editor's workspace of one profile: its open query tabs (restored at unlock, in
// that profile only) and its saved queries with names. Kept in the profile's data.sqlite,
// never in the window's localStorage, which every profile of the same origin shares.

/** Open tabs at once: more would not fit the tab strip, and every save sends them all. */
export const QUERY_TABS_MAX = 30;
/** Characters of SQL a tab or a saved query keeps (as much as the query history keeps). */
export const QUERY_SQL_MAX = 100_000;
/** Characters of a tab's title. */
export const QUERY_TAB_TITLE_MAX = 120;
/** Characters of a saved query's name. */
export const SAVED_QUERY_NAME_MAX = 120;
/** Saved queries per profile: the list is read whole. */
export const SAVED_QUERIES_MAX = 1000;
/** Characters of a search in the history or the saved queries. */
export const QUERY_SEARCH_MAX = 200;

export interface QueryTab {
  /** Made by the renderer (any UUID): a tab exists before it is first saved. */
  id: string;
  title: string;
  sql: string;
  /** The saved query this tab was opened from or saved as; null when there is none (any more). */
  savedQueryId: string | null;
}

export interface QueryTabs {
  /** In the strip's order; empty for a profile that never had any. */
  tabs: QueryTab[];
  /** One of `tabs`, or null when there are none. */
  activeTabId: string | null;
}

export interface SavedQuery {
  id: string;
  name: string;
  sql: string;
  createdAt: string;
  updatedAt: string;
}

/**
 * The words of a search (whitespace-separated, lower-cased, at most 8): an entry matches
 * when it contains every one of them, anywhere and in any case.
 */
export function searchWords(search: string | undefined): string[] {
  return [...new Set((search ?? '').toLowerCase().split(/\s+/).filter(Boolean))].slice(0, 8);
}
