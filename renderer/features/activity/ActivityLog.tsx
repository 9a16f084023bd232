// What happened to this profile: unlocks (and failed attempts), locks, password and
// name changes, imports and exports. Only this profile's entries ever reach it.
import { collapseRuns } from '../../../shared/activity/audit.js';
import { useActivityLog } from './useActivityLog.js';
import { Button } from '../../components/Button.js';
import { activityLabel, dateTimeLabel } from './activity-labels.js';
import styles from '../profiles/settings/ProfileSettings.module.css';

export function ActivityLog() {
  const log = useActivityLog();
  const runs = collapseRuns(log.items);
  return (
    <section className={styles.section} data-testid="activity-log" aria-busy={log.status === 'loading' || undefined}>
      <h3 className={styles.heading}>Recent activity</h3>
      {log.status === 'loading' ? (
        <p className={styles.text}>Loading…</p>
      ) : log.status === 'error' ? (
        <p className={styles.text}>The activity log could not be loaded: {log.error?.message}</p>
      ) : (
        <>
          <ol className={styles.activity}>
            {runs.map((run) => {
              const { title, detail } = activityLabel(run);
              const failed = run.event === 'unlock failed';
              return (
                <li key={run.last.id} className={styles.activityItem} data-testid="activity-entry" data-event={run.event}>
                  <span className={failed ? styles.activityWarn : styles.activityTitle}>{title}</span>
                  {detail ? <span className={styles.activityDetail}>{detail}</span> : null}
                  <time className={styles.activityTime} dateTime={run.last.at}>
                    {dateTimeLabel(run.last.at)}
                  </time>
                </li>
              );
            })}
          </ol>
          {log.hasMore ? (
            <Button variant="ghost" size="small" pending={log.loadingMore} onClick={log.loadMore} data-testid="activity-more">
              Show older
            </Button>
          ) : null}
        </>
      )}
    </section>
  );
}
