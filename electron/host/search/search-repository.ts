// Full-text search over a profile's live tasks, notes and events (FTS5), ranked so
// results of different kinds compare (see `search`).
import type Database from 'better-sqlite3';
import type { ParsedInput } from '../../../shared/contract.js';
import { ITEM_KINDS, type ItemKind, type SearchHit } from '../../../shared/search/search.js';
import { highlightAll, matchText, snippet } from '../../core/storage/search/search-highlight.js';
import { SEARCH_SOURCES, SearchIndex } from '../../core/storage/search/search-index.js';
import { parseSearchQuery, toFtsMatch, type SearchQuery } from '../../core/storage/search/search-query.js';
import { Statements } from '../../core/storage/repositories/statements.js';

export type SearchInput = ParsedInput<'search'>;

const DEFAULT_LIMIT = 50;
const SNIPPET_TOKENS = 16;
/**
 * bm25 costs a few µs per matching document, so a word found in most of 50,000 notes
 * would take ~100 ms to rank in full. Per kind we rank at most the newest RANK_WINDOW matches,
 * plus the newest RANK_WINDOW title matches; below that, ranking is over every match.
 */
export const RANK_WINDOW = 500;

/** bm25 weights per column, in SEARCH_SOURCES order: titles ×10, an event's location ×2. */
const WEIGHTS: Record<ItemKind, string> = { task: '10.0, 1.0', note: '10.0, 1.0', event: '10.0, 1.0, 2.0' };

/**
 * How well an item matched, best first. bm25 values from different FTS tables do not
 * compare (each has its own word statistics: a word in half the notes is worth almost
 * nothing there and a lot among events), so items are put in tiers first — every word in
 * the title, then the last word matched whole rather than as a prefix of a longer word —
 * and within a tier by bm25 divided by the best bm25 of the same kind in that tier.
 */
const TITLE_TIER = 2;
const EXACT_TIER = 1;

interface Candidate {
  kind: ItemKind;
  rowid: number;
  tier: number;
  bm25: number;
  /** Lower is better: -(tier + bm25 relative to the best of its kind in its tier). */
  score: number;
}

export class SearchRepository {
  private readonly s: Statements;
  private readonly index: SearchIndex;

  constructor(db: Database.Database) {
    this.s = new Statements(db);
    this.index = new SearchIndex(db);
  }

  search(input: SearchInput): SearchHit[] {
    this.index.catchUp();
    const query = parseSearchQuery(input.query);
    if (query === null) return [];
    const limit = input.limit ?? DEFAULT_LIMIT;
    const kinds = input.kinds ?? ITEM_KINDS;
    const candidates = kinds.flatMap((kind) => this.rank(kind, query));
    const best = top(candidates, limit);
    const hits = new Map<Candidate, SearchHit>();
    for (const kind of ITEM_KINDS) {
      const mine = best.filter((c) => c.kind === kind);
      if (mine.length) this.present(kind, query, mine, hits);
    }
    return best.map((c) => hits.get(c)).filter((h): h is SearchHit => h !== undefined);
  }

  /** The matches of one kind with their tier and score, without highlights (they cost far more). */
  private rank(kind: ItemKind, query: SearchQuery): Candidate[] {
    const { fts } = SEARCH_SOURCES[kind];
    const title = SEARCH_SOURCES[kind].columns[0]!;
    // Newest first is the order FTS5 reads its index in, so the window costs no sort.
    const scored = this.s.get(
      `SELECT rowid, bm25(${fts}, ${WEIGHTS[kind]}) AS score FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}`,
    );
    const ids = this.s.get(`SELECT rowid FROM ${fts} WHERE ${fts} MATCH ? ORDER BY rowid DESC LIMIT ${RANK_WINDOW}`).pluck();
    const match = toFtsMatch(query);
    const anywhere = new Map((scored.all(match) as { rowid: number; score: number }[]).map((r) => [r.rowid, r.score]));
    // Title matches get their own window, so a window full of body matches cannot hide an
    // older item whose title matches. The windows nest (every exact match is a match, and
    // both are read newest first), so an item in a window is in the narrower one if it matches it.
    const inTitle = new Map((scored.all(`${title} : (${match})`) as { rowid: number; score: number }[]).map((r) => [r.rowid, r.score]));
    let exactAnywhere: Set<number> | null = null;
    let exactInTitle: Set<number> | null = null;
    if (query.hasWordPrefix) {
      const exact = toFtsMatch(query, true);
      exactAnywhere = new Set(ids.all(exact) as number[]);
      exactInTitle = new Set(ids.all(`${title} : (${exact})`) as number[]);
    }
    const out: Candidate[] = [];
    for (const rowid of new Set([...inTitle.keys(), ...anywhere.keys()])) {
      const titled = inTitle.has(rowid);
      const exact = titled ? (exactInTitle?.has(rowid) ?? true) : (exactAnywhere?.has(rowid) ?? true);
      const tier = (titled ? TITLE_TIER : 0) + (exact ? EXACT_TIER : 0);
      out.push({ kind, rowid, tier, bm25: (titled ? inTitle.get(rowid) : anywhere.get(rowid))!, score: 0 });
    }
    const bestInTier = new Map<number, number>();
    for (const c of out) bestInTier.set(c.tier, Math.min(bestInTier.get(c.tier) ?? 0, c.bm25));
    for (const c of out) {
      const best = bestInTier.get(c.tier)!;
      c.score = -(c.tier + (best < 0 ? c.bm25 / best : 1));
    }
    return out;
  }

  /** Highlights and snippets for the chosen rows of one kind, from their stored text. */
  private present(kind: ItemKind, query: SearchQuery, chosen: Candidate[], out: Map<Candidate, SearchHit>): void {
    const { table, columns } = SEARCH_SOURCES[kind];
    const rows = this.s
      .get(`SELECT rowid, id, ${columns.join(', ')} FROM ${table} WHERE rowid IN (SELECT value FROM json_each(?)) AND deleted_at IS NULL`)
      .all(JSON.stringify(chosen.map((c) => c.rowid))) as Record<string, string | number>[];
    const byRowid = new Map(rows.map((r) => [r.rowid as number, r]));
    for (const c of chosen) {
      const row = byRowid.get(c.rowid);
      if (!row) continue;
      const [titleColumn, ...rest] = columns;
      // The first of the other columns that matched (an event's description, else its location).
      const texts = rest.map((col) => matchText(String(row[col] ?? ''), query));
      const excerpt = texts.find((t) => t.spans.length > 0);
      out.set(c, {
        kind,
        id: String(row.id),
        title: highlightAll(matchText(String(row[titleColumn!] ?? ''), query)),
        snippet: excerpt ? snippet(excerpt, SNIPPET_TOKENS) : '',
        score: c.score,
      });
    }
  }
}

/**
 * The `limit` best candidates, best first (newest first among equals), with the best of
 * every kind that matched: a kind crowded out (say, one event among hundreds of
 * matching notes) takes the place of the lowest-ranked item of a kind listed more than once.
 */
function top(candidates: Candidate[], limit: number): Candidate[] {
  const sorted = [...candidates].sort((a, b) => a.score - b.score || b.rowid - a.rowid || a.kind.localeCompare(b.kind));
  const chosen = sorted.slice(0, limit);
  const kinds = new Set(chosen.map((c) => c.kind));
  for (const c of sorted) {
    if (kinds.has(c.kind)) continue;
    kinds.add(c.kind);
    const counts = new Map<ItemKind, number>();
    for (const x of chosen) counts.set(x.kind, (counts.get(x.kind) ?? 0) + 1);
    for (let i = chosen.length - 1; i >= 0; i--) {
      if ((counts.get(chosen[i]!.kind) ?? 0) > 1) {
        chosen.splice(i, 1);
        chosen.push(c);
        break;
      }
    }
  }
  return chosen;
}
