// A column's type in the import preview: a combobox. Typing searches DuckDB's types;
// arrows and Enter pick one; any other type DuckDB knows (DECIMAL(10,3), VARCHAR[]) can
// still be typed. The list floats over the preview (position: fixed, so the preview's
// scrolling box does not clip it) and closes when the preview scrolls.
import { useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import styles from './Import.module.css';

export const DUCKDB_TYPES: readonly { type: string; about: string }[] = [
  { type: 'VARCHAR', about: 'text' },
  { type: 'BIGINT', about: 'whole number, 64-bit' },
  { type: 'INTEGER', about: 'whole number, 32-bit' },
  { type: 'SMALLINT', about: 'whole number, 16-bit' },
  { type: 'HUGEINT', about: 'whole number, 128-bit' },
  { type: 'DOUBLE', about: 'floating point' },
  { type: 'DECIMAL(18,2)', about: 'exact, 2 decimals' },
  { type: 'DECIMAL(38,10)', about: 'exact, 10 decimals' },
  { type: 'BOOLEAN', about: 'true / false' },
  { type: 'DATE', about: 'calendar date' },
  { type: 'TIME', about: 'time of day' },
  { type: 'TIMESTAMP', about: 'date and time' },
  { type: 'TIMESTAMPTZ', about: 'date and time with zone' },
  { type: 'INTERVAL', about: 'duration' },
  { type: 'UUID', about: 'identifier' },
  { type: 'JSON', about: 'JSON text' },
  { type: 'BLOB', about: 'bytes' },
];

/** Types matching `query`: exact first, then those it starts, then those containing it. */
function matches(query: string): typeof DUCKDB_TYPES {
  const q = query.trim().toUpperCase();
  if (!q) return DUCKDB_TYPES;
  const rank = (t: string) => (t === q ? 0 : t.startsWith(q) ? 1 : t.includes(q) ? 2 : 3);
  return DUCKDB_TYPES.filter((t) => rank(t.type) < 3 || t.about.toUpperCase().includes(q)).sort((a, b) => rank(a.type) - rank(b.type));
}

interface TypeSelectProps {
  column: string;
  value: string;
  overridden: boolean;
  onChange: (type: string) => void;
  testId: string;
}

export function TypeSelect({ column, value, overridden, onChange, testId }: TypeSelectProps) {
  const id = useId();
  const inputRef = useRef<HTMLInputElement>(null);
  const [draft, setDraft] = useState<string | null>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const [at, setAt] = useState<{ left: number; top: number; width: number } | null>(null);
  /** Set when Enter or a click already committed: the blur that follows must not commit the draft again. */
  const committed = useRef(false);
  const options = useMemo(() => (draft === null ? DUCKDB_TYPES : matches(draft)), [draft]);

  const show = () => {
    const r = inputRef.current?.getBoundingClientRect();
    if (r) setAt({ left: r.left, top: r.bottom + 2, width: Math.max(r.width, 220) });
    setOpen(true);
  };
  const close = () => {
    setOpen(false);
    setActive(-1);
  };
  const commit = (type: string | null) => {
    close();
    setDraft(null);
    if (type !== null && type.trim().toUpperCase() !== value.toUpperCase()) onChange(type);
  };

  // The list is placed once when it opens: scrolling the preview closes it instead of leaving it behind.
  useEffect(() => {
    if (!open) return;
    const onScroll = (e: Event) => {
      if (e.target instanceof Node && document.getElementById(`${id}-list`)?.contains(e.target)) return;
      close();
    };
    window.addEventListener('scroll', onScroll, true);
    return () => window.removeEventListener('scroll', onScroll, true);
  }, [open, id]);

  const onKeyDown = (e: KeyboardEvent<HTMLInputElement>) => {
    if (e.key === 'ArrowDown' || e.key === 'ArrowUp') {
      e.preventDefault();
      if (!open) show();
      const step = e.key === 'ArrowDown' ? 1 : -1;
      setActive((i) => Math.max(0, Math.min(options.length - 1, i + step)));
    } else if (e.key === 'Enter') {
      e.preventDefault();
      const picked = active >= 0 ? options[active]?.type : undefined;
      commit(picked ?? draft);
      committed.current = true;
      inputRef.current?.blur();
    } else if (e.key === 'Escape' && (open || draft !== null)) {
      e.preventDefault();
      e.stopPropagation();
      setDraft(null);
      close();
    }
  };

  return (
    <div className={styles.typeSelect}>
      <input
        ref={inputRef}
        className={`${styles.colTypeInput} ${overridden ? styles.overridden : ''}`}
        role="combobox"
        aria-expanded={open}
        aria-controls={`${id}-list`}
        aria-autocomplete="list"
        aria-activedescendant={open && active >= 0 ? `${id}-opt-${active}` : undefined}
        aria-label={`Type of column ${column}`}
        value={draft ?? value}
        onChange={(e) => {
          setDraft(e.target.value);
          setActive(e.target.value.trim() ? 0 : -1);
          if (!open) show();
        }}
        onFocus={(e) => {
          e.currentTarget.select();
          show();
        }}
        onClick={() => !open && show()}
        onBlur={() => {
          if (!committed.current) commit(draft);
          committed.current = false;
        }}
        onKeyDown={onKeyDown}
        spellCheck={false}
        data-testid={testId}
      />
      <span className={styles.typeChevron} aria-hidden="true">
        ▾
      </span>
      {open && at && options.length > 0 && (
        <ul
          id={`${id}-list`}
          role="listbox"
          aria-label={`Types for ${column}`}
          className={styles.typeList}
          style={{ left: at.left, top: at.top, minWidth: at.width }}
          data-testid={`${testId}-options`}
        >
          {options.map((o, i) => (
            <li
              key={o.type}
              id={`${id}-opt-${i}`}
              role="option"
              aria-selected={i === active}
              className={`${styles.typeOption} ${i === active ? styles.typeOptionActive : ''}`}
              onMouseDown={(e) => {
                e.preventDefault();
                commit(o.type);
                committed.current = true;
                inputRef.current?.blur();
              }}
              onMouseEnter={() => setActive(i)}
            >
              <code>{o.type}</code>
              <small>{o.about}</small>
            </li>
          ))}
        </ul>
      )}
    </div>
  );
}
