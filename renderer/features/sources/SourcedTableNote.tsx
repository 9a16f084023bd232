// In the table list, under a table imported from a database: where it came from, when,
// and Refresh (which re-imports it atomically; the old rows stay until the new are in).
import type { SourcedTable } from '../../../shared/sources/sources.js';
import { formatClock } from '../analysis/display-format.js';
import { describeSelection } from './SourceWorkspace.js';
import styles from './Sources.module.css';

export function SourcedTableNote({ sourced, onOpenSource, onRefresh }: { sourced: SourcedTable; onOpenSource: () => void; onRefresh: () => void }) {
  return (
    <div className={styles.sourcedNote} data-testid={`sourced-note-${sourced.table}`}>
      <span>
        From{' '}
        <button type="button" className={styles.linkButton} onClick={onOpenSource} title={`Open ${sourced.source}`}>
          {sourced.source}
        </button>
        {'sql' in sourced.selection ? ' (a query)' : ` · ${describeSelection(sourced.selection)}`} · {formatClock(sourced.importedAt)}
      </span>
      <button type="button" className={styles.linkButton} onClick={onRefresh} data-testid={`refresh-${sourced.table}`}>
        Refresh
      </button>
    </div>
  );
}
