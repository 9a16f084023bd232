// Statistics of one column: nulls, distinct values, range, quantiles, a histogram and
// the most frequent values. Computed when opened, one column at a time.
import type { ColumnProfile } from '../../../../shared/analysis/analytics.js';
import { formatCell, type WireCell, type WireType } from '../../../../shared/wire.js';
import { Button } from '../../../components/Button.js';
import { Spinner } from '../../../components/Spinner.js';
import { formatCount, formatExact, formatFixed } from '../display-format.js';
import { useColumnProfile, type ColumnRef } from '../hooks/useColumnProfile.js';
import styles from './ColumnProfilePanel.module.css';

/** Histogram bounds are computed as DOUBLE whatever the column's numeric type. */
const BIN_TYPE: WireType = { id: 'DOUBLE', sql: 'DOUBLE' };

function percent(part: number, whole: number) {
  if (!whole) return '0%';
  const p = (part / whole) * 100;
  return `${p < 0.1 && p > 0 ? `<${formatFixed(0.1, 1)}` : formatFixed(p, p < 10 ? 1 : 0)}%`;
}

export function ColumnProfilePanel({ target, onClose }: { target: ColumnRef; onClose: () => void }) {
  const state = useColumnProfile(target);
  // Formatted as the result grid formats the column's cells (its wire type, the profile's zone).
  const show = (p: ColumnProfile, cell: WireCell, type: WireType = p.wireType) =>
    cell === null ? <span className={styles.null}>NULL</span> : formatExact(formatCell(type, cell, { timeZone: p.timeZone }), type);

  return (
    <aside className={styles.panel} aria-label={`Profile of ${target.column}`} data-testid="column-profile">
      <header className={styles.head}>
        <div>
          <div className={styles.title}>{target.column}</div>
          <div className={styles.meta}>
            {target.table}
            {state.status === 'ready' && ` · ${state.profile.type}`}
          </div>
        </div>
        <Button size="small" variant="ghost" onClick={onClose} aria-label="Close column profile">
          ✕
        </Button>
      </header>
      {state.status === 'loading' && (
        <div className={styles.loading}>
          <Spinner size={16} label="Profiling column" /> Profiling…
        </div>
      )}
      {state.status === 'error' && (
        <div className={styles.error} role="alert">
          This column could not be profiled: {state.error.message}
        </div>
      )}
      {state.status === 'ready' &&
        (() => {
          const p = state.profile;
          const maxBin = Math.max(1, ...p.histogram.map((b) => b.count));
          const maxTop = Math.max(1, ...p.top.map((t) => t.count));
          return (
            <div className={styles.body}>
              <dl className={styles.stats}>
                <div>
                  <dt>Rows</dt>
                  <dd>{formatCount(p.rows)}</dd>
                </div>
                <div>
                  <dt>Nulls</dt>
                  <dd data-testid="profile-nulls">
                    {formatCount(p.nulls)} <small>{percent(p.nulls, p.rows)}</small>
                  </dd>
                </div>
                <div>
                  <dt>Distinct</dt>
                  <dd data-testid="profile-distinct">{formatCount(p.distinct)}</dd>
                </div>
                <div>
                  <dt>Min</dt>
                  <dd className={styles.mono}>{show(p, p.min)}</dd>
                </div>
                <div>
                  <dt>Max</dt>
                  <dd className={styles.mono}>{show(p, p.max)}</dd>
                </div>
              </dl>
              {p.quantiles.length > 0 && (
                <section>
                  <h3 className={styles.sub}>Quantiles</h3>
                  <table className={styles.quantiles}>
                    <tbody>
                      {p.quantiles.map((q) => (
                        <tr key={q.q}>
                          <th scope="row">{q.q === 0 ? 'min' : q.q === 1 ? 'max' : `p${Math.round(q.q * 100)}`}</th>
                          <td className={styles.mono}>{show(p, q.value)}</td>
                        </tr>
                      ))}
                    </tbody>
                  </table>
                </section>
              )}
              {p.histogram.length > 0 && (
                <section>
                  <h3 className={styles.sub}>Distribution</h3>
                  <div className={styles.histogram} role="img" aria-label={`Histogram of ${p.column}`}>
                    {p.histogram.map((b, i) => (
                      <span
                        key={i}
                        className={styles.bin}
                        style={{ height: `${Math.max(2, (b.count / maxBin) * 100)}%` }}
                        title={`${formatExact(formatCell(BIN_TYPE, b.from), BIN_TYPE)} – ${formatExact(formatCell(BIN_TYPE, b.to), BIN_TYPE)}: ${formatCount(b.count)}`}
                      />
                    ))}
                  </div>
                  <div className={styles.axis}>
                    <span>{show(p, p.histogram[0]!.from, BIN_TYPE)}</span>
                    <span>{show(p, p.histogram[p.histogram.length - 1]!.to, BIN_TYPE)}</span>
                  </div>
                </section>
              )}
              {p.top.length > 0 && (
                <section>
                  <h3 className={styles.sub}>Most frequent</h3>
                  <ul className={styles.top}>
                    {p.top.map((t, i) => (
                      <li key={i}>
                        <span className={styles.topBar} style={{ width: `${(t.count / maxTop) * 100}%` }} />
                        <span className={styles.topValue}>{show(p, t.value)}</span>
                        <span className={styles.topCount}>{formatCount(t.count)}</span>
                      </li>
                    ))}
                  </ul>
                </section>
              )}
            </div>
          );
        })()}
    </aside>
  );
}
