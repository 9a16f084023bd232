// The SQL editor (CodeMirror 6): highlighting, completion of this profile's tables,
// columns and DuckDB's functions, line numbers, bracket matching, DuckDB's errors
// marked in the gutter. Ctrl/Cmd+Enter runs the selection, or the statement the cursor
// is in; Ctrl/Cmd+Shift+Enter runs everything; Shift+Alt+F formats; Ctrl/Cmd+S saves the
// query (the tab strip's Save); Escape cancels.
//
// The editor lives in a shadow root: CodeMirror injects its styles, and in a shadow
// root it does so through a constructed style sheet (adoptedStyleSheets), which the
// app's CSP (style-src 'self', no inline <style>) allows, where in the document it
// would add a <style> element the CSP blocks.
import { closeCompletion } from '@codemirror/autocomplete';
import { Compartment, EditorState, Prec } from '@codemirror/state';
import { EditorView, keymap, placeholder } from '@codemirror/view';
import { basicSetup } from 'codemirror';
import { useEffect, useImperativeHandle, useRef, useState, type Ref } from 'react';
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import { formatSql } from '../../../../shared/sql/format-sql.js';
import { statementAt } from '../../../../shared/sql/statement-at.js';
import { Button } from '../../../components/Button.js';
import { useLatest } from '../../../hooks/useLatest.js';
import { editorLook, errorMarking, setError, sqlLanguage, type EditorError } from './sql-extensions.js';
import styles from './SqlEditor.module.css';

export interface SqlEditorHandle {
  /** Puts the caret on `at` (an offset in the editor's text) and focuses the editor. */
  showAt: (at: number) => void;
  focus: () => void;
}

interface SqlEditorProps {
  value: string;
  onChange: (sql: string) => void;
  /** `offset`: where the SQL sent starts in the editor, so error positions map back. */
  onRun: (sql: string, offset: number) => void;
  onCancel: () => void;
  /** Ctrl/Cmd+S: save the query (the tab strip's Save). */
  onSave?: () => void;
  running: boolean;
  /** The error of the last run, placed in the editor's text. */
  error: EditorError | null;
  elapsed: string | null;
  tables: readonly TableInfo[];
  handle?: Ref<SqlEditorHandle>;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);
const MOD = isMac ? '⌘' : 'Ctrl+';

type RunScope = 'statement' | 'all';

/** What a run sends: the selection, else the statement at the cursor (or everything). */
function toRun(view: EditorView, scope: RunScope): { sql: string; offset: number } | null {
  const doc = view.state.doc.toString();
  if (scope === 'all') return doc.trim() ? { sql: doc, offset: 0 } : null;
  const sel = view.state.selection.main;
  if (!sel.empty && doc.slice(sel.from, sel.to).trim()) return { sql: doc.slice(sel.from, sel.to), offset: sel.from };
  const statement = statementAt(doc, sel.head);
  return statement ? { sql: statement.text, offset: statement.from } : null;
}

function formatAll(view: EditorView): boolean {
  const doc = view.state.doc.toString();
  const formatted = formatSql(doc);
  if (formatted !== doc) view.dispatch({ changes: { from: 0, to: doc.length, insert: formatted }, userEvent: 'format' });
  return true;
}

export function SqlEditor({ value, onChange, onRun, onCancel, onSave, running, error, elapsed, tables, handle }: SqlEditorProps) {
  const hostRef = useRef<HTMLDivElement>(null);
  const viewRef = useRef<EditorView | null>(null);
  const language = useRef(new Compartment());
  const [hasSelection, setHasSelection] = useState(false);
  // The editor's key bindings outlive renders: they read the latest props from here.
  const latest = useLatest({ onChange, onRun, onCancel, onSave, running });

  const run = (scope: RunScope) => {
    const view = viewRef.current;
    if (!view || latest.current.running) return;
    // A completion list left open over the result would take the next Enter.
    closeCompletion(view);
    const what = toRun(view, scope);
    if (what) latest.current.onRun(what.sql, what.offset);
  };
  const runRef = useLatest(run);

  useEffect(() => {
    const host = hostRef.current;
    if (!host) return;
    const root = host.shadowRoot ?? host.attachShadow({ mode: 'open' });
    const parent = document.createElement('div');
    parent.className = 'enclave-sql-editor';
    parent.style.height = '100%';
    root.replaceChildren(parent);
    const view = new EditorView({
      root,
      parent,
      state: EditorState.create({
        doc: value,
        extensions: [
          Prec.highest(
            keymap.of([
              { key: 'Mod-Enter', run: () => (runRef.current('statement'), true) },
              { key: 'Mod-Shift-Enter', run: () => (runRef.current('all'), true) },
              { key: 'Shift-Alt-f', run: formatAll },
              { key: 'Mod-s', run: () => (latest.current.onSave?.(), true) },
              { key: 'Escape', run: () => (latest.current.running ? (latest.current.onCancel(), true) : false) },
            ]),
          ),
          basicSetup,
          language.current.of(sqlLanguage([])),
          errorMarking(),
          editorLook,
          placeholder('SELECT * FROM my_table'),
          EditorView.contentAttributes.of({ 'aria-label': 'SQL', 'data-testid': 'sql-editor' }),
          EditorView.updateListener.of((u) => {
            if (u.docChanged) latest.current.onChange(u.state.doc.toString());
            if (u.selectionSet || u.docChanged) setHasSelection(!u.state.selection.main.empty);
          }),
        ],
      }),
    });
    viewRef.current = view;
    return () => {
      view.destroy();
      viewRef.current = null;
    };
    // The editor is made once; value, tables and error reach it through the effects below.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  // A value from outside (history, a table's "Query", a tab) replaces the text.
  useEffect(() => {
    const view = viewRef.current;
    if (view && view.state.doc.toString() !== value) {
      view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: value } });
    }
  }, [value]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: language.current.reconfigure(sqlLanguage(tables)) });
  }, [tables]);

  useEffect(() => {
    viewRef.current?.dispatch({ effects: setError.of(error) });
  }, [error]);

  useImperativeHandle(handle, () => ({
    showAt: (at: number) => {
      const view = viewRef.current;
      if (!view) return;
      const pos = Math.max(0, Math.min(at, view.state.doc.length));
      view.dispatch({ selection: { anchor: pos }, scrollIntoView: true });
      view.focus();
    },
    focus: () => viewRef.current?.focus(),
  }));

  return (
    <div className={styles.editor}>
      <div ref={hostRef} className={styles.field} data-testid="sql-editor-host" />
      <div className={styles.toolbar}>
        {running ? (
          <Button size="small" onClick={onCancel} data-testid="cancel-query">
            Cancel
          </Button>
        ) : (
          <>
            <Button size="small" variant="primary" onClick={() => run('statement')} disabled={!value.trim()} data-testid="run-query">
              {hasSelection ? 'Run selection' : 'Run'}
              <kbd className={styles.kbd}>{MOD}↵</kbd>
            </Button>
            <Button size="small" onClick={() => run('all')} disabled={!value.trim()} data-testid="run-all">
              Run all
              <kbd className={styles.kbdPlain}>{MOD}⇧↵</kbd>
            </Button>
            <Button
              size="small"
              variant="ghost"
              onClick={() => {
                const view = viewRef.current;
                if (view) formatAll(view);
              }}
              disabled={!value.trim()}
              data-testid="format-sql"
            >
              Format
              <kbd className={styles.kbdPlain}>⇧{isMac ? '⌥' : 'Alt+'}F</kbd>
            </Button>
          </>
        )}
        {running && (
          <span className={styles.status} role="status">
            Running… {elapsed}
          </span>
        )}
        <span className={styles.hint}>
          {MOD}↵ runs the statement at the cursor, or the selection
        </span>
      </div>
    </div>
  );
}
