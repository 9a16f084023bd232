// How much disk the profile's two databases take.
import type { ProfileUsage } from '../../../shared/profiles.js';
import { byteSize } from '../../format/byte-size.js';
import styles from './ProfileSettings.module.css';

export function StorageUsage({ usage }: { usage: ProfileUsage | null | 'loading' }) {
  return (
    <section className={styles.section} data-testid="profile-usage" aria-busy={usage === 'loading' || undefined}>
      <h3 className={styles.heading}>Storage on this computer</h3>
      {usage === 'loading' ? (
        <p className={styles.text}>Measuring…</p>
      ) : usage === null ? (
        <p className={styles.text}>Storage use could not be measured.</p>
      ) : (
        <dl className={styles.usage}>
          <dt>Tasks, notes and events</dt>
          <dd>{byteSize(usage.sqliteBytes)}</dd>
          <dt>Analysis tables</dt>
          <dd>{byteSize(usage.duckdbBytes)}</dd>
          <dt className={styles.total}>Total</dt>
          <dd className={styles.total} data-testid="profile-usage-total">
            {byteSize(usage.sqliteBytes + usage.duckdbBytes)}
          </dd>
        </dl>
      )}
    </section>
  );
}
