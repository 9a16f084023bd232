// The Ask box above the SQL editor: a question in plain language goes to this profile's
// AI endpoint; the answer streams in here and its SQL is put into the editor, under the
// question as a comment, for the person to read and run (nothing runs by itself). After
// a failed run, "Fix with AI" sends the SQL and DuckDB's error back, one round per click.
import { useEffect, useState, type FormEvent } from 'react';
import { AI_FIX_ROUNDS_MAX, AI_QUESTION_MAX, type AiSettingsView } from '../../../shared/ai/ai.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Spinner } from '../../components/Spinner.js';
import { loadAiSettings } from './ai-api.js';
import { askErrorHint, askErrorTitle } from './ask-errors.js';
import styles from './AskBox.module.css';
import { useAsk } from './useAsk.js';

/** A failed run of the editor's SQL (the analysis view's query failure). */
export interface FailedRun {
  sql: string;
  error: { code: string; message: string };
}

interface AskBoxProps {
  /** Puts text into the SQL editor (replacing what it holds). */
  onSql: (text: string) => void;
  /** The last run's failure, if the last run failed: a new one after an answer offers Fix with AI. */
  failure: FailedRun | null;
}

function useAiSettings() {
  const [view, setView] = useState<AiSettingsView | null>(null);
  useEffect(() => {
    let live = true;
    void loadAiSettings().then((r) => live && setView(r.ok ? r.value : { settings: null, hasKey: false }));
    return () => {
      live = false;
    };
  }, []);
  return view;
}

export function AskBox({ onSql, failure }: AskBoxProps) {
  const settings = useAiSettings();
  const { state, ask, fix, cancel, dismissError, reset, fixesLeft } = useAsk(onSql);
  const [question, setQuestion] = useState('');
  const { running, rounds, error } = state;
  // A failure already showing when an answer arrived belongs to older SQL: only a run
  // after the answer may be sent back for a fix (and each failure only once).
  const [roundsSeen, setRoundsSeen] = useState(0);
  const [spent, setSpent] = useState<FailedRun | null>(null);
  if (rounds.length !== roundsSeen) {
    setRoundsSeen(rounds.length);
    setSpent(failure);
  }
  const fixable = failure && failure !== spent && failure.error.code !== 'CANCELLED' ? failure : null;

  if (settings === null) return null;
  if (!settings.settings) {
    return (
      <p
        className={styles.off}
        data-testid="ask-off"
        title="To ask questions about your tables, set an OpenAI-compatible endpoint (a local server such as Ollama or llama.cpp, or any compatible URL) in Settings › Ask in plain language."
      >
        {/* One line: the editor, the grid and the chart need the height more than this hint. */}
        <strong>Ask in plain language</strong> is off for this profile: nothing is sent anywhere. Turn it on in Settings › Ask in plain language.
      </p>
    );
  }

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const q = question.trim();
    if (q && !running) void ask(q);
  };
  const cancelled = error?.code === 'CANCELLED';
  const sendFix = (f: FailedRun) => {
    setSpent(f);
    void fix({ sql: f.sql, message: f.error.message });
  };

  return (
    <section className={styles.box} aria-label="Ask in plain language" data-testid="ask-box">
      <form className={styles.form} onSubmit={submit}>
        <label className="sr-only" htmlFor="ask-question">
          Ask about your tables in plain language
        </label>
        <input
          id="ask-question"
          className={styles.input}
          value={question}
          maxLength={AI_QUESTION_MAX}
          placeholder={`Ask about your tables in plain language (${settings.settings.model})…`}
          onChange={(e) => setQuestion(e.target.value)}
          disabled={running !== null}
          data-testid="ask-question"
        />
        {running ? (
          <Button size="small" onClick={() => void cancel()} data-testid="ask-cancel">
            Cancel
          </Button>
        ) : (
          <Button size="small" type="submit" variant="primary" disabled={!question.trim()} data-testid="ask-submit">
            Ask
          </Button>
        )}
      </form>

      {(running || rounds.length > 0 || error) && (
        <div className={styles.panel}>
          {state.question && (
            <p className={styles.asked}>
              <span className={styles.label}>Question</span> {state.question}
            </p>
          )}
          {rounds.length > 0 && (
          <ol className={styles.rounds} data-testid="ask-rounds">
            {rounds.map((r) => (
              <li key={r.round} className={styles.round} data-testid={`ask-round-${r.round}`}>
                <span className={styles.label}>{r.round === 0 ? 'Answer' : `Fix ${r.round} of ${AI_FIX_ROUNDS_MAX}`}</span>
                {r.fixing && <span className={styles.fixing}>after: {r.fixing.split('\n')[0]}</span>}
                <pre className={styles.sql}>{r.sql}</pre>
              </li>
            ))}
          </ol>
          )}
          {running && (
            <div className={styles.streaming} aria-live="polite" data-testid="ask-streaming">
              <Spinner size={14} label={running.round === 0 ? 'Asking' : 'Asking for a fix'} />
              <span className={styles.label}>{running.round === 0 ? 'Answering…' : `Fix ${running.round} of ${AI_FIX_ROUNDS_MAX}…`}</span>
              {running.text && <pre className={styles.streamText}>{running.text}</pre>}
            </div>
          )}
          {error &&
            (cancelled ? (
              <Banner tone="info" icon="alert" title="Question cancelled" onDismiss={dismissError} testId="ask-cancelled">
                Nothing was put in the editor.
              </Banner>
            ) : (
              <Banner tone="danger" icon="alert" title={askErrorTitle(error)} onDismiss={dismissError} testId="ask-error">
                <span className={styles.errorText}>{error.message}</span>
                {askErrorHint(error) && <span className={styles.hint}>{askErrorHint(error)}</span>}
              </Banner>
            ))}
          {!running && rounds.length > 0 && (
            <div className={styles.actions}>
              <span className={styles.note} data-testid="ask-review">
                The SQL is in the editor for you to check. Nothing has run: run it with Ctrl+Enter.
              </span>
              {fixable && (
                <Button size="small" variant="primary" disabled={fixesLeft === 0} onClick={() => sendFix(fixable)} data-testid="ask-fix">
                  {fixesLeft > 0 ? `Fix with AI (${fixesLeft} ${fixesLeft === 1 ? 'round' : 'rounds'} left)` : `No fixes left (${AI_FIX_ROUNDS_MAX} rounds used)`}
                </Button>
              )}
              <Button size="small" variant="ghost" onClick={reset} data-testid="ask-done">
                Done
              </Button>
            </div>
          )}
        </div>
      )}
    </section>
  );
}
