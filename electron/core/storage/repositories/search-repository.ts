// Full-text search over a profile's live tasks, notes and events (FTS5, bm25).
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../../shared/contract.js';
import { ITEM_KINDS, SNIPPET_ELLIPSIS, type ItemKind, type SearchHit } from '../../../../shared/search.js';
import { Statements } from './statements.js';

export type SearchInput = ParsedInput<'search'>;

const DEFAULT_LIMIT = 50;
const MAX_TERMS = 16;
const SNIPPET_TOKENS = 16;
/**
 * bm25 costs a few µs per matching document, so a word found in most of 50,000 notes
 * would take ~100 ms to rank in full. Per kind we rank at most the newest RANK_WINDOW matches,
 * plus the newest RANK_WINDOW title matches; below that, ranking is over every match.
 */
export const RANK_WINDOW = 500;

// char(2)/char(3) are HIGHLIGHT_START/HIGHLIGHT_END of shared/search.ts.
const MARKS = `char(2), char(3)`;

/** Per kind: its FTS table, its content table, bm25 weights per column (titles ×10) and the snippet column. */
const SOURCES: Record<ItemKind, { fts: string; table: string; weights: string; snippetColumn: number }> = {
  task: { fts: 'tasks_fts', table: 'tasks', weights: '10.0, 1.0', snippetColumn: 1 },
  note: { fts: 'notes_fts', table: 'notes', weights: '10.0, 1.0', snippetColumn: 1 },
  event: { fts: 'events_fts', table: 'events', weights: '10.0, 1.0, 2.0', snippetColumn: 1 },
};

/**
 * What the user typed, as an FTS5 query: each word quoted (so no character is FTS5
 * syntax); all words must occur. The last word may still be being typed, so it also
 * matches as a prefix; earlier ones match whole, which keeps FTS5 from merging the
 * index entries of every word they begin. Null when there is no word.
 */
export function toFtsQuery(query: string): string | null {
  const words = query.match(/[\p{L}\p{N}\p{M}]+/gu)?.slice(0, MAX_TERMS) ?? [];
  return words.length === 0 ? null : words.map((w, i) => `"${w}"${i === words.length - 1 ? '*' : ''}`).join(' ');
}

interface Candidate {
  kind: ItemKind;
  rowid: number;
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
    const candidates: Candidate[] = [];
    for (const kind of input.kinds ?? ITEM_KINDS) candidates.push(...this.rank(kind, match));
    const best = candidates.sort((a, b) => a.score - b.score || b.rowid - a.rowid).slice(0, limit);
    const hits = new Map<Candidate, SearchHit>();
    for (const kind of ITEM_KINDS) {
      const mine = best.filter((c) => c.kind === kind);
      if (mine.length) this.present(kind, match, mine, hits);
    }
    return best.map((c) => hits.get(c)).filter((h): h is SearchHit => h !== undefined);
  }

  /** The best-scoring matches of one kind, without highlights (they cost far more than a score). */
  private rank(kind: ItemKind, match: string): Candidate[] {
    const { fts, weights } = SOURCES[kind];
    // Newest first is the order FTS5 reads its index in, so the window costs no sort.
    const ranked = this.s.get(
      `SELECT rowid, bm25(${fts}, ${weights}) AS score FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}`,
    );
    const rows = ranked.all(match) as { rowid: number; score: number }[];
    const scores = new Map(rows.map((r) => [r.rowid, r.score]));
    if (rows.length === RANK_WINDOW) {
      // A window full of body matches must not hide an older item whose title matches.
      for (const r of ranked.all(`title : (${match})`) as { rowid: number; score: number }[]) {
        if (!scores.has(r.rowid)) scores.set(r.rowid, r.score);
      }
    }
    return [...scores].map(([rowid, score]) => ({ kind, rowid, score }));
  }

  /** Highlights and snippets for the chosen rows of one kind. */
  private present(kind: ItemKind, match: string, chosen: Candidate[], out: Map<Candidate, SearchHit>): void {
    const { fts, table, snippetColumn } = SOURCES[kind];
    const rowids = chosen.map((c) => c.rowid);
    const list = JSON.stringify(rowids);
    // The rowid range lets FTS5 skip to the chosen rows; `+rowid` keeps the IN list a
    // plain filter, so highlight() and snippet() run for the chosen rows only.
    const rows = this.s
      .get(
        `SELECT rowid, highlight(${fts}, 0, ${MARKS}) AS title,
           snippet(${fts}, ${snippetColumn}, ${MARKS}, '${SNIPPET_ELLIPSIS}', ${SNIPPET_TOKENS}) AS snippet
         FROM ${fts} WHERE ${fts} MATCH ? AND rowid >= ? AND rowid <= ? AND +rowid IN (SELECT value FROM json_each(?))`,
      )
      .all(match, Math.min(...rowids), Math.max(...rowids), list) as { rowid: number; title: string; snippet: string | null }[];
    const ids = this.s
      .get(`SELECT rowid, id FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
      .all(list) as { rowid: number; id: string }[];
    const idOf = new Map(ids.map((r) => [r.rowid, r.id]));
    const textOf = new Map(rows.map((r) => [r.rowid, r]));
    for (const c of chosen) {
      const id = idOf.get(c.rowid);
      const text = textOf.get(c.rowid);
      if (id !== undefined && text) out.set(c, { kind, id, title: text.title, snippet: text.snippet ?? '', score: c.score });
    }
  }
}
