// Deleted tasks, notes and events for 30 days: restore one, delete one for good, or
// empty the Trash (after a second click).
import { useState } from 'react';
import type { ItemKind } from '../../../shared/search/search.js';
import type { TrashItem } from '../../../shared/trash/trash.js';
import { useTrash } from './useTrash.js';
import { Button } from '../../components/Button.js';
import { EmptyState, LoadFailed } from '../../components/EmptyState.js';
import { ErrorMessage } from '../../components/ErrorMessage.js';
import { Icon, type IconName } from '../../components/Icon.js';
import { LoadMore } from '../../components/LoadMore.js';
import { Spinner } from '../../components/Spinner.js';
import { relativeTime } from '../../format/relative-time.js';
import styles from './TrashView.module.css';

const KIND_ICON: Record<ItemKind, IconName> = { task: 'tasks', note: 'notes', event: 'events' };
const KIND_LABEL: Record<ItemKind, string> = { task: 'Task', note: 'Note', event: 'Event' };

export function TrashView() {
  const trash = useTrash();
  const { list } = trash;
  const [confirmEmpty, setConfirmEmpty] = useState(false);
  const [busy, setBusy] = useState<string | null>(null);
  const [error, setError] = useState<string | null>(null);

  const act = async (key: string, call: () => Promise<{ ok: boolean; error?: { message: string } }>) => {
    setBusy(key);
    const result = await call();
    setBusy(null);
    setError(result.ok ? null : (result.error?.message ?? 'Something went wrong'));
  };

  const label = (item: TrashItem) => item.title.trim() || `Untitled ${KIND_LABEL[item.kind].toLowerCase()}`;

  return (
    <div className={styles.view} data-testid="trash-view">
      <div className={styles.header}>
        <p className={styles.intro}>Deleted items stay here for 30 days, then they are removed for good.</p>
        {list.items.length > 0 &&
          (confirmEmpty ? (
            <span className={styles.confirm}>
              Delete everything here for good?
              <Button size="small" variant="ghost" onClick={() => setConfirmEmpty(false)}>
                Cancel
              </Button>
              <Button
                size="small"
                variant="primary"
                className={styles.dangerButton}
                pending={busy === 'empty'}
                onClick={() => void act('empty', trash.empty).then(() => setConfirmEmpty(false))}
                data-testid="trash-empty-confirm"
              >
                Empty Trash
              </Button>
            </span>
          ) : (
            <Button size="small" onClick={() => setConfirmEmpty(true)} data-testid="trash-empty">
              Empty Trash
            </Button>
          ))}
      </div>
      {error && <ErrorMessage>{error}</ErrorMessage>}

      {list.status === 'loading' ? (
        <div className={styles.center}>
          <Spinner label="Loading the Trash" />
        </div>
      ) : list.status === 'error' ? (
        <LoadFailed title="The Trash could not be read" error={list.error} onRetry={list.refresh} />
      ) : list.items.length === 0 ? (
        <EmptyState icon="trash" title="The Trash is empty" testId="trash-empty-state">
          Tasks, notes and events you delete appear here and can be restored.
        </EmptyState>
      ) : (
        <>
          <ul className={styles.list} data-testid="trash-list">
            {list.items.map((item) => (
              <li key={`${item.kind}:${item.id}`} className={styles.item} data-testid="trash-item">
                <span className={styles.kind} title={KIND_LABEL[item.kind]}>
                  <Icon name={KIND_ICON[item.kind]} size={14} />
                </span>
                <span className={styles.text}>
                  <span className={styles.title}>{label(item)}</span>
                  <span className={styles.meta}>
                    {KIND_LABEL[item.kind]} · deleted {relativeTime(item.deletedAt)} · removed for good {relativeTime(item.purgeAt)}
                  </span>
                </span>
                <Button
                  size="small"
                  onClick={() => void act(`restore:${item.id}`, () => trash.restore(item))}
                  pending={busy === `restore:${item.id}`}
                  aria-label={`Restore ${label(item)}`}
                  data-testid="trash-restore"
                >
                  {busy !== `restore:${item.id}` && <Icon name="restore" size={14} />}
                  Restore
                </Button>
                <Button
                  size="small"
                  variant="ghost"
                  className={styles.purge}
                  onClick={() => void act(`purge:${item.id}`, () => trash.purge([item]))}
                  pending={busy === `purge:${item.id}`}
                  aria-label={`Delete ${label(item)} for good`}
                  data-testid="trash-purge"
                >
                  Delete forever
                </Button>
              </li>
            ))}
          </ul>
          <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} />
        </>
      )}
    </div>
  );
}
