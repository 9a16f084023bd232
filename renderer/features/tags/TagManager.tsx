// Every tag of the profile with how many tasks and notes carry it; rename one, or merge it
// into another by renaming it to that one's name.
import { useState, type FormEvent } from 'react';
import type { AppError, Result } from '../../../shared/errors.js';
import { normalizeTag, TAG_MAX, type TagCount, type TagRenamed } from '../../../shared/tags/tags.js';
import { formatNumber } from '../../format/locale.js';
import { Button } from '../../components/Button.js';
import { Dialog } from '../../components/Dialog.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import styles from './TagManager.module.css';

interface TagManagerProps {
  tags: TagCount[];
  onRename: (from: string, to: string) => Promise<Result<TagRenamed>>;
  onClose: () => void;
}

const plural = (n: number, one: string, many: string) => `${formatNumber(n)} ${n === 1 ? one : many}`;

export function TagManager({ tags, onRename, onClose }: TagManagerProps) {
  const [editing, setEditing] = useState<string | null>(null);
  const [name, setName] = useState('');
  const [pending, setPending] = useState(false);
  const [error, setError] = useState<AppError | null>(null);
  const [done, setDone] = useState<string | null>(null);
  const target = normalizeTag(name);
  const mergesInto = editing !== null && target !== editing ? tags.find((t) => t.tag === target) : undefined;

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!editing || !target || target === editing || pending) return;
    setPending(true);
    const result = await onRename(editing, target);
    setPending(false);
    if (!result.ok) {
      setError(result.error);
      return;
    }
    const n = result.value.tasks.length + result.value.notes.length;
    setDone(`${mergesInto ? `Merged #${editing} into #${target}` : `Renamed #${editing} to #${target}`} on ${plural(n, 'item', 'items')}.`);
    setEditing(null);
  };

  return (
    <Dialog title="Tags" onClose={onClose} testId="tag-manager" width={520}>
      {done && (
        <p className={styles.done} role="status" data-testid="tag-manager-done">
          {done}
        </p>
      )}
      {tags.length === 0 ? (
        <p className={styles.empty}>No tags yet. Add some to a task or a note.</p>
      ) : (
        <ul className={styles.list} aria-label="Tags">
          {tags.map((t) => (
            <li key={t.tag} className={styles.row} data-testid="tag-row" data-tag={t.tag}>
              {editing === t.tag ? (
                <form className={styles.form} onSubmit={(e) => void submit(e)}>
                  <input
                    className={styles.input}
                    value={name}
                    onChange={(e) => {
                      setName(e.target.value);
                      setError(null);
                    }}
                    onKeyDown={(e) => {
                      if (e.key === 'Escape') {
                        e.preventDefault();
                        e.stopPropagation();
                        setEditing(null);
                      }
                    }}
                    aria-label={`New name for #${t.tag}`}
                    maxLength={TAG_MAX}
                    autoFocus
                    data-testid="tag-rename-input"
                  />
                  <Button type="submit" size="small" variant="primary" pending={pending} disabled={!target || target === t.tag} data-testid="tag-rename-submit">
                    {mergesInto ? 'Merge' : 'Rename'}
                  </Button>
                  <Button size="small" variant="ghost" onClick={() => setEditing(null)}>
                    Cancel
                  </Button>
                  {mergesInto && (
                    <p className={styles.hint} data-testid="tag-merge-hint">
                      #{target} exists: its {plural(mergesInto.tasks + mergesInto.notes, 'item', 'items')} and these become one tag.
                    </p>
                  )}
                  {error && <ErrorMessage>{error.message}</ErrorMessage>}
                </form>
              ) : (
                <>
                  <span className={styles.tag}>#{t.tag}</span>
                  <span className={styles.counts}>
                    {plural(t.tasks, 'task', 'tasks')} · {plural(t.notes, 'note', 'notes')}
                  </span>
                  <Button
                    size="small"
                    variant="ghost"
                    onClick={() => {
                      setEditing(t.tag);
                      setName(t.tag);
                      setError(null);
                      setDone(null);
                    }}
                    aria-label={`Rename #${t.tag}`}
                    data-testid="tag-rename"
                  >
                    Rename
                  </Button>
                </>
              )}
            </li>
          ))}
        </ul>
      )}
    </Dialog>
  );
}
