// The profile's tables and views: row counts, sizes, columns and types. A column opens
// its profile; a table can be queried or exported from here.
import { useState, type ReactNode } from 'react';
import type { TableInfo } from '../../../../shared/analysis/analytics.js';
import { ListStatus } from '../../../components/ListStatus.js';
import { countOf, formatBytes, formatCount } from '../display-format.js';
import type { ColumnRef } from '../hooks/useColumnProfile.js';
import type { TablesState } from '../hooks/useTables.js';
import styles from './Sidebar.module.css';

interface TableBrowserProps {
  state: TablesState;
  profiled: ColumnRef | null;
  onQuery: (table: TableInfo) => void;
  onExport: (table: TableInfo) => void;
  onDescribe: (table: TableInfo) => void;
  onRename: (table: TableInfo) => void;
  onDrop: (table: TableInfo) => void;
  onProfile: (column: ColumnRef) => void;
  onImport: () => void;
  /** More about a table, under its facts (where a table imported from a database came from, and Refresh). */
  extra?: (table: TableInfo) => ReactNode;
}

const COLUMN_LIMIT = 400;

export function TableBrowser({ state, profiled, onQuery, onExport, onDescribe, onRename, onDrop, onProfile, onImport, extra }: TableBrowserProps) {
  const [open, setOpen] = useState<string | null>(null);
  const [filter, setFilter] = useState('');

  if (state.status !== 'ready') return <ListStatus state={state} loading="Loading tables" failed="Tables could not be listed" />;
  if (state.tables.length === 0) {
    return (
      <div className={styles.emptyState} data-testid="tables-empty">
        <strong>No tables yet</strong>
        <p>Import a CSV, TSV, Parquet or JSON file to start. It stays in this profile, on this computer.</p>
        <button type="button" className={styles.linkButton} onClick={onImport}>
          Import a file…
        </button>
      </div>
    );
  }

  const needle = filter.trim().toLowerCase();
  const tables = needle
    ? state.tables.filter((t) => t.name.toLowerCase().includes(needle) || t.columns.some((c) => c.name.toLowerCase().includes(needle)))
    : state.tables;

  return (
    <div className={styles.section}>
      {state.tables.length > 6 && (
        <input
          className={styles.search}
          value={filter}
          onChange={(e) => setFilter(e.target.value)}
          placeholder="Find a table or column"
          aria-label="Find a table or column"
        />
      )}
      <ul className={styles.list} data-testid="table-list">
        {tables.map((t) => {
          const key = `${t.schema}.${t.name}`;
          const expanded = open === key || (needle !== '' && tables.length === 1);
          const columns = needle && !t.name.toLowerCase().includes(needle) ? t.columns.filter((c) => c.name.toLowerCase().includes(needle)) : t.columns;
          return (
            <li key={key} className={styles.tableItem}>
              <button
                type="button"
                className={styles.tableButton}
                aria-expanded={expanded}
                onClick={() => setOpen(expanded ? null : key)}
                data-testid={`table-${t.name}`}
              >
                <span className={styles.chevron} aria-hidden="true">
                  {expanded ? '▾' : '▸'}
                </span>
                <span className={styles.tableName}>
                  {t.schema !== 'main' && <span className={styles.dim}>{t.schema}.</span>}
                  {t.name}
                </span>
                {t.kind === 'view' && <span className={styles.badge}>view</span>}
                <span className={styles.tableMeta}>
                  {t.rowCount !== null ? formatCount(t.rowCount) : '—'}
                </span>
              </button>
              {expanded && (
                <div className={styles.tableBody}>
                  <div className={styles.tableFacts} data-testid={`table-facts-${t.name}`}>
                    {t.rowCount !== null && <span>{countOf(t.rowCount, 'row')}</span>}
                    <span>{countOf(t.columns.length, 'column')}</span>
                    {t.bytes !== null && t.bytes > 0 && <span>{formatBytes(t.bytes)}</span>}
                  </div>
                  {extra?.(t)}
                  <div className={styles.tableActions}>
                    <button type="button" className={styles.linkButton} onClick={() => onQuery(t)} data-testid={`query-${t.name}`}>
                      Query
                    </button>
                    <button type="button" className={styles.linkButton} onClick={() => onDescribe(t)} data-testid={`describe-${t.name}`}>
                      Describe
                    </button>
                    <button type="button" className={styles.linkButton} onClick={() => onExport(t)} data-testid={`export-${t.name}`}>
                      Export…
                    </button>
                    <button type="button" className={styles.linkButton} onClick={() => onRename(t)} data-testid={`rename-${t.name}`}>
                      Rename…
                    </button>
                    <button type="button" className={`${styles.linkButton} ${styles.dangerLink}`} onClick={() => onDrop(t)} data-testid={`drop-${t.name}`}>
                      Drop…
                    </button>
                  </div>
                  <ul className={styles.columns} aria-label={`Columns of ${t.name}`}>
                    {columns.slice(0, COLUMN_LIMIT).map((c) => {
                      const active = profiled?.table === t.name && profiled.schema === t.schema && profiled.column === c.name;
                      return (
                        <li key={c.name}>
                          <button
                            type="button"
                            className={`${styles.column} ${active ? styles.columnActive : ''}`}
                            onClick={() => onProfile({ schema: t.schema, table: t.name, column: c.name })}
                            title={`Profile ${c.name}`}
                            data-testid={`column-${t.name}-${c.name}`}
                          >
                            <span className={styles.columnName}>{c.name}</span>
                            <span className={styles.columnType}>{c.type}</span>
                          </button>
                        </li>
                      );
                    })}
                    {columns.length > COLUMN_LIMIT && (
                      <li className={styles.dim}>… {columns.length - COLUMN_LIMIT} more: use the search above</li>
                    )}
                  </ul>
                </div>
              )}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
