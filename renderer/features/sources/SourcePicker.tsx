// The left pane of a source's screen: its schemas and tables with the server's row
// estimates (a filter when there are many), or a query in the source's own SQL.
import { useState } from 'react';
import type { SourceTable } from '../../../shared/sources/sources.js';
import { Button } from '../../components/Button.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { Spinner } from '../../components/Spinner.js';
import { countOf, formatCount } from '../analysis/display-format.js';
import type { Selection } from './sources-api.js';
import type { BrowseState } from './useSourcePreview.js';
import styles from './Sources.module.css';

export const tableKey = (t: { schema?: string | null | undefined; name: string }) => `${t.schema ?? ''}.${t.name}`;

/** "about 1.2 M rows"-style estimate for the list (exact counts, a SQLite file's, in full). */
function estimate(rows: number | null, exact: boolean): string {
  if (rows === null) return '—';
  if (exact) return formatCount(rows);
  if (rows < 10_000) return formatCount(rows);
  if (rows < 1_000_000) return `${Math.round(rows / 1000)} k`;
  return `${(rows / 1_000_000).toFixed(rows < 10_000_000 ? 1 : 0)} M`;
}

interface SourcePickerProps {
  browse: BrowseState;
  chosen: Selection | null;
  query: string;
  mode: 'table' | 'query';
  onMode: (mode: 'table' | 'query') => void;
  onQuery: (sql: string) => void;
  onChoose: (selection: Selection) => void;
  /** The counts are exact (a SQLite file counts its tables), not a server's estimates. */
  exactCounts: boolean;
  disabled: boolean;
}

export function SourcePicker({ browse, chosen, query, mode, onMode, onQuery, onChoose, exactCounts, disabled }: SourcePickerProps) {
  const [filter, setFilter] = useState('');
  const chosenKey = chosen && 'table' in chosen ? tableKey({ schema: chosen.schema, name: chosen.table }) : null;

  const tables = browse.status === 'ready' ? browse.tables : [];
  const needle = filter.trim().toLowerCase();
  const shown = needle ? tables.filter((t) => `${t.schema ?? ''}.${t.name}`.toLowerCase().includes(needle)) : tables;
  const schemas = [...new Set(shown.map((t) => t.schema))];
  const single = schemas.length <= 1;

  const choose = (t: SourceTable) => onChoose(t.schema ? { schema: t.schema, table: t.name } : { table: t.name });

  return (
    <div className={styles.picker}>
      <SegmentedControl
        label="What to import"
        value={mode}
        options={[
          { value: 'table', label: 'A table', testId: 'source-mode-table' },
          { value: 'query', label: 'A query', testId: 'source-mode-query' },
        ]}
        onChange={onMode}
      />
      {mode === 'query' ? (
        <form
          className={styles.queryForm}
          onSubmit={(e) => {
            e.preventDefault();
            if (query.trim()) onChoose({ sql: query });
          }}
        >
          <label className={styles.queryLabel} htmlFor="source-query">
            A query in the source’s own SQL; it runs read-only.
          </label>
          <textarea
            id="source-query"
            className={styles.queryText}
            value={query}
            onChange={(e) => onQuery(e.target.value)}
            onKeyDown={(e) => {
              if (e.key === 'Enter' && (e.ctrlKey || e.metaKey) && query.trim()) {
                e.preventDefault();
                onChoose({ sql: query });
              }
            }}
            spellCheck={false}
            placeholder={'SELECT id, total\nFROM orders\nWHERE total > 100'}
            data-testid="source-query"
          />
          <Button type="submit" variant="primary" size="small" disabled={disabled || !query.trim()} data-testid="source-query-preview">
            Preview (Ctrl+Enter)
          </Button>
        </form>
      ) : browse.status === 'loading' ? (
        <div className={styles.placeholder}>
          <Spinner size={16} label="Reading the database's tables" />
        </div>
      ) : browse.status === 'error' ? (
        <p className={styles.dim}>The tables cannot be listed (see above).</p>
      ) : tables.length === 0 ? (
        <p className={styles.dim} data-testid="source-no-tables">
          This database has no tables or views you may read. You can still import a query.
        </p>
      ) : (
        <>
          {tables.length > 8 && (
            <input className={styles.search} value={filter} onChange={(e) => setFilter(e.target.value)} placeholder="Find a table" aria-label="Find a table" />
          )}
          <div className={styles.tableScroll}>
            {schemas.map((schema) => (
              <div key={schema ?? ''} className={styles.schemaGroup}>
                {!single && <div className={styles.schemaName}>{schema}</div>}
                <ul className={styles.sourceTables} aria-label={schema ? `Tables of ${schema}` : 'Tables'} data-testid="source-tables">
                  {shown
                    .filter((t) => t.schema === schema)
                    .map((t) => {
                      const key = tableKey(t);
                      return (
                        <li key={key}>
                          <button
                            type="button"
                            className={`${styles.sourceTable} ${chosenKey === key ? styles.sourceTableActive : ''}`}
                            aria-pressed={chosenKey === key}
                            onClick={() => choose(t)}
                            disabled={disabled}
                            title={`${t.schema ? `${t.schema}.` : ''}${t.name}${t.rows !== null ? ` · about ${countOf(t.rows, 'row')}` : ''}`}
                            data-testid={`source-table-${single ? '' : `${t.schema}.`}${t.name}`}
                          >
                            <span className={styles.sourceTableName}>
                              {single && t.schema && t.schema !== 'public' && <span className={styles.dim}>{t.schema}.</span>}
                              {t.name}
                            </span>
                            {t.kind === 'view' && <span className={styles.viewBadge}>view</span>}
                            <span className={styles.estimate}>{estimate(t.rows, exactCounts)}</span>
                          </button>
                        </li>
                      );
                    })}
                </ul>
              </div>
            ))}
          </div>
          <p className={styles.estimateNote} data-testid="source-counts-note">
            {exactCounts ? 'Row counts are exact, counted in the file (views are not counted).' : 'Row counts are the server’s estimates.'}
          </p>
        </>
      )}
    </div>
  );
}
