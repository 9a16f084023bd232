// Full-text search results across tasks, notes and events (the kinds of item the Trash holds too).

export const ITEM_KINDS = ['task', 'note', 'event'] as const;
export type ItemKind = (typeof ITEM_KINDS)[number];

/**
 * Highlights in `SearchHit.title` and `SearchHit.snippet` are delimited by these two
 * control characters, which stored text can never contain (inputs reject them).
 * Render by splitting on them into text nodes and <mark> elements — never as HTML.
 */
export const HIGHLIGHT_START = '\u0002';
export const HIGHLIGHT_END = '\u0003';
/** Marks text cut off at either end of a snippet. */
export const SNIPPET_ELLIPSIS = '…';

export const SEARCH_QUERY_MAX = 500;
export const SEARCH_LIMIT_MAX = 200;

export interface SearchHit {
  kind: ItemKind;
  id: string;
  /** The item's title, with highlights. */
  title: string;
  /** A short excerpt of the details / body / description around the matches, with highlights; '' when only the title matched. */
  snippet: string;
  /**
   * Relevance, lower is better, comparable across kinds within one result list only:
   * -(tier + bm25 relative to the best of the same kind and tier), where the tier is
   * 2 when every word is in the title, plus 1 when the last word matched whole (not as a prefix).
   */
  score: number;
}

/** Splits highlighted text into plain and highlighted runs, for rendering as elements. */
export function highlightRuns(text: string): { text: string; highlighted: boolean }[] {
  const runs: { text: string; highlighted: boolean }[] = [];
  let highlighted = false;
  let current = '';
  for (const ch of text) {
    if (ch === HIGHLIGHT_START || ch === HIGHLIGHT_END) {
      if (current) runs.push({ text: current, highlighted });
      current = '';
      highlighted = ch === HIGHLIGHT_START;
    } else {
      current += ch;
    }
  }
  if (current) runs.push({ text: current, highlighted });
  return runs;
}
