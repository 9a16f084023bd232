// How much disk the profile's two databases take, what they hold, and when it was last opened.
import type { TableRowCount } from '../../../../shared/profiles/storage-usage.js';
import { useProfileStorage } from '../useProfileStorage.js';
import { byteSize } from '../../../format/byte-size.js';
import { formatNumber } from '../../../format/locale.js';
import { dateTimeLabel } from '../../activity/activity-labels.js';
import styles from './ProfileSettings.module.css';

const ITEM_LABELS: Record<string, string> = { tasks: 'Tasks', notes: 'Notes', events: 'Events' };

function ItemRows({ counts }: { counts: TableRowCount[] }) {
  return (
    <>
      {counts.map((t) => (
        <div key={t.table} className={styles.countRow} data-testid={`rows-${t.table}`}>
          <dt>{ITEM_LABELS[t.table] ?? t.table}</dt>
          <dd>
            {formatNumber(t.rows)}
            {t.inTrash ? <span className={styles.trash}> + {formatNumber(t.inTrash)} in Trash</span> : null}
          </dd>
        </div>
      ))}
    </>
  );
}

export function StorageUsage() {
  const state = useProfileStorage();
  return (
    <section className={styles.section} data-testid="profile-usage" aria-busy={state.status === 'loading' || undefined}>
      <h3 className={styles.heading}>Storage on this computer</h3>
      {state.status === 'loading' ? (
        <p className={styles.text}>Measuring…</p>
      ) : state.status === 'error' ? (
        <p className={styles.text}>Storage use could not be measured.</p>
      ) : (
        <>
          <dl className={styles.usage}>
            <dt>Tasks, notes and events (data.sqlite)</dt>
            <dd data-testid="profile-usage-sqlite">{byteSize(state.storage.sqliteBytes)}</dd>
            <dt>Analysis tables (analytics.duckdb)</dt>
            <dd data-testid="profile-usage-duckdb">{byteSize(state.storage.duckdbBytes)}</dd>
            <dt className={styles.total}>Total</dt>
            <dd className={styles.total} data-testid="profile-usage-total">
              {byteSize(state.storage.sqliteBytes + state.storage.duckdbBytes)}
            </dd>
            <dt>Last opened</dt>
            <dd data-testid="profile-last-opened">
              {state.storage.lastOpenedAt ? dateTimeLabel(state.storage.lastOpenedAt) : 'Never'}
            </dd>
          </dl>
          <div className={styles.counts}>
            <dl className={styles.usage} aria-label="Rows in data.sqlite">
              <ItemRows counts={state.storage.rowCounts.sqlite} />
            </dl>
            <dl className={styles.usage} aria-label="Rows per analysis table" data-testid="rows-tables">
              {state.storage.rowCounts.duckdb.length === 0 ? (
                <div className={styles.countRow}>
                  <dt>Analysis tables</dt>
                  <dd>None</dd>
                </div>
              ) : (
                state.storage.rowCounts.duckdb.map((t) => (
                  <div key={t.table} className={styles.countRow}>
                    <dt className={styles.tableName} title={t.table}>
                      {t.table}
                    </dt>
                    <dd>
                      {formatNumber(t.rows)} {t.rows === 1 ? 'row' : 'rows'}
                    </dd>
                  </div>
                ))
              )}
            </dl>
          </div>
        </>
      )}
    </section>
  );
}
