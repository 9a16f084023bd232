// A lexer for DuckDB's SQL that knows only what decides where a statement ends and
// what may be reflowed: strings ('…', E'…', $tag$…$tag$), quoted identifiers, line
// and (nested) block comments. Everything else is words, numbers and punctuation.
// The editor's statement-under-cursor and the formatter both rely on it, so a ';' or
// a keyword inside a string or a comment is never taken for SQL.

export type SqlTokenKind = 'space' | 'word' | 'quoted' | 'string' | 'number' | 'comment' | 'punct';

export interface SqlToken {
  kind: SqlTokenKind;
  text: string;
  /** Offset of the token's first character in the source. */
  from: number;
}

const WORD_START = /[A-Za-z_\u0080-\uffff]/;
const WORD_PART = /[A-Za-z0-9_$\u0080-\uffff]/;
const DIGIT = /[0-9]/;
/** Operators of two or more characters, longest first (so `::` is never two `:`). */
const OPERATORS = ['->>', '::', '<=', '>=', '<>', '!=', '||', '->', '=>', '**', '//', '<<', '>>', ':='];

/** End (exclusive) of a quoted run starting at `start` with `quote`; a doubled quote is one character. */
function endOfQuoted(sql: string, start: number, quote: string, backslash: boolean): number {
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (backslash && c === '\\') {
      i += 2;
      continue;
    }
    if (c === quote) {
      if (sql[i + 1] === quote) {
        i += 2;
        continue;
      }
      return i + 1;
    }
    i++;
  }
  return sql.length;
}

function endOfBlockComment(sql: string, start: number): number {
  let depth = 0;
  let i = start;
  while (i < sql.length) {
    if (sql.startsWith('/*', i)) {
      depth++;
      i += 2;
    } else if (sql.startsWith('*/', i)) {
      depth--;
      i += 2;
      if (depth === 0) return i;
    } else i++;
  }
  return sql.length;
}

/** Splits SQL into tokens whose texts, joined, are the source exactly. */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  const push = (kind: SqlTokenKind, end: number) => {
    tokens.push({ kind, text: sql.slice(i, end), from: i });
    i = end;
  };
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      let j = i + 1;
      while (j < sql.length && /\s/.test(sql[j]!)) j++;
      push('space', j);
    } else if (c === '-' && sql[i + 1] === '-') {
      const nl = sql.indexOf('\n', i);
      push('comment', nl < 0 ? sql.length : nl);
    } else if (c === '/' && sql[i + 1] === '*') {
      push('comment', endOfBlockComment(sql, i));
    } else if (c === "'") {
      push('string', endOfQuoted(sql, i, "'", false));
    } else if ((c === 'E' || c === 'e') && sql[i + 1] === "'") {
      push('string', endOfQuoted(sql, i + 1, "'", true));
    } else if (c === '"') {
      push('quoted', endOfQuoted(sql, i, '"', false));
    } else if (c === '$' && /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.test(sql.slice(i, i + 66))) {
      const tag = /^\$([A-Za-z_][A-Za-z0-9_]*)?\$/.exec(sql.slice(i, i + 66))![0];
      const close = sql.indexOf(tag, i + tag.length);
      push('string', close < 0 ? sql.length : close + tag.length);
    } else if (WORD_START.test(c)) {
      let j = i + 1;
      while (j < sql.length && WORD_PART.test(sql[j]!)) j++;
      push('word', j);
    } else if (DIGIT.test(c) || (c === '.' && DIGIT.test(sql[i + 1] ?? ''))) {
      const m = /^(0x[0-9a-fA-F_]+|[0-9_]*\.?[0-9_]+(e[+-]?[0-9]+)?\.?)/i.exec(sql.slice(i));
      push('number', i + Math.max(1, m ? m[0].length : 1));
    } else {
      const op = OPERATORS.find((o) => sql.startsWith(o, i));
      push('punct', i + (op ? op.length : 1));
    }
  }
  return tokens;
}
