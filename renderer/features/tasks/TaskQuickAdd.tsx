// The line at the top of the list: type a title, press Enter, keep typing the next.
import { useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { TASK_TITLE_MAX, type Task } from '../../../shared/tasks.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { Spinner } from '../../components/Spinner.js';
import styles from './TaskQuickAdd.module.css';

interface TaskQuickAddProps {
  onAdd: (title: string) => Promise<Result<Task>>;
}

export function TaskQuickAdd({ onAdd }: TaskQuickAddProps) {
  const [title, setTitle] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!title.trim() || pending) return;
    setPending(true);
    const result = await onAdd(title.trim());
    setPending(false);
    if (result.ok) {
      setTitle('');
      setError(null);
    } else {
      setError(result.error);
    }
  };

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
          placeholder="Add a task — press Enter to save"
          aria-label="New task title"
          maxLength={TASK_TITLE_MAX}
          aria-invalid={error ? true : undefined}
          data-testid="task-quick-add-input"
        />
        <kbd className={styles.hint} aria-hidden="true">
          ↵
        </kbd>
      </div>
      {error && <ErrorMessage>{error.message}</ErrorMessage>}
    </form>
  );
}
