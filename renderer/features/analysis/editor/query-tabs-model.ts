// The query tab strip as plain data and the moves on it (pure: the hook keeps it in
// React state and saves it to the profile). Every move keeps the strip valid for the
// saveQueryTabs channel: at least one tab, at most QUERY_TABS_MAX, the active one among them.
import { QUERY_TAB_TITLE_MAX, QUERY_TABS_MAX, type QueryTab, type QueryTabs } from '../../../../shared/analysis/query-workspace.js';

export interface TabStrip {
  tabs: QueryTab[];
  activeTabId: string;
}

/** What a tab is opened with (from a saved query, the history, a table's "Query"). */
export interface TabContent {
  sql: string;
  title?: string;
  savedQueryId?: string | null;
}

/** "Query N" with the smallest N no tab of the strip is called. */
export function nextTitle(tabs: readonly QueryTab[]): string {
  const taken = new Set(tabs.map((t) => t.title));
  let n = 1;
  while (taken.has(`Query ${n}`)) n++;
  return `Query ${n}`;
}

const clipTitle = (title: string) => {
  const t = title.trim() || 'Query';
  return t.length > QUERY_TAB_TITLE_MAX ? `${t.slice(0, QUERY_TAB_TITLE_MAX - 1)}…` : t;
};

export function newTab(id: string, tabs: readonly QueryTab[], content: TabContent = { sql: '' }): QueryTab {
  return { id, title: clipTitle(content.title ?? nextTitle(tabs)), sql: content.sql, savedQueryId: content.savedQueryId ?? null };
}

/** The strip as stored, or a first empty tab for a profile that has none. */
export function fromStored(stored: QueryTabs, makeId: () => string): TabStrip {
  if (stored.tabs.length === 0 || stored.activeTabId === null) {
    const first = newTab(makeId(), []);
    return { tabs: [first], activeTabId: first.id };
  }
  return { tabs: stored.tabs, activeTabId: stored.activeTabId };
}

export const activeTab = (strip: TabStrip): QueryTab => strip.tabs.find((t) => t.id === strip.activeTabId) ?? strip.tabs[0]!;

export const isBlank = (tab: QueryTab) => tab.sql.trim() === '' && tab.savedQueryId === null;

export function setSql(strip: TabStrip, sql: string): TabStrip {
  const current = activeTab(strip);
  if (current.sql === sql) return strip;
  return { ...strip, tabs: strip.tabs.map((t) => (t.id === current.id ? { ...t, sql } : t)) };
}

export const select = (strip: TabStrip, id: string): TabStrip => (strip.tabs.some((t) => t.id === id) ? { ...strip, activeTabId: id } : strip);

/** A new empty tab after the others, made active; null when the strip is full. */
export function add(strip: TabStrip, id: string): TabStrip | null {
  if (strip.tabs.length >= QUERY_TABS_MAX) return null;
  const tab = newTab(id, strip.tabs);
  return { tabs: [...strip.tabs, tab], activeTabId: tab.id };
}

/** Closes a tab; its right-hand neighbour (else the left) becomes active; the last tab closed leaves an empty one. */
export function close(strip: TabStrip, id: string, makeId: () => string): TabStrip {
  const at = strip.tabs.findIndex((t) => t.id === id);
  if (at < 0) return strip;
  const tabs = strip.tabs.filter((t) => t.id !== id);
  if (tabs.length === 0) {
    const first = newTab(makeId(), []);
    return { tabs: [first], activeTabId: first.id };
  }
  const activeTabId = strip.activeTabId === id ? tabs[Math.min(at, tabs.length - 1)]!.id : strip.activeTabId;
  return { tabs, activeTabId };
}

/**
 * Opens SQL in a tab: the tab already holding that saved query; else the active tab when
 * it is blank; else a new tab at the end. Null when that would need a tab past the limit.
 */
export function open(strip: TabStrip, content: TabContent, id: string): TabStrip | null {
  if (content.savedQueryId) {
    const holding = strip.tabs.find((t) => t.savedQueryId === content.savedQueryId);
    if (holding) return { ...strip, activeTabId: holding.id };
  }
  const current = activeTab(strip);
  if (isBlank(current)) {
    const replaced = { ...newTab(current.id, strip.tabs.filter((t) => t.id !== current.id), content) };
    return { tabs: strip.tabs.map((t) => (t.id === current.id ? replaced : t)), activeTabId: current.id };
  }
  if (strip.tabs.length >= QUERY_TABS_MAX) return null;
  const tab = newTab(id, strip.tabs, content);
  return { tabs: [...strip.tabs, tab], activeTabId: tab.id };
}

/** The active tab now belongs to a saved query (just saved): it takes the query's name. */
export function linkActive(strip: TabStrip, saved: { id: string; name: string }): TabStrip {
  const current = activeTab(strip);
  return { ...strip, tabs: strip.tabs.map((t) => (t.id === current.id ? { ...t, savedQueryId: saved.id, title: clipTitle(saved.name) } : t)) };
}

/** A saved query was renamed: its tabs follow. */
export function renamedSaved(strip: TabStrip, saved: { id: string; name: string }): TabStrip {
  if (!strip.tabs.some((t) => t.savedQueryId === saved.id)) return strip;
  return { ...strip, tabs: strip.tabs.map((t) => (t.savedQueryId === saved.id ? { ...t, title: clipTitle(saved.name) } : t)) };
}

/** A saved query was deleted: its tabs keep their SQL and title, unlinked. */
export function deletedSaved(strip: TabStrip, id: string): TabStrip {
  if (!strip.tabs.some((t) => t.savedQueryId === id)) return strip;
  return { ...strip, tabs: strip.tabs.map((t) => (t.savedQueryId === id ? { ...t, savedQueryId: null } : t)) };
}
