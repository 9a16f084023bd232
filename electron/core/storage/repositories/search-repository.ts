// Full-text search over a profile's live tasks, notes and events (FTS5, bm25).
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/contract.js';
import { ITEM_KINDS, SNIPPET_ELLIPSIS, type ItemKind, type SearchHit } from '../../../../shared/search.js';
import { Statements } from './statements.js';

export type SearchInput = ParsedInput<'search'>;

const DEFAULT_LIMIT = 50;
const MAX_TERMS = 16;
const SNIPPET_TOKENS = 16;

// char(2)/char(3) are HIGHLIGHT_START/HIGHLIGHT_END of shared/search.ts.
const MARKS = `char(2), char(3)`;

/** Per kind: its FTS table, its content table and which FTS column the snippet comes from. */
const SOURCES: Record<ItemKind, { fts: string; table: string; snippetColumn: number }> = {
  task: { fts: 'tasks_fts', table: 'tasks', snippetColumn: 1 },
  note: { fts: 'notes_fts', table: 'notes', snippetColumn: 1 },
  event: { fts: 'events_fts', table: 'events', snippetColumn: 1 },
};

/**
 * What the user typed, as an FTS5 query: each word quoted (so no character is FTS5
 * syntax) and matched as a prefix; all words must occur. Null when there is no word.
 */
export function toFtsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}\p{M}]+/gu)?.slice(0, MAX_TERMS) ?? [];
  return words.length === 0 ? null : words.map((w) => `"${w}"*`).join(' ');
}

interface HitRow {
  id: string;
  title: string;
  snippet: string | null;
  score: number;
}

export class SearchRepository {
  private readonly s: Statements;

  constructor(db: Database.Database) {
    this.s = new Statements(db);
  }

  search(input: SearchInput): SearchHit[] {
    const match = toFtsQuery(input.query);
    if (match === null) return [];
    const limit = input.limit ?? DEFAULT_LIMIT;
    const hits: SearchHit[] = [];
    for (const kind of input.kinds ?? ITEM_KINDS) {
      const { fts, table, snippetColumn } = SOURCES[kind];
      // ORDER BY rank inside FTS5 lets the LIMIT stop early, so highlight() and
      // snippet() run for the returned rows only.
      const rows = this.s
        .get(
          `SELECT c.id AS id, highlight(${fts}, 0, ${MARKS}) AS title,
             snippet(${fts}, ${snippetColumn}, ${MARKS}, '${SNIPPET_ELLIPSIS}', ${SNIPPET_TOKENS}) AS snippet, rank AS score
           FROM ${fts} JOIN ${table} c ON c.rowid = ${fts}.rowid
           WHERE ${fts} MATCH ? AND c.deleted_at IS NULL ORDER BY rank LIMIT ?`,
        )
        .all(match, limit) as HitRow[];
      for (const r of rows) hits.push({ kind, id: r.id, title: r.title, snippet: r.snippet ?? '', score: r.score });
    }
    return hits.sort((a, b) => a.score - b.score || a.id.localeCompare(b.id)).slice(0, limit);
  }
}
