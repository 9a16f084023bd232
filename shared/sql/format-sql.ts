// "Format SQL" in the editor: clauses on their own lines, select lists and AND/OR
// conditions one per line, subqueries indented, reserved words in capitals. It only
// changes whitespace and the case of reserved words (which DuckDB reads the same in
// any case): strings, quoted names, comments and every other word stay as written.
import { tokenizeSql, type SqlToken } from './sql-tokens.js';

/** Reserved words written in capitals; never a bare column name in valid SQL. */
const RESERVED = new Set(
  (
    'select from where group by order having limit offset qualify window join left right inner outer full cross natural ' +
    'on using and or not as in is null union all distinct case when then else end with recursive insert into values ' +
    'update set delete create table view drop alter like ilike between asc desc exists except intersect over partition ' +
    'true false cast replace temporary temp if returning lateral any some filter asof positional semi anti describe ' +
    'summarize pivot unpivot collate escape nulls first last rows range preceding following unbounded current row'
  ).split(' '),
);

/** Words that start a clause on a new line; a second word that belongs to them stays on it. */
const CLAUSE_START = new Set([
  'select', 'from', 'where', 'group', 'order', 'having', 'limit', 'offset', 'qualify', 'window', 'union', 'except',
  'intersect', 'with', 'values', 'set', 'returning', 'join', 'left', 'right', 'inner', 'full', 'cross', 'natural',
  'asof', 'positional', 'semi', 'anti', 'insert', 'update', 'delete', 'create', 'drop', 'alter', 'describe', 'summarize',
]);
/** Join words after which JOIN follows on the same line. */
const JOIN_PREFIX = new Set(['left', 'right', 'inner', 'full', 'cross', 'natural', 'asof', 'positional', 'semi', 'anti', 'outer']);
/** Clauses whose commas put the next item on its own line. */
const LIST_CLAUSES = new Set(['select', 'group', 'order', 'set', 'with', 'returning']);
/** Clauses whose AND/OR start a new line. */
const CONDITION_CLAUSES = new Set(['where', 'having', 'on', 'qualify']);
/** Words that keep a space before a following '(' (everything else is a function call). */
const SPACE_BEFORE_PAREN = new Set([
  'in', 'as', 'values', 'using', 'over', 'exists', 'on', 'from', 'join', 'and', 'or', 'not', 'where', 'select', 'with',
  'into', 'table', 'by', 'then', 'else', 'when', 'having', 'union', 'all', 'lateral', 'any', 'some', 'filter', 'is',
  'between', 'case', 'returning', 'set', 'like', 'ilike', 'except', 'intersect', 'distinct', 'view',
]);
const NO_SPACE_BEFORE = new Set([',', ')', ';', '.', '::', ']']);
const NO_SPACE_AFTER = new Set(['(', '.', '::', '[']);
const INDENT = '  ';

interface Frame {
  /** A subquery's parenthesis lays out its own clauses; a call's keeps everything on the line. */
  kind: 'top' | 'sub' | 'call';
  depth: number;
  clause: string;
  between: boolean;
}

const lower = (t: SqlToken) => (t.kind === 'word' ? t.text.toLowerCase() : '');

export function formatSql(sql: string): string {
  const tokens = tokenizeSql(sql).filter((t) => t.kind !== 'space');
  const lines: string[] = [];
  let line = '';
  let lineDepth = 0;
  let prev: SqlToken | null = null;
  let afterLineComment = false;
  let prevUnary = false;
  let pendingBreak: number | null = null;
  const stack: Frame[] = [{ kind: 'top', depth: 0, clause: '', between: false }];
  const frame = () => stack[stack.length - 1]!;

  const newline = (depth: number) => {
    if (line.trim() !== '') lines.push(line.trimEnd());
    line = '';
    lineDepth = depth;
    prev = null;
    prevUnary = false;
  };
  const emit = (text: string, glue: boolean) => {
    if (line === '') line = INDENT.repeat(lineDepth) + text;
    else line += (glue ? '' : ' ') + text;
  };

  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i]!;
    const word = lower(t);
    const f = frame();
    if (afterLineComment) {
      newline(pendingBreak ?? f.depth + (f.clause ? 1 : 0));
      pendingBreak = null;
      afterLineComment = false;
    }
    // A break after a list's comma waits for the next token: a line comment stays on the line it ends.
    if (pendingBreak !== null && !(t.kind === 'comment' && t.text.startsWith('--'))) {
      newline(pendingBreak);
      pendingBreak = null;
    }
    const text = t.kind === 'word' && RESERVED.has(word) ? t.text.toUpperCase() : t.text;
    const p: SqlToken | null = prev;
    const prevText = p ? p.text : '';
    const prevWord = p ? lower(p) : '';

    if (t.kind === 'punct' && t.text === ';') {
      emit(';', true);
      pendingBreak = null;
      stack.length = 1;
      stack[0] = { kind: 'top', depth: 0, clause: '', between: false };
      if (i < tokens.length - 1) {
        newline(0);
        lines.push('');
      }
      continue;
    }

    // A clause begins on its own line at its frame's depth (JOIN after LEFT etc. stays put).
    const continuesClause = (word === 'join' || word === 'outer') && JOIN_PREFIX.has(prevWord);
    if (f.kind !== 'call' && CLAUSE_START.has(word) && !continuesClause) {
      if (line.trim() !== '') newline(f.depth);
      else lineDepth = f.depth;
      f.clause = JOIN_PREFIX.has(word) ? 'join' : word;
      f.between = false;
    } else if (word === 'on' && f.kind !== 'call' && f.clause === 'join') {
      f.clause = 'on';
    }

    if (f.kind !== 'call' && (word === 'and' || word === 'or') && CONDITION_CLAUSES.has(f.clause)) {
      if (f.between && word === 'and') f.between = false;
      else newline(f.depth + 1);
    }
    if (word === 'between') f.between = true;

    if (t.kind === 'punct' && (t.text === '(' || t.text === '[')) {
      const next = tokens.slice(i + 1).find((x) => x.kind !== 'comment');
      const sub = t.text === '(' && next !== undefined && (lower(next) === 'select' || lower(next) === 'with');
      // A call or an index sticks to what it applies to: f(x), list[1], (…)[1].
      const applied = p !== null && (p.kind === 'quoted' || (p.kind === 'word' && !SPACE_BEFORE_PAREN.has(prevWord)) || (t.text === '[' && (p.text === ')' || p.text === ']')));
      emit(t.text, applied || (p !== null && NO_SPACE_AFTER.has(prevText)) || prevUnary);
      prevUnary = false;
      if (sub) {
        stack.push({ kind: 'sub', depth: f.depth + 1, clause: '', between: false });
        newline(f.depth + 1);
      } else {
        stack.push({ kind: 'call', depth: f.depth, clause: f.clause, between: false });
        prev = t;
      }
      continue;
    }
    if (t.kind === 'punct' && (t.text === ')' || t.text === ']') && stack.length > 1) {
      const closing = stack.pop()!;
      if (closing.kind === 'sub') newline(frame().depth);
      emit(t.text, closing.kind !== 'sub');
      prevUnary = false;
      prev = t;
      continue;
    }

    const glue = p === null || (t.kind === 'punct' && NO_SPACE_BEFORE.has(t.text)) || NO_SPACE_AFTER.has(prevText) || prevUnary;
    // A sign right after an operator, '(' , ',' or a reserved word is unary: '-1', not '- 1'.
    prevUnary =
      (t.text === '-' || t.text === '+') &&
      (p === null || (p.kind === 'punct' && p.text !== ')' && p.text !== ']') || (p.kind === 'word' && RESERVED.has(prevWord)));
    emit(text, glue);
    prev = t;

    if (t.kind === 'comment' && t.text.startsWith('--')) afterLineComment = true;
    // CTEs line up with WITH; select, group and order items are indented under their clause.
    if (t.kind === 'punct' && t.text === ',' && f.kind !== 'call' && LIST_CLAUSES.has(f.clause)) pendingBreak = f.clause === 'with' ? f.depth : f.depth + 1;
  }
  newline(0);
  return lines.join('\n');
}
