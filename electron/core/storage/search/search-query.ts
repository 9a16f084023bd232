// What the user typed, as FTS5 query text. Nothing typed is FTS5 syntax: words and
// "quoted phrases" are turned into quoted terms (search-text.ts splits and folds them the
// way the index does), so `"`, `*`, `NEAR(`, `AND`, `-`, `^` or `title:` can never make
// a syntax error; they are words or nothing.
import { tokenize, type SearchToken } from './search-text.js';

/** Consecutive terms; the last may match as a prefix. */
export interface Phrase {
  terms: string[];
  /** Ends in a spaced word that may still be being typed (not `c++`, not CJK). */
  wordEnd: boolean;
  /** 'word': the word is still being typed (dropped for the exact variant); 'unspaced': a single CJK character, always a prefix of its bigrams. */
  prefix: 'none' | 'word' | 'unspaced';
}

/** One typed word or quoted phrase: any of its spellings (`e-mail` or `email`). */
export interface Clause {
  alternatives: Phrase[];
}

/** Every clause must match. */
export interface SearchQuery {
  clauses: Clause[];
  /** The last word is matched as a prefix too, so an exact match of it can rank higher. */
  hasWordPrefix: boolean;
}

const MAX_CLAUSES = 16;
const MAX_PHRASE_TERMS = 32;
const MAX_ALTERNATIVES = 8;

/** Null when nothing searchable was typed. */
export function parseSearchQuery(input: string): SearchQuery | null {
  const clauses: { clause: Clause; open: boolean }[] = [];
  // A quote opens a phrase up to the next quote or the end (a phrase still being typed).
  for (const m of input.matchAll(/"([^"]*)("?)|[^\s"]+/g)) {
    const quoted = m[0].startsWith('"');
    const tokens = tokenize(quoted ? m[1]! : m[0]);
    if (tokens.length === 0) continue;
    clauses.push({ clause: { alternatives: spellings(tokens).map(toPhrase) }, open: !quoted || m[2] !== '"' });
    if (clauses.length === MAX_CLAUSES) break;
  }
  if (clauses.length === 0) return null;
  // Only the last word can still be being typed; earlier ones match whole, which keeps FTS5
  // from merging the index entries of every word they begin.
  const last = clauses[clauses.length - 1]!;
  let hasWordPrefix = false;
  if (last.open) {
    for (const p of last.clause.alternatives) {
      if (p.prefix === 'none' && p.wordEnd) {
        p.prefix = 'word';
        hasWordPrefix = true;
      }
    }
  }
  return { clauses: clauses.map((c) => c.clause), hasWordPrefix };
}

/**
 * Every path through the term stream from its first position to its end, taking a
 * compound's parts or its joined spelling; too many compounds keep the parts only.
 */
function spellings(tokens: SearchToken[]): SearchToken[][] {
  const at = new Map<number, SearchToken[]>();
  for (const t of tokens) at.set(t.pos, [...(at.get(t.pos) ?? []), t]);
  const options = (pos: number) => {
    const all = at.get(pos) ?? [];
    const exclusive = all.filter((t) => t.exclusive);
    return exclusive.length ? exclusive : all;
  };
  const first = tokens[0]!.pos;
  const end = Math.max(...tokens.map((t) => t.next));
  const paths: SearchToken[][] = [];
  const walk = (pos: number, path: SearchToken[]): void => {
    if (paths.length > MAX_ALTERNATIVES) return;
    if (pos >= end) {
      paths.push(path);
      return;
    }
    for (const t of options(pos)) walk(t.next, [...path, t]);
  };
  walk(first, []);
  if (paths.length > 0 && paths.length <= MAX_ALTERNATIVES) return paths;
  const plain: SearchToken[] = [];
  for (let pos = first; pos < end; ) {
    const t = options(pos).find((o) => o.exclusive || !o.extra);
    if (!t) break;
    plain.push(t);
    pos = t.next;
  }
  return [plain.length ? plain : tokens.filter((t) => !t.extra)];
}

function toPhrase(path: SearchToken[]): Phrase {
  let tokens = path;
  let prefix: Phrase['prefix'] = 'none';
  const last = tokens[tokens.length - 1]!;
  // A CJK run's last character is indexed alone only where the run ends; as the end of
  // what was typed it is covered by the bigram before it, or is a prefix when alone.
  if (last.runEnd >= 2) tokens = tokens.slice(0, -1);
  else if (last.runEnd === 1) prefix = 'unspaced';
  if (tokens.length > MAX_PHRASE_TERMS) {
    tokens = tokens.slice(0, MAX_PHRASE_TERMS);
    prefix = 'none';
  }
  const end = tokens[tokens.length - 1]!;
  return { terms: tokens.map((t) => t.term), prefix, wordEnd: !end.unspaced && !/[+#]$/.test(end.term) };
}

/** The query as FTS5 text; `exact` leaves the last word whole (for ranking exact matches first). */
export function toFtsMatch(query: SearchQuery, exact = false): string {
  return query.clauses
    .map(({ alternatives }) => {
      const phrases = alternatives.map((p) => {
        const star = p.prefix === 'unspaced' || (p.prefix === 'word' && !exact) ? '*' : '';
        return `"${p.terms.join(' ').replaceAll('"', '""')}"${star}`;
      });
      return phrases.length === 1 ? phrases[0]! : `(${phrases.join(' OR ')})`;
    })
    .join(' AND '); // implicit AND does not follow a parenthesised group
}
