// Group a result without SQL (Tad's core view): choose the columns to group by, the
// aggregates to compute, and optionally a column whose values become columns (pivot).
// The core generates the SQL, shown under the result like that of a sort or filter.
import { useState } from 'react';
import { AGGREGATE_FNS, type AggregateFn, type ResultAggregate, type ResultGrouping } from '../../../../shared/analysis/analytics.js';
import { isNumericType, type WireColumn } from '../../../../shared/wire.js';
import { Select } from '../../../components/Select.js';
import styles from './GridToolbar.module.css';
import { Popover } from './Popover.js';

const FN_LABELS: Record<AggregateFn, string> = {
  count: 'count',
  count_distinct: 'count distinct',
  sum: 'sum',
  avg: 'average',
  min: 'min',
  max: 'max',
};

interface GroupMenuProps {
  columns: WireColumn[];
  group: ResultGrouping | null;
  onGroup: (group: ResultGrouping | null) => void;
}

const NO_COLUMN = '';

function GroupForm({ columns, group, onGroup, close }: GroupMenuProps & { close: () => void }) {
  const [by, setBy] = useState<string[]>(group?.columns ?? []);
  const [aggregates, setAggregates] = useState<ResultAggregate[]>(group?.aggregates ?? [{ fn: 'count' }]);
  const [pivot, setPivot] = useState<string>(group?.pivot ?? NO_COLUMN);
  const numeric = columns.filter((c) => isNumericType(c.type) || c.type.id === 'INTERVAL');

  const toggle = (name: string) => setBy((b) => (b.includes(name) ? b.filter((x) => x !== name) : [...b, name]));
  const setAggregate = (i: number, a: ResultAggregate) => setAggregates((list) => list.map((x, k) => (k === i ? a : x)));
  const columnsFor = (fn: AggregateFn) => (fn === 'sum' || fn === 'avg' ? numeric : columns);

  return (
    <form
      className={styles.columns}
      onSubmit={(e) => {
        e.preventDefault();
        close();
        onGroup({ columns: by, aggregates, ...(pivot !== NO_COLUMN ? { pivot } : {}) });
      }}
    >
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Group by</legend>
        <ul className={styles.columnList}>
          {columns.map((c) => (
            <li key={c.name} className={styles.columnItem}>
              <label>
                <input type="checkbox" checked={by.includes(c.name)} onChange={() => toggle(c.name)} data-testid={`group-by-${c.name}`} />
                <span className={styles.columnName}>{c.name}</span>
              </label>
            </li>
          ))}
        </ul>
      </fieldset>
      <fieldset className={styles.fieldset}>
        <legend className={styles.legend}>Aggregates</legend>
        {aggregates.map((a, i) => (
          <div key={i} className={styles.aggregate}>
            <select
              className={styles.aggregateSelect}
              aria-label={`Aggregate ${i + 1}`}
              value={a.fn}
              onChange={(e) => {
                const fn = e.target.value as AggregateFn;
                const allowed = columnsFor(fn);
                const column = a.column !== undefined && allowed.some((c) => c.name === a.column) ? a.column : fn === 'count' ? undefined : allowed[0]?.name;
                setAggregate(i, column === undefined ? { fn } : { fn, column });
              }}
              data-testid={`aggregate-fn-${i}`}
            >
              {AGGREGATE_FNS.map((fn) => (
                <option key={fn} value={fn} disabled={(fn === 'sum' || fn === 'avg') && numeric.length === 0}>
                  {FN_LABELS[fn]}
                </option>
              ))}
            </select>
            <select
              className={styles.aggregateSelect}
              aria-label={`Column of aggregate ${i + 1}`}
              value={a.column ?? NO_COLUMN}
              onChange={(e) => setAggregate(i, e.target.value === NO_COLUMN ? { fn: a.fn } : { fn: a.fn, column: e.target.value })}
              data-testid={`aggregate-column-${i}`}
            >
              {a.fn === 'count' && <option value={NO_COLUMN}>rows</option>}
              {columnsFor(a.fn).map((c) => (
                <option key={c.name} value={c.name}>
                  {c.name}
                </option>
              ))}
            </select>
            <button type="button" aria-label={`Remove aggregate ${i + 1}`} onClick={() => setAggregates((l) => l.filter((_, k) => k !== i))}>
              ✕
            </button>
          </div>
        ))}
        <button
          type="button"
          className={styles.showAll}
          onClick={() => setAggregates((l) => [...l, numeric[0] ? { fn: 'sum', column: numeric[0].name } : { fn: 'count' }])}
          data-testid="add-aggregate"
        >
          + Add an aggregate
        </button>
      </fieldset>
      <label className={styles.freeze}>
        Pivot on
        <Select
          className={styles.toolSelect}
          value={pivot}
          options={[{ value: NO_COLUMN, label: 'no pivot' }, ...columns.filter((c) => !by.includes(c.name)).map((c) => ({ value: c.name, label: c.name }))]}
          onChange={setPivot}
          data-testid="group-pivot"
        />
      </label>
      <div className={styles.formButtons}>
        {group && (
          <button
            type="button"
            className={styles.toolButton}
            onClick={() => {
              close();
              onGroup(null);
            }}
            data-testid="group-clear"
          >
            Ungroup
          </button>
        )}
        <button type="submit" className={`${styles.toolButton} ${styles.primary}`} disabled={by.length === 0} data-testid="group-apply">
          Group
        </button>
      </div>
    </form>
  );
}

export function GroupMenu(props: GroupMenuProps) {
  return (
    <Popover label={props.group ? 'Grouped ▾' : 'Group ▾'} title="Group by columns, with aggregates and an optional pivot" testId="group-menu" role="dialog" align="left">
      {(close) => <GroupForm {...props} close={close} />}
    </Popover>
  );
}
