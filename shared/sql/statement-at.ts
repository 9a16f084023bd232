// Which statement Ctrl/Cmd+Enter runs: the one the cursor is in. Statements end at a
// ';' outside strings, quoted names and comments (sql-tokens.ts).
import { tokenizeSql } from './sql-tokens.js';

export interface StatementSpan {
  /** Offsets in the source of the statement's first and after its last character (';' excluded, whitespace trimmed). */
  from: number;
  to: number;
  text: string;
}

interface Segment {
  /** Where the segment starts and where its ';' is (or the end of the source). */
  start: number;
  end: number;
  statement: StatementSpan | null;
}

function segments(sql: string): Segment[] {
  const out: Segment[] = [];
  let start = 0;
  let first = -1;
  let last = -1;
  let hasCode = false;
  const close = (end: number) => {
    const statement = hasCode && first >= 0 ? { from: first, to: last, text: sql.slice(first, last) } : null;
    out.push({ start, end, statement });
    start = end + 1;
    first = -1;
    last = -1;
    hasCode = false;
  };
  for (const t of tokenizeSql(sql)) {
    if (t.kind === 'punct' && t.text === ';') {
      close(t.from);
      continue;
    }
    if (t.kind === 'space') continue;
    if (first < 0) first = t.from;
    last = t.from + t.text.length;
    if (t.kind !== 'comment') hasCode = true;
  }
  close(sql.length);
  return out;
}

/** Every statement with some SQL in it (not only comments), in order. */
export function splitStatements(sql: string): StatementSpan[] {
  return segments(sql).flatMap((s) => (s.statement ? [s.statement] : []));
}

/**
 * The statement at `cursor`: the one whose text or closing ';' the cursor is in or
 * right after. In blank space between statements, the one before it (the one just
 * typed), else the next one. Null when there is no SQL at all.
 */
export function statementAt(sql: string, cursor: number): StatementSpan | null {
  const all = segments(sql);
  const at = Math.max(0, Math.min(cursor, sql.length));
  const index = all.findIndex((s) => at >= s.start && at <= s.end);
  const here = all[index];
  if (!here) return null;
  if (here.statement) {
    // Right after a ';' with only blank space before the cursor: the statement that ';' ended.
    if (at < here.statement.from && index > 0 && all[index - 1]!.statement && /^[ \t]*$/.test(sql.slice(here.start, at))) {
      return all[index - 1]!.statement;
    }
    return here.statement;
  }
  for (let i = index - 1; i >= 0; i--) if (all[i]!.statement) return all[i]!.statement;
  for (let i = index + 1; i < all.length; i++) if (all[i]!.statement) return all[i]!.statement;
  return null;
}
