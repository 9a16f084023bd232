// A row of mutually exclusive choices (filters, views), arrow keys move between them.
import type { KeyboardEvent, ReactNode } from 'react';
import styles from './SegmentedControl.module.css';

export interface Segment<V extends string> {
  value: V;
  label: ReactNode;
  /** Shown after the label, e.g. a count. */
  badge?: ReactNode;
  testId?: string;
}

interface SegmentedControlProps<V extends string> {
  label: string;
  value: V;
  options: readonly Segment<V>[];
  onChange: (value: V) => void;
}

export function SegmentedControl<V extends string>({ label, value, options, onChange }: SegmentedControlProps<V>) {
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowRight' && event.key !== 'ArrowLeft') return;
    event.preventDefault();
    const index = options.findIndex((o) => o.value === value);
    const next = options[(index + (event.key === 'ArrowRight' ? 1 : -1) + options.length) % options.length]!;
    onChange(next.value);
    const buttons = event.currentTarget.querySelectorAll('button');
    buttons[options.indexOf(next)]?.focus();
  };
  return (
    <div className={styles.group} role="radiogroup" aria-label={label} onKeyDown={onKeyDown}>
      {options.map((option) => (
        <button
          key={option.value}
          type="button"
          role="radio"
          aria-checked={option.value === value}
          tabIndex={option.value === value ? 0 : -1}
          className={styles.segment}
          onClick={() => onChange(option.value)}
          data-testid={option.testId}
        >
          {option.label}
          {option.badge !== undefined && <span className={styles.badge}>{option.badge}</span>}
        </button>
      ))}
    </div>
  );
}
