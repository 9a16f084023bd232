// CodeMirror pieces of the SQL editor: the language with this profile's tables and
// columns and DuckDB's functions to complete, the error marker (a gutter dot, the
// line tinted, the word underlined), and the editor's look in the app's colours.
import { type Completion, type CompletionContext, type CompletionResult } from '@codemirror/autocomplete';
import { PostgreSQL, sql, type SQLNamespace } from '@codemirror/lang-sql';
import { HighlightStyle, syntaxHighlighting } from '@codemirror/language';
import { RangeSet, StateEffect, StateField, type Extension } from '@codemirror/state';
import { Decoration, EditorView, GutterMarker, gutter, type DecorationSet } from '@codemirror/view';
import { tags } from '@lezer/highlight';
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import { DUCKDB_FUNCTIONS } from './duckdb-functions.js';

const FUNCTION_OPTIONS: Completion[] = DUCKDB_FUNCTIONS.map((name) => ({ label: name, type: 'function', boost: -1 }));

function functionSource(context: CompletionContext): CompletionResult | null {
  const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
  if (!word || (word.from === word.to && !context.explicit)) return null;
  // After "x." only x's columns make sense: lang-sql's schema source answers that.
  if (word.from > 0 && context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
  return { from: word.from, options: FUNCTION_OPTIONS, validFor: /^[A-Za-z0-9_]*$/ };
}

/** Every column of every table, unqualified, naming the tables it is in. */
function columnSource(tables: readonly TableInfo[]) {
  const byName = new Map<string, string[]>();
  for (const t of tables) for (const c of t.columns) byName.set(c.name, [...(byName.get(c.name) ?? []), t.name]);
  const options: Completion[] = [...byName].map(([name, in_]) => ({
    label: name,
    apply: /^[a-z_][a-z0-9_]*$/.test(name) ? name : `"${name.replaceAll('"', '""')}"`,
    type: 'property',
    detail: in_.length > 2 ? `${in_.slice(0, 2).join(', ')} …` : in_.join(', '),
  }));
  return (context: CompletionContext): CompletionResult | null => {
    const word = context.matchBefore(/[A-Za-z_][A-Za-z0-9_]*/);
    if (!word || (word.from === word.to && !context.explicit)) return null;
    if (word.from > 0 && context.state.sliceDoc(word.from - 1, word.from) === '.') return null;
    return { from: word.from, options, validFor: /^[A-Za-z0-9_]*$/ };
  };
}

/** The SQL language, completing this profile's tables (and `table.` → its columns). */
export function sqlLanguage(tables: readonly TableInfo[]): Extension {
  const schema: SQLNamespace = {};
  for (const t of tables) {
    const key = t.schema === 'main' ? t.name : `${t.schema}.${t.name}`;
    schema[key] = t.columns.map((c) => ({ label: c.name, type: 'property', detail: c.type }));
  }
  const lang = sql({ dialect: PostgreSQL, schema, upperCaseKeywords: true });
  return [lang, lang.language.data.of({ autocomplete: functionSource }), lang.language.data.of({ autocomplete: columnSource(tables) })];
}

// --- The error DuckDB reported: where, and what it said --------------------------

export interface EditorError {
  /** Offset in the editor's text. */
  at: number;
  message: string;
}

export const setError = StateEffect.define<EditorError | null>();

interface ErrorMark {
  from: number;
  to: number;
  /** Start of the marked word's line (gutter markers and line decorations sit there). */
  lineFrom: number;
  message: string;
}

/** The word (or one character) at the position: what DuckDB's caret points at. */
function errorSpan(text: string, at: number): [number, number] {
  const start = Math.min(Math.max(0, at), Math.max(0, text.length - 1));
  const word = /^[A-Za-z0-9_"']+/.exec(text.slice(start, start + 200));
  return [start, Math.min(text.length, start + Math.max(1, word ? word[0].length : 1))];
}

class ErrorDot extends GutterMarker {
  constructor(readonly message: string) {
    super();
  }
  override eq(other: GutterMarker): boolean {
    return other instanceof ErrorDot && other.message === this.message;
  }
  override toDOM(): Node {
    const dot = document.createElement('span');
    dot.className = 'cm-error-dot';
    dot.textContent = '●';
    // The gutter's width spacer is a dot with no message: no name, no test id.
    if (!this.message) return dot;
    dot.title = this.message;
    dot.setAttribute('role', 'img');
    dot.setAttribute('aria-label', `Error on this line: ${this.message}`);
    dot.dataset['testid'] = 'sql-error-gutter';
    return dot;
  }
}

const errorField = StateField.define<ErrorMark | null>({
  create: () => null,
  update(mark, tr) {
    for (const e of tr.effects) {
      if (!e.is(setError)) continue;
      if (!e.value || tr.state.doc.length === 0) return null;
      const [from, to] = errorSpan(tr.state.doc.toString(), e.value.at);
      return { from, to, lineFrom: tr.state.doc.lineAt(from).from, message: e.value.message };
    }
    if (!mark || !tr.docChanged) return mark;
    // Editing the marked word clears the mark; edits elsewhere move it along.
    if (tr.changes.touchesRange(mark.from, mark.to)) return null;
    const from = tr.changes.mapPos(mark.from);
    const to = tr.changes.mapPos(mark.to);
    return { ...mark, from, to, lineFrom: tr.state.doc.lineAt(from).from };
  },
  provide: (field) => [
    EditorView.decorations.from(field, (mark): DecorationSet => {
      if (!mark) return Decoration.none;
      return Decoration.set([
        Decoration.line({ class: 'cm-error-line' }).range(mark.lineFrom),
        Decoration.mark({ class: 'cm-error-mark', attributes: { 'data-testid': 'sql-error-mark', title: mark.message } }).range(mark.from, mark.to),
      ]);
    }),
  ],
});

const errorGutter = gutter({
  class: 'cm-error-gutter',
  markers: (view) => {
    const mark = view.state.field(errorField);
    if (!mark) return RangeSet.empty;
    return RangeSet.of([new ErrorDot(mark.message).range(mark.lineFrom)]);
  },
  initialSpacer: () => new ErrorDot(''),
});

export function errorMarking(): Extension {
  return [errorField, errorGutter];
}

// --- Look ------------------------------------------------------------------------

const highlight = HighlightStyle.define([
  { tag: [tags.keyword, tags.operatorKeyword, tags.modifier], color: 'var(--sql-keyword)', fontWeight: '600' },
  { tag: [tags.string, tags.special(tags.string)], color: 'var(--sql-string)' },
  { tag: [tags.number, tags.bool, tags.null], color: 'var(--sql-number)' },
  { tag: [tags.comment, tags.lineComment, tags.blockComment], color: 'var(--sql-comment)', fontStyle: 'italic' },
  { tag: [tags.typeName, tags.standard(tags.name)], color: 'var(--sql-type)' },
  { tag: [tags.special(tags.name), tags.quote], color: 'var(--color-text)' },
  { tag: [tags.punctuation, tags.operator, tags.bracket], color: 'var(--color-text-muted)' },
]);

export const editorLook: Extension = [
  syntaxHighlighting(highlight),
  EditorView.theme({
    '&': { height: '100%', color: 'var(--color-text)', backgroundColor: 'var(--color-surface)', fontSize: 'var(--text-sm)' },
    '&.cm-focused': { outline: 'none' },
    '.cm-scroller': { fontFamily: 'var(--font-mono)', lineHeight: '1.6', overflow: 'auto' },
    '.cm-content': { padding: '10px 0', caretColor: 'var(--color-text)' },
    '.cm-cursor': { borderLeftColor: 'var(--color-text)' },
    '.cm-gutters': { backgroundColor: 'var(--color-surface-muted)', color: 'var(--color-text-subtle)', border: 'none', borderRight: '1px solid var(--color-border)' },
    '.cm-activeLine': { backgroundColor: 'color-mix(in srgb, var(--color-accent) 5%, transparent)' },
    '.cm-activeLineGutter': { backgroundColor: 'color-mix(in srgb, var(--color-accent) 10%, transparent)', color: 'var(--color-text)' },
    '&.cm-focused .cm-selectionBackground, .cm-selectionBackground, ::selection': { backgroundColor: 'color-mix(in srgb, var(--color-accent) 25%, transparent) !important' },
    '.cm-matchingBracket': { backgroundColor: 'color-mix(in srgb, var(--color-accent) 20%, transparent)', outline: '1px solid var(--color-accent)' },
    '.cm-nonmatchingBracket': { color: 'var(--color-danger)' },
    '.cm-placeholder': { color: 'var(--color-text-subtle)' },
    '.cm-error-gutter .cm-gutterElement': { padding: '0 2px 0 6px', color: 'var(--color-danger)', fontSize: '10px' },
    '.cm-error-line': { backgroundColor: 'var(--color-danger-soft)' },
    '.cm-error-mark': { textDecoration: 'underline wavy var(--color-danger)', textUnderlineOffset: '3px', backgroundColor: 'color-mix(in srgb, var(--color-danger) 15%, transparent)' },
    '.cm-tooltip': { border: '1px solid var(--color-border-strong)', backgroundColor: 'var(--color-surface)', borderRadius: '6px', boxShadow: 'var(--shadow-md)', overflow: 'hidden' },
    '.cm-tooltip.cm-tooltip-autocomplete > ul': { fontFamily: 'var(--font-mono)', fontSize: 'var(--text-sm)', maxHeight: '14em' },
    '.cm-tooltip.cm-tooltip-autocomplete > ul > li[aria-selected]': { backgroundColor: 'var(--color-accent)', color: 'var(--color-accent-text)' },
    '.cm-completionDetail': { color: 'var(--color-text-subtle)', fontStyle: 'normal', marginLeft: '1em' },
    '.cm-panels': { backgroundColor: 'var(--color-surface-muted)', color: 'var(--color-text)' },
  }),
];
