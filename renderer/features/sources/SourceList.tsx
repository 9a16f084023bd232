// The analysis space's "Databases" list: the profile's saved sources, each opening its
// tables and import screen; adding one opens the add dialog.
import type { SourceInfo } from '../../../shared/sources/sources.js';
import { ListStatus } from '../../components/ListStatus.js';
import type { SourcesState } from './useSources.js';
import styles from './Sources.module.css';

export const KIND_LABEL: Record<SourceInfo['kind'], string> = { postgresql: 'PostgreSQL', mysql: 'MySQL', sqlite: 'SQLite' };

export function KindTag({ kind }: { kind: SourceInfo['kind'] }) {
  return <span className={`${styles.kindTag} ${styles[`kind_${kind}`]}`}>{KIND_LABEL[kind]}</span>;
}

interface SourceListProps {
  state: SourcesState;
  selected: string | null;
  onSelect: (source: SourceInfo) => void;
  onAdd: () => void;
}

export function SourceList({ state, selected, onSelect, onAdd }: SourceListProps) {
  if (state.status !== 'ready') return <ListStatus state={state} loading="Loading databases" failed="Databases could not be listed" />;
  if (state.sources.length === 0) {
    return (
      <div className={styles.emptyState} data-testid="sources-empty">
        <strong>No databases yet</strong>
        <p>Add a PostgreSQL or MySQL/MariaDB server, or a SQLite file, then import its tables into this profile. Passwords stay in this computer’s keychain.</p>
        <button type="button" className={styles.linkButton} onClick={onAdd} data-testid="sources-empty-add">
          Add a database…
        </button>
      </div>
    );
  }
  return (
    <ul className={styles.sourceList} data-testid="source-list">
      {state.sources.map((s) => {
        const count = state.sourced.filter((t) => t.source.toLowerCase() === s.name.toLowerCase()).length;
        return (
          <li key={s.name}>
            <button
              type="button"
              className={`${styles.sourceButton} ${selected?.toLowerCase() === s.name.toLowerCase() ? styles.sourceActive : ''}`}
              aria-current={selected?.toLowerCase() === s.name.toLowerCase() || undefined}
              onClick={() => onSelect(s)}
              data-testid={`source-${s.name}`}
            >
              <span className={styles.sourceTop}>
                <span className={styles.sourceName}>{s.name}</span>
                <KindTag kind={s.kind} />
              </span>
              <span className={styles.sourceUrl} title={s.url}>
                {s.kind === 'sqlite' ? s.url.replace(/^sqlite:/, '') : s.url.replace(/^[a-z]+:\/\//, '')}
              </span>
              {count > 0 && <span className={styles.sourceMeta}>{count === 1 ? '1 table imported' : `${count} tables imported`}</span>}
            </button>
          </li>
        );
      })}
    </ul>
  );
}
