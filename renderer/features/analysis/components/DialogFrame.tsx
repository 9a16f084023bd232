// A small modal form of the analysis space (rename or drop a table, save a query): a
// title, the form's fields, Escape or a click outside closes it.
import { useId, type FormEvent, type ReactNode } from 'react';
import styles from './Dialog.module.css';

interface DialogFrameProps {
  title: string;
  testId: string;
  onClose: () => void;
  onSubmit: () => void;
  children: ReactNode;
}

export function DialogFrame({ title, testId, onClose, onSubmit, children }: DialogFrameProps) {
  const id = useId();
  return (
    <div className={styles.backdrop} onMouseDown={(e) => e.target === e.currentTarget && onClose()}>
      <form
        className={styles.dialog}
        role="dialog"
        aria-modal="true"
        aria-labelledby={`${id}-title`}
        onSubmit={(e: FormEvent) => {
          e.preventDefault();
          onSubmit();
        }}
        onKeyDown={(e) => e.key === 'Escape' && onClose()}
        data-testid={testId}
      >
        <h2 id={`${id}-title`} className={styles.title}>
          {title}
        </h2>
        {children}
      </form>
    </div>
  );
}

