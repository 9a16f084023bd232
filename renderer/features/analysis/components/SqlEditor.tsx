// The SQL editor: a plain textarea (native undo, IME, spell-check off) over a mirror
// layer that marks where DuckDB says an error is. Ctrl/Cmd+Enter runs the selection,
// or everything when nothing is selected; Escape cancels a running query.
import { useRef, useState, type KeyboardEvent, type RefObject } from 'react';
import { Button } from '../../../components/Button.js';
import styles from './SqlEditor.module.css';

interface SqlEditorProps {
  value: string;
  onChange: (sql: string) => void;
  /** `offset`: where the SQL sent starts in the editor, so error positions map back. */
  onRun: (sql: string, offset: number) => void;
  onCancel: () => void;
  running: boolean;
  /** Character offset of a reported error in the editor's text. */
  errorAt: number | null;
  elapsed: string | null;
  /** The parent's handle on the textarea (to put the caret on an error). */
  areaRef: RefObject<HTMLTextAreaElement | null>;
}

const isMac = typeof navigator !== 'undefined' && /Mac/.test(navigator.platform);

/** The span to mark: the word (or single character) at the position. */
function errorSpan(text: string, at: number): [number, number] {
  const start = Math.min(Math.max(0, at), Math.max(0, text.length - 1));
  const word = /^[A-Za-z0-9_"']+/.exec(text.slice(start));
  return [start, start + Math.max(1, word ? word[0].length : 1)];
}

export function SqlEditor({ value, onChange, onRun, onCancel, running, errorAt, elapsed, areaRef }: SqlEditorProps) {
  const mirrorRef = useRef<HTMLDivElement>(null);
  const [hasSelection, setHasSelection] = useState(false);

  const run = () => {
    const area = areaRef.current;
    if (!area || running) return;
    const { selectionStart: s, selectionEnd: e } = area;
    const selected = e > s ? value.slice(s, e) : '';
    if (selected.trim()) onRun(selected, s);
    else if (value.trim()) onRun(value, 0);
  };

  const onKeyDown = (e: KeyboardEvent<HTMLTextAreaElement>) => {
    if (e.key === 'Enter' && (e.ctrlKey || e.metaKey)) {
      e.preventDefault();
      run();
    } else if (e.key === 'Escape' && running) {
      e.preventDefault();
      onCancel();
    }
  };

  const syncScroll = () => {
    if (mirrorRef.current && areaRef.current) {
      mirrorRef.current.scrollTop = areaRef.current.scrollTop;
      mirrorRef.current.scrollLeft = areaRef.current.scrollLeft;
    }
  };

  const span = errorAt !== null && value ? errorSpan(value, errorAt) : null;

  return (
    <div className={styles.editor}>
      <div className={styles.field}>
        <div ref={mirrorRef} className={styles.mirror} aria-hidden="true">
          {span ? (
            <>
              {value.slice(0, span[0])}
              <mark className={styles.errorMark} data-testid="sql-error-mark">
                {value.slice(span[0], span[1])}
              </mark>
              {value.slice(span[1])}
            </>
          ) : (
            value
          )}
          {'\n'}
        </div>
        <textarea
          ref={areaRef}
          className={styles.textarea}
          value={value}
          onChange={(e) => onChange(e.target.value)}
          onKeyDown={onKeyDown}
          onScroll={syncScroll}
          onSelect={(e) => setHasSelection(e.currentTarget.selectionEnd > e.currentTarget.selectionStart)}
          spellCheck={false}
          autoCapitalize="off"
          autoCorrect="off"
          aria-label="SQL"
          placeholder="SELECT * FROM my_table"
          data-testid="sql-editor"
        />
      </div>
      <div className={styles.toolbar}>
        {running ? (
          <Button size="small" onClick={onCancel} data-testid="cancel-query">
            Cancel
          </Button>
        ) : (
          <Button size="small" variant="primary" onClick={run} disabled={!value.trim()} data-testid="run-query">
            {hasSelection ? 'Run selection' : 'Run'}
            <kbd className={styles.kbd}>{isMac ? '⌘↵' : 'Ctrl+↵'}</kbd>
          </Button>
        )}
        {running && (
          <span className={styles.status} role="status">
            Running… {elapsed}
          </span>
        )}
        <span className={styles.hint}>Separate statements with “;” — the last one's rows are shown.</span>
      </div>
    </div>
  );
}

