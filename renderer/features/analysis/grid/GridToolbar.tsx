// The grid's tools above it: copy the selection in a chosen format, number display
// (grouped or raw, fixed decimals), wrapping long text, and which columns show, in
// what order, and how many stay frozen.
import { COPY_FORMAT_LABELS, type CopyFormat } from '../../../../shared/analysis/copy-formats.js';
import type { NumberFormat } from '../../../../shared/analysis/number-format.js';
import type { WireColumn } from '../../../../shared/wire.js';
import { countOf, groupingSample } from '../display-format.js';
import type { ColumnLayout } from './useColumnLayout.js';
import styles from './GridToolbar.module.css';
import { Popover } from './Popover.js';

interface GridToolbarProps {
  columns: WireColumn[];
  layout: ColumnLayout;
  numberFormat: NumberFormat;
  onNumberFormat: (format: NumberFormat) => void;
  wrap: boolean;
  onWrap: (wrap: boolean) => void;
  canCopy: boolean;
  onCopy: (format: CopyFormat) => void;
}

const COPY_FORMATS: CopyFormat[] = ['tsv', 'csv', 'markdown', 'json', 'sql-in'];
const DECIMALS = [null, 0, 1, 2, 3, 4, 6];

export function GridToolbar({ columns, layout, numberFormat, onNumberFormat, wrap, onWrap, canCopy, onCopy }: GridToolbarProps) {
  const raw = numberFormat.mode === 'raw';
  return (
    <div className={styles.toolbar} role="toolbar" aria-label="Grid">
      <Popover label="Copy ▾" title="Copy the selection" testId="copy-menu" role="menu">
        {(close) =>
          COPY_FORMATS.map((f) => (
            <button
              key={f}
              type="button"
              role="menuitem"
              className={styles.menuItem}
              disabled={!canCopy}
              onClick={() => {
                close();
                onCopy(f);
              }}
              data-testid={`copy-as-${f}`}
            >
              {COPY_FORMAT_LABELS[f]}
              {f === 'tsv' && <kbd className={styles.shortcut}>Ctrl+C</kbd>}
            </button>
          ))
        }
      </Popover>
      <button
        type="button"
        className={styles.toolButton}
        aria-pressed={raw}
        onClick={() => onNumberFormat({ ...numberFormat, mode: raw ? 'grouped' : 'raw' })}
        title={raw ? 'Numbers as stored: click to show thousands separators' : 'Numbers with thousands separators: click to show them as stored'}
        data-testid="numbers-raw"
      >
        {raw ? 'Raw numbers' : groupingSample()}
      </button>
      <label className={styles.decimals}>
        <span>Decimals</span>
        <select
          className={styles.toolSelect}
          value={numberFormat.decimals ?? ''}
          disabled={raw}
          onChange={(e) => onNumberFormat({ ...numberFormat, decimals: e.target.value === '' ? null : Number(e.target.value) })}
          data-testid="number-decimals"
        >
          {DECIMALS.map((d) => (
            <option key={d ?? 'auto'} value={d ?? ''}>
              {d === null ? 'as stored' : d}
            </option>
          ))}
        </select>
      </label>
      <button type="button" className={styles.toolButton} aria-pressed={wrap} onClick={() => onWrap(!wrap)} title="Wrap long text on up to three lines" data-testid="wrap-text">
        Wrap
      </button>
      <Popover label="Columns ▾" title="Show, hide, reorder and freeze columns" testId="columns-menu" role="dialog">
        {() => (
          <div className={styles.columns}>
            <label className={styles.freeze}>
              Freeze the first
              <select className={styles.toolSelect} value={layout.frozen} onChange={(e) => layout.setFrozen(Number(e.target.value))} data-testid="freeze-columns">
                {Array.from({ length: Math.min(6, layout.display.length) }, (_, n) => (
                  <option key={n} value={n}>
                    {n === 0 ? 'no columns' : n === 1 ? '1 column' : `${n} columns`}
                  </option>
                ))}
              </select>
            </label>
            <ul className={styles.columnList}>
              {layout.order.map((j, at) => {
                const col = columns[j]!;
                return (
                  <li key={j} className={styles.columnItem}>
                    <label>
                      <input
                        type="checkbox"
                        checked={!layout.hidden.has(j)}
                        onChange={() => layout.toggleHidden(j)}
                        data-testid={`show-column-${col.name}`}
                      />
                      <span className={styles.columnName}>{col.name}</span>
                    </label>
                    <button type="button" aria-label={`Move ${col.name} left`} disabled={at === 0} onClick={() => layout.move(j, -1)} data-testid={`move-left-${col.name}`}>
                      ↑
                    </button>
                    <button
                      type="button"
                      aria-label={`Move ${col.name} right`}
                      disabled={at === layout.order.length - 1}
                      onClick={() => layout.move(j, 1)}
                      data-testid={`move-right-${col.name}`}
                    >
                      ↓
                    </button>
                  </li>
                );
              })}
            </ul>
            {layout.hidden.size > 0 && (
              <button type="button" className={styles.showAll} onClick={layout.showAll} data-testid="show-all-columns">
                Show all {countOf(columns.length, 'column')}
              </button>
            )}
          </div>
        )}
      </Popover>
    </div>
  );
}
