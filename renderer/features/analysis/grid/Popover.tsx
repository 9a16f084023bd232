// A button that opens a small panel below it (a menu or a settings list). Escape or a
// click outside closes it and gives focus back to the button.
import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import styles from './GridToolbar.module.css';

interface PopoverProps {
  label: ReactNode;
  title: string;
  testId: string;
  role: 'menu' | 'dialog';
  align?: 'left' | 'right';
  children: (close: () => void) => ReactNode;
}

export function Popover({ label, title, testId, role, align = 'right', children }: PopoverProps) {
  const [open, setOpen] = useState(false);
  const boxRef = useRef<HTMLDivElement>(null);
  const buttonId = useId();

  useEffect(() => {
    if (!open) return;
    // Focus goes into the panel, so the keyboard can use it at once.
    boxRef.current?.querySelector<HTMLElement>('button, input, select')?.focus();
    // Closed by the click outside, not its pointerdown: closing moves the layout (the open
    // panel can give the page a scrollbar, and the toolbar is right-aligned), and a button
    // that moved between pointerdown and pointerup never gets the click it was aimed at.
    const outside = (e: MouseEvent) => {
      if (!boxRef.current?.parentElement?.contains(e.target as Node)) setOpen(false);
    };
    // Escape closes it from anywhere: the focused item may have gone (Show all columns
    // disappears once clicked), leaving focus outside the panel.
    const escape = (e: KeyboardEvent) => {
      if (e.key === 'Escape') setOpen(false);
    };
    window.addEventListener('click', outside);
    window.addEventListener('keydown', escape);
    return () => {
      window.removeEventListener('click', outside);
      window.removeEventListener('keydown', escape);
    };
  }, [open]);

  // By id, not a ref: `close` is handed to the panel's render function.
  const close = () => {
    setOpen(false);
    document.getElementById(buttonId)?.focus();
  };

  return (
    <span className={styles.popoverAnchor}>
      <button
        id={buttonId}
        type="button"
        className={styles.toolButton}
        aria-haspopup={role}
        aria-expanded={open}
        title={title}
        onClick={() => setOpen((o) => !o)}
        data-testid={testId}
      >
        {label}
      </button>
      {open && (
        <div
          ref={boxRef}
          role={role}
          aria-label={title}
          className={`${styles.popover} ${align === 'left' ? styles.alignLeft : ''}`}
          onKeyDown={(e) => {
            if (e.key === 'Escape') {
              e.stopPropagation();
              close();
            } else if (role === 'menu' && (e.key === 'ArrowDown' || e.key === 'ArrowUp')) {
              e.preventDefault();
              const items = [...(boxRef.current?.querySelectorAll<HTMLElement>('[role="menuitem"]') ?? [])];
              const at = items.indexOf(document.activeElement as HTMLElement);
              items[(at + (e.key === 'ArrowDown' ? 1 : -1) + items.length) % items.length]?.focus();
            }
          }}
          data-testid={`${testId}-panel`}
        >
          {children(close)}
        </div>
      )}
    </span>
  );
}
