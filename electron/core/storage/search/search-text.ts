// How text becomes search terms — the one tokenizer for what is indexed and what is
// typed, so both sides fold and split identically. FTS5 then only splits on the spaces
// this module puts between terms.
//
// - Folding: lower case, compatibility forms (ﬁ, full-width Ａ), Latin and Greek accents
//   (café, καλημέρα; FTS5's remove_diacritics covers Latin only), ß → ss and a few
//   letters Unicode does not decompose (ø, æ, ł …). Cyrillic and Japanese marks are kept:
//   й and が are letters of their own there.
// - Chinese, Japanese, Korean and Thai are written without spaces between words: a run of
//   them becomes overlapping bigrams plus its last character, so any substring of two or
//   more characters is a phrase of bigrams and a single character a prefix.
// - Compounds (`e-mail`, `node.js`, `don't`) index their parts and, after the column's
//   text, their joined spelling (`email`), so either spelling finds the other.
// - `C++`, `C#`, `F#` keep their symbols (the FTS5 tokenizer takes + and # as word
//   characters); `.NET` also indexes `dotnet`.

/** One term of a text, where it came from, and where it sits in the term stream. */
export interface SearchToken {
  /** The folded term, as indexed. */
  term: string;
  /** UTF-16 offsets in the source text. */
  start: number;
  end: number;
  /** Position in the stream; `next` is the position after it (joined forms span their parts). */
  pos: number;
  next: number;
  /** A joined or `dot` spelling, indexed after the column's text rather than in place. */
  extra: boolean;
  /** A query must take this spelling where it starts (`.NET` → `dotnet`, never plain `net`). */
  exclusive: boolean;
  /** A bigram or character of unspaced script. */
  unspaced: boolean;
  /** For the last character of a run of unspaced script: how many characters that run has; else 0. */
  runEnd: number;
}

const WORD = String.raw`[\p{L}\p{N}\p{M}]`;
// A word, its compound parts, an optional `.` before it (.NET) and + / # after it (C++).
// Symbols count after a letter and before no letter: C++, C#, C++17; not 1+1 or a+b.
const WORD_RE = new RegExp(String.raw`(\.(?=\p{L}))?(${WORD}+(?:[-\u2010\u2011.'\u2019]${WORD}+)*)((?<=\p{L})[+#\uff0b\uff03]+(?![+#\uff0b\uff03\p{L}]))?`, 'gu');
// The same for text that is all ASCII (most text), which a Unicode class slows down several times.
const ASCII_WORD_RE = /(\.(?=[a-zA-Z]))?([a-zA-Z0-9]+(?:[-.'][a-zA-Z0-9]+)*)((?<=[a-zA-Z])[+#]+(?![+#a-zA-Z]))?/g;
const ASCII_WORD_STICKY = new RegExp(ASCII_WORD_RE.source, 'y');
const isAlpha = (c: number) => (c >= 65 && c <= 90) || (c >= 97 && c <= 122);
const isAlnum = (c: number) => isAlpha(c) || (c >= 48 && c <= 57);
/** Not a plain word: a compound or something not ASCII. */
const SIMPLE_BREAK_RE = /[^a-zA-Z0-9]/;
const JOINER_RE = /[-\u2010\u2011.'\u2019]/u;
const UNSPACED_RE =
  /[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}\p{Script=Thai}\p{Script=Lao}\p{Script=Khmer}\p{Script=Myanmar}\u3005\u30fc\uff70]/u;
const MARK_RE = /\p{M}/u;
const ACCENT_RE = /([\p{Script=Latin}\p{Script=Greek}])[\u0300-\u036f]+/gu;
const ASCII_RE = /^[^\u0080-\uffff]*$/;
const LETTER_RE = /\p{L}/u;
/** Letters that neither lower-casing nor decomposition fold to their plain spelling. */
const SPECIAL: Record<string, string> = { ß: 'ss', æ: 'ae', œ: 'oe', ø: 'o', đ: 'd', ð: 'd', ł: 'l', þ: 'th', ı: 'i', ħ: 'h', ŧ: 't', ς: 'σ' };
const SPECIAL_RE = new RegExp(`[${Object.keys(SPECIAL).join('')}]`, 'gu');

/** The folded spelling of a piece of text (no splitting). */
export function foldText(s: string): string {
  const lower = s.toLowerCase();
  if (ASCII_RE.test(lower)) return lower;
  return lower
    .normalize('NFKD')
    .replace(ACCENT_RE, '$1')
    .normalize('NFC')
    .replace(SPECIAL_RE, (c) => SPECIAL[c]!);
}

/** The terms of a text in order, joined spellings included (flagged `extra`). */
export function tokenize(text: string): SearchToken[] {
  const out: SearchToken[] = [];
  let pos = 0;
  const push = (term: string, start: number, end: number, unspaced = false, runEnd = 0) => {
    if (!term) return;
    out.push({ term, start, end, pos, next: pos + 1, extra: false, exclusive: false, unspaced, runEnd });
    pos++;
  };
  const word = (m: RegExpMatchArray & { index: number }) => {
    const dot = m[1] ?? '';
    const body = m[2]!;
    if (!dot && m[3] === undefined && !SIMPLE_BREAK_RE.test(body)) {
      // The common case: one word of one script, no compound, no symbols.
      splitRuns(body, m.index, '', push);
      return;
    }
    const symbols = (m[3] ?? '').replace(/\uff0b/g, '+').replace(/\uff03/g, '#');
    const bodyStart = m.index + dot.length;
    const firstPos = pos;
    const parts: { text: string; start: number }[] = [];
    let offset = bodyStart;
    for (const part of body.split(JOINER_RE)) {
      parts.push({ text: part, start: offset });
      offset += part.length + 1;
    }
    let spaced = true;
    parts.forEach((part, i) => {
      const isLast = i === parts.length - 1;
      spaced = splitRuns(part.text, part.start, isLast ? symbols : '', push) && spaced;
    });
    const end = m.index + m[0].length;
    // Joined spellings of spaced-script compounds whose parts hold a letter (not 2030-03-01).
    if (parts.length > 1 && spaced && parts.some((p) => LETTER_RE.test(p.text))) {
      const term = foldText(parts.map((p) => p.text).join('')) + symbols;
      out.push({ term, start: bodyStart, end, pos: firstPos, next: pos, extra: true, exclusive: false, unspaced: false, runEnd: 0 });
    }
    if (dot && spaced) {
      const first = parts[0]!;
      const term = `dot${foldText(first.text)}${parts.length === 1 ? symbols : ''}`;
      const firstEnd = parts.length === 1 ? end : first.start + first.text.length;
      out.push({ term, start: m.index, end: firstEnd, pos: firstPos, next: firstPos + 1, extra: true, exclusive: true, unspaced: false, runEnd: 0 });
    }
  };
  if (!ASCII_RE.test(text)) {
    for (const m of text.matchAll(WORD_RE)) word(m);
    return out;
  }
  // ASCII text: plain words are sliced out directly (no match arrays to allocate); the
  // regular expression reads only what may be a compound or carry symbols, from where it starts.
  const n = text.length;
  for (let i = 0; i < n; ) {
    const c = text.charCodeAt(i);
    if (isAlnum(c)) {
      let j = i + 1;
      while (j < n && isAlnum(text.charCodeAt(j))) j++;
      const after = j < n ? text.charCodeAt(j) : 0;
      const joined = (after === 45 || after === 46 || after === 39) && j + 1 < n && isAlnum(text.charCodeAt(j + 1));
      if (!joined && after !== 43 && after !== 35) {
        push(text.slice(i, j).toLowerCase(), i, j);
        i = j;
        continue;
      }
    } else if (!(c === 46 && i + 1 < n && isAlpha(text.charCodeAt(i + 1)))) {
      i++;
      continue;
    }
    ASCII_WORD_STICKY.lastIndex = i;
    const m = ASCII_WORD_STICKY.exec(text)!;
    word(m);
    i += m[0].length;
  }
  return out;
}

/**
 * Splits one word into runs of spaced and unspaced script: a spaced run is one term
 * (with the word's trailing symbols), an unspaced one bigrams and its last character.
 * Returns whether the word was spaced script only.
 */
function splitRuns(word: string, start: number, symbols: string, push: (term: string, start: number, end: number, unspaced?: boolean, runEnd?: number) => void): boolean {
  if (ASCII_RE.test(word)) {
    push(word.toLowerCase() + symbols, start, start + word.length + symbols.length);
    return true;
  }
  // Characters with their combining marks, each classified.
  const units: { text: string; start: number; unspaced: boolean }[] = [];
  let i = 0;
  for (const ch of word) {
    const last = units[units.length - 1];
    if (last && MARK_RE.test(ch)) last.text += ch;
    else units.push({ text: ch, start: start + i, unspaced: UNSPACED_RE.test(ch) });
    i += ch.length;
  }
  let spacedOnly = true;
  let k = 0;
  while (k < units.length) {
    let j = k;
    while (j < units.length && units[j]!.unspaced === units[k]!.unspaced) j++;
    const run = units.slice(k, j);
    const runStart = run[0]!.start;
    const runEnd = run[run.length - 1]!.start + run[run.length - 1]!.text.length;
    if (!run[0]!.unspaced) {
      push(foldText(run.map((u) => u.text).join('')) + (j === units.length ? symbols : ''), runStart, runEnd + (j === units.length ? symbols.length : 0));
    } else {
      spacedOnly = false;
      const folded = run.map((u) => foldText(u.text));
      for (let u = 0; u + 1 < run.length; u++) push(folded[u]! + folded[u + 1]!, run[u]!.start, run[u + 1]!.start + run[u + 1]!.text.length, true);
      push(folded[run.length - 1]!, run[run.length - 1]!.start, runEnd, true, run.length);
    }
    k = j;
  }
  return spacedOnly;
}

/** What FTS5 indexes for one column: its terms in order, then its joined spellings. */
export function indexText(text: string): string {
  const tokens = tokenize(text);
  const main = tokens.filter((t) => !t.extra).map((t) => t.term);
  const extra = tokens.filter((t) => t.extra).map((t) => t.term);
  return main.concat(extra).join(' ');
}
