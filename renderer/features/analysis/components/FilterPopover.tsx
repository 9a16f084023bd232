// Filter one column of a result: an operator and, for most, a value. DuckDB casts the
// text to the column's type, so '2024-01-31' works for a DATE and '10.5' for a DECIMAL.
import { useEffect, useId, useRef, useState, type FormEvent } from 'react';
import type { FilterOp, ResultFilter } from '../../../../shared/analysis/analytics.js';
import { isNumericType, type WireColumn } from '../../../../shared/wire.js';
import { Button } from '../../../components/Button.js';
import styles from './FilterPopover.module.css';

const LABELS: Record<FilterOp, string> = {
  '=': 'equals',
  '!=': 'does not equal',
  '<': 'less than',
  '<=': 'at most',
  '>': 'greater than',
  '>=': 'at least',
  contains: 'contains',
  starts_with: 'starts with',
  is_null: 'is NULL',
  is_not_null: 'is not NULL',
};

const TEXT_OPS: FilterOp[] = ['contains', 'starts_with', '=', '!=', '<', '>', 'is_null', 'is_not_null'];
const ORDERED_OPS: FilterOp[] = ['=', '!=', '<', '<=', '>', '>=', 'is_null', 'is_not_null'];
const OTHER_OPS: FilterOp[] = ['=', '!=', 'contains', 'is_null', 'is_not_null'];

function opsFor(column: WireColumn): FilterOp[] {
  if (column.type.id === 'VARCHAR' || column.type.id === 'ENUM') return TEXT_OPS;
  if (isNumericType(column.type) || /^(DATE|TIME|TIMESTAMP|INTERVAL|BOOLEAN|UUID)/.test(column.type.id)) return ORDERED_OPS;
  return OTHER_OPS;
}

interface FilterPopoverProps {
  column: WireColumn;
  left: number;
  onApply: (filter: ResultFilter) => void;
  onClose: () => void;
}

export function FilterPopover({ column, left, onApply, onClose }: FilterPopoverProps) {
  const ops = opsFor(column);
  const [op, setOp] = useState<FilterOp>(ops[0]!);
  const [value, setValue] = useState('');
  const id = useId();
  const firstRef = useRef<HTMLSelectElement>(null);
  const needsValue = op !== 'is_null' && op !== 'is_not_null';

  useEffect(() => firstRef.current?.focus(), []);

  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(needsValue ? { column: column.name, op, value } : { column: column.name, op });
  };

  return (
    <form
      className={styles.popover}
      style={{ left }}
      onSubmit={submit}
      onKeyDown={(e) => {
        if (e.key === 'Escape') {
          e.stopPropagation();
          onClose();
        }
      }}
      role="dialog"
      aria-label={`Filter ${column.name}`}
      data-testid="filter-popover"
    >
      <div className={styles.title}>
        Filter <code>{column.name}</code>
      </div>
      <label className="sr-only" htmlFor={`${id}-op`}>
        Operator
      </label>
      <select id={`${id}-op`} ref={firstRef} className={styles.control} value={op} onChange={(e) => setOp(e.target.value as FilterOp)}>
        {ops.map((o) => (
          <option key={o} value={o}>
            {LABELS[o]}
          </option>
        ))}
      </select>
      {needsValue && (
        <>
          <label className="sr-only" htmlFor={`${id}-value`}>
            Value
          </label>
          <input
            id={`${id}-value`}
            className={styles.control}
            value={value}
            onChange={(e) => setValue(e.target.value)}
            placeholder={column.type.sql}
            data-testid="filter-value"
          />
        </>
      )}
      <div className={styles.actions}>
        <Button size="small" variant="ghost" onClick={onClose}>
          Cancel
        </Button>
        <Button size="small" variant="primary" type="submit">
          Apply
        </Button>
      </div>
    </form>
  );
}
