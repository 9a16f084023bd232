// The line at the top of the list: type a title, press Enter, keep typing the next.
// A due date typed into the title ("fri 5pm", "tomorrow", "in 3 days") is read as you
// type and shown back under the line before anything is saved; × keeps the words as text.
import { useMemo, useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { parseNaturalDue } from '../../../shared/tasks/natural-due.js';
import { TASK_TITLE_MAX, type Task } from '../../../shared/tasks/tasks.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { Spinner } from '../../components/Spinner.js';
import { localTimeZone } from '../../format/local-time.js';
import { dueLabel } from './task-format.js';
import styles from './TaskQuickAdd.module.css';

interface TaskQuickAddProps {
  onAdd: (input: { title: string; due?: string }) => Promise<Result<Task>>;
  /** The clock the phrase is read against (tests pin it). */
  now?: () => number;
}

export function TaskQuickAdd({ onAdd, now = Date.now }: TaskQuickAddProps) {
  const [title, setTitle] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  /** The phrase the person chose to keep as words; reading resumes when the text changes it. */
  const [ignored, setIgnored] = useState<string | null>(null);

  const parsed = useMemo(() => {
    const found = parseNaturalDue(title, now(), localTimeZone());
    return found && found.phrase !== ignored ? found : null;
  }, [title, ignored, now]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || pending) return;
    setPending(true);
    const result = await onAdd(parsed ? { title: parsed.title, due: parsed.due } : { title: title.trim() });
    setPending(false);
    if (result.ok) {
      setTitle('');
      setIgnored(null);
      setError(null);
    } else {
      setError(result.error);
    }
  };

  const label = parsed ? dueLabel({ due: parsed.due, status: 'todo' }, now()) : null;

  return (
    <form className={styles.form} onSubmit={submit} data-testid="task-quick-add">
      <div className={styles.line}>
        <span className={styles.icon}>{pending ? <Spinner /> : <Icon name="plus" size={16} />}</span>
        <input
          className={styles.input}
          value={title}
          onChange={(e) => {
            setTitle(e.target.value);
            if (error) setError(null);
          }}
          placeholder="Add a task — try “Call Bob fri 5pm” — press Enter to save"
          aria-label="New task title"
          aria-describedby={parsed ? 'quick-add-due' : undefined}
          maxLength={TASK_TITLE_MAX}
          aria-invalid={error ? true : undefined}
          data-testid="task-quick-add-input"
        />
        <kbd className={styles.hint} aria-hidden="true">
          ↵
        </kbd>
      </div>
      {parsed && label && (
        <p className={styles.preview} id="quick-add-due" data-testid="task-quick-add-due" aria-live="polite">
          <Icon name="events" size={12} />
          <span>
            Due <strong data-testid="task-quick-add-due-label">{label.text}</strong> · saved as “{parsed.title}”
          </span>
          <button
            type="button"
            className={styles.keep}
            onClick={() => setIgnored(parsed.phrase)}
            aria-label={`Keep “${parsed.phrase}” as part of the title`}
            title="Keep these words in the title"
            data-testid="task-quick-add-keep"
          >
            <Icon name="close" size={12} />
          </button>
        </p>
      )}
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
    </form>
  );
}
