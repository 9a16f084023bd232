// Inline editing of one task: every field, saved together with the version it was
// opened at. Ctrl/Cmd+Enter saves, Escape closes.
import { useEffect, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { TASK_PRIORITIES, TASK_STATUSES, TASK_TITLE_MAX, type Task } from '../../../shared/tasks/tasks.js';
import type { TaskChanges } from './useTasks.js';
import { Button } from '../../components/Button.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon } from '../../components/Icon.js';
import { choicesOf, Select } from '../../components/Select.js';
import { DateInput } from '../../components/LocalizedInputs.js';
import type { TagCount } from '../../../shared/tags/tags.js';
import { TagInput, withDraft } from '../tags/TagInput.js';
import { dueDateInput, PRIORITY_LABELS, STATUS_LABELS } from './task-format.js';
import styles from './TaskEditor.module.css';

interface TaskEditorProps {
  task: Task;
  onSave: (task: Task, changes: TaskChanges) => Promise<Result<Task>>;
  onDelete: (task: Task) => void;
  onClose: () => void;
  /** Re-reads the task after a conflict. */
  onReload: () => Promise<Task | null>;
  /** The profile's tags, for suggestions. */
  knownTags: TagCount[];
}

const STATUS_CHOICES = choicesOf(TASK_STATUSES, STATUS_LABELS);
const PRIORITY_CHOICES = choicesOf(TASK_PRIORITIES, PRIORITY_LABELS);

const fieldOf = (error: AppError | null) => error?.field?.split('.')[0] ?? null;

export function TaskEditor({ task, onSave, onDelete, onClose, onReload, knownTags }: TaskEditorProps) {
  const [base, setBase] = useState(task);
  const [title, setTitle] = useState(task.title);
  const [details, setDetails] = useState(task.details);
  const [status, setStatus] = useState(task.status);
  const [priority, setPriority] = useState(task.priority);
  const [due, setDue] = useState(dueDateInput(task.due));
  const [tags, setTags] = useState(task.tags);
  const [tagDraft, setTagDraft] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    titleRef.current?.focus();
  }, []);

  const changes = (): TaskChanges => {
    const out: TaskChanges = {};
    if (title !== base.title) out.title = title;
    if (details !== base.details) out.details = details;
    if (status !== base.status) out.status = status;
    if (priority !== base.priority) out.priority = priority;
    if (due !== dueDateInput(base.due)) out.due = due === '' ? null : due;
    const nextTags = withDraft(tags, tagDraft);
    if (nextTags.join('\u0000') !== base.tags.join('\u0000')) out.tags = nextTags;
    return out;
  };

  const save = async (event?: FormEvent) => {
    event?.preventDefault();
    if (pending) return;
    const diff = changes();
    if (Object.keys(diff).length === 0) return onClose();
    setPending(true);
    const result = await onSave(base, diff);
    setPending(false);
    if (result.ok) onClose();
    else setError(result.error);
  };

  const reload = async () => {
    const latest = await onReload();
    if (!latest) return;
    setBase(latest);
    setTitle(latest.title);
    setDetails(latest.details);
    setStatus(latest.status);
    setPriority(latest.priority);
    setDue(dueDateInput(latest.due));
    setTags(latest.tags);
    setTagDraft('');
    setError(null);
  };

  const onKeyDown = (event: KeyboardEvent) => {
    if (event.key === 'Escape') {
      event.preventDefault();
      onClose();
    } else if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      void save();
    }
  };

  const bad = fieldOf(error);
  return (
    <form className={styles.editor} onSubmit={save} onKeyDown={onKeyDown} data-testid="task-editor" aria-label="Edit task">
      <input
        ref={titleRef}
        className={styles.title}
        value={title}
        onChange={(e) => setTitle(e.target.value)}
        aria-label="Title"
        aria-invalid={bad === 'title' || undefined}
        maxLength={TASK_TITLE_MAX}
        data-testid="task-edit-title"
      />
      <textarea
        className={styles.details}
        value={details}
        onChange={(e) => setDetails(e.target.value)}
        placeholder="Details"
        aria-label="Details"
        rows={3}
        aria-invalid={bad === 'details' || undefined}
        data-testid="task-edit-details"
      />
      <div className={styles.fields}>
        <label className={styles.field}>
          <span className={styles.label}>Status</span>
          <Select value={status} options={STATUS_CHOICES} onChange={setStatus} className={styles.control} data-testid="task-edit-status" />
        </label>
        <label className={styles.field}>
          <span className={styles.label}>Priority</span>
          <Select value={priority} options={PRIORITY_CHOICES} onChange={setPriority} className={styles.control} data-testid="task-edit-priority" />
        </label>
        <label className={styles.field}>
          <span className={styles.label}>Due</span>
          <DateInput
            value={due}
            onChange={(e) => setDue(e.target.value)}
            className={styles.control}
            aria-invalid={bad === 'due' || undefined}
            data-testid="task-edit-due"
          />
        </label>
        <div className={`${styles.field} ${styles.grow}`}>
          <span className={styles.label} aria-hidden="true">
            Tags
          </span>
          <TagInput
            label="Tags"
            value={tags}
            onChange={setTags}
            draft={tagDraft}
            onDraftChange={setTagDraft}
            known={knownTags}
            invalid={bad === 'tags'}
            testId="task-edit-tags"
          />
        </div>
      </div>
      {error &&
        (error.code === 'CONFLICT' ? (
          <div className={styles.conflict} role="alert">
            <Icon name="alert" size={14} />
            <span>This task changed in another window.</span>
            <Button size="small" variant="ghost" onClick={() => void reload()}>
              Load the latest
            </Button>
          </div>
        ) : (
          <ErrorMessage>{error.message}</ErrorMessage>
        ))}
      <div className={styles.actions}>
        <Button size="small" variant="ghost" className={styles.delete} onClick={() => onDelete(base)} data-testid="task-delete">
          <Icon name="trash" size={14} />
          Move to Trash
        </Button>
        <span className={styles.shortcut}>Ctrl+Enter to save · Esc to close</span>
        <Button size="small" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button size="small" variant="primary" type="submit" pending={pending} data-testid="task-save">
          Save
        </Button>
      </div>
    </form>
  );
}
