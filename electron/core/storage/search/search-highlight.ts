// Highlights and snippets, computed from the stored text with the same tokenizer and
// query terms as the index (FTS5's own highlight() would show the folded index text).
import { HIGHLIGHT_END, HIGHLIGHT_START, SNIPPET_ELLIPSIS } from '../../../../shared/search/search.js';
import type { Phrase, SearchQuery } from './search-query.js';
import { tokenize, type SearchToken } from './search-text.js';

interface Span {
  start: number;
  end: number;
  clause: number;
}

/** A text prepared for highlighting: its terms, and where the query matched them. */
export interface MatchedText {
  text: string;
  tokens: SearchToken[];
  spans: Span[];
}

export function matchText(text: string, query: SearchQuery): MatchedText {
  const tokens = tokenize(text);
  const at: SearchToken[][] = [];
  if (query.clauses.some((c) => c.alternatives.some((p) => p.terms.length > 1))) {
    for (const t of tokens) (at[t.pos] ??= []).push(t);
  }
  const spans: Span[] = [];
  query.clauses.forEach(({ alternatives }, clause) => {
    for (const phrase of alternatives) {
      const term = phrase.terms[0]!;
      const prefix = phrase.terms.length === 1 && phrase.prefix !== 'none';
      for (const first of tokens) {
        if (prefix ? !first.term.startsWith(term) : first.term !== term) continue;
        const last = follow(phrase, first, at);
        if (last) spans.push({ start: first.start, end: last.end, clause });
      }
    }
  });
  return { text, tokens, spans: merge(spans) };
}

function fits(phrase: Phrase, k: number, t: SearchToken): boolean {
  const term = phrase.terms[k]!;
  return k === phrase.terms.length - 1 && phrase.prefix !== 'none' ? t.term.startsWith(term) : t.term === term;
}

/** The phrase's last token when it occurs from `first` on (which fits its first term), else null. */
function follow(phrase: Phrase, first: SearchToken, at: SearchToken[][]): SearchToken | null {
  let current = first;
  for (let k = 1; k < phrase.terms.length; k++) {
    const next = at[current.next]?.find((t) => fits(phrase, k, t));
    if (!next) return null;
    current = next;
  }
  return current;
}

function merge(spans: Span[]): Span[] {
  const sorted = [...spans].sort((a, b) => a.start - b.start || b.end - a.end);
  const out: Span[] = [];
  for (const s of sorted) {
    const prev = out[out.length - 1];
    if (prev && s.start <= prev.end) prev.end = Math.max(prev.end, s.end);
    else out.push({ ...s });
  }
  return out;
}

function mark(text: string, spans: Span[], from: number, to: number): string {
  let out = '';
  let at = from;
  for (const s of spans) {
    if (s.end <= from || s.start >= to) continue;
    const start = Math.max(s.start, from);
    const end = Math.min(s.end, to);
    out += text.slice(at, start) + HIGHLIGHT_START + text.slice(start, end) + HIGHLIGHT_END;
    at = end;
  }
  return out + text.slice(at, to);
}

/** The whole text with its matches marked. */
export function highlightAll(m: MatchedText): string {
  return mark(m.text, m.spans, 0, m.text.length);
}

/**
 * About `size` terms around the matches, preferring the window that holds the most
 * different query words, with an ellipsis where the text is cut; '' when nothing matched.
 */
export function snippet(m: MatchedText, size: number): string {
  if (m.spans.length === 0) return '';
  const words = m.tokens.filter((t) => !t.extra);
  const lead = Math.min(3, Math.floor(size / 4));
  let best = { from: 0, score: -1 };
  for (const s of m.spans) {
    const index = Math.max(0, words.findIndex((t) => t.end > s.start) - lead);
    const from = Math.max(0, Math.min(index, words.length - size));
    const startOff = words[from]!.start;
    const endOff = words[Math.min(words.length, from + size) - 1]!.end;
    const inside = m.spans.filter((x) => x.start >= startOff && x.end <= endOff);
    const score = new Set(inside.map((x) => x.clause)).size * 1000 + inside.length;
    if (score > best.score) best = { from, score };
  }
  const to = Math.min(words.length, best.from + size);
  const startOff = best.from === 0 ? 0 : words[best.from]!.start;
  const endOff = to === words.length ? m.text.length : words[to - 1]!.end;
  const body = mark(m.text, m.spans, startOff, endOff).trim();
  return `${best.from > 0 ? SNIPPET_ELLIPSIS : ''}${body}${to < words.length ? SNIPPET_ELLIPSIS : ''}`;
}
