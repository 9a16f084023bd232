// A modal on the native <dialog>: the browser traps focus, Escape closes, and the
// page behind is inert.
import type { ReactNode } from 'react';
import styles from './Dialog.module.css';
import { Icon } from './Icon.js';
import { useModalDialog } from '../hooks/useModalDialog.js';

interface DialogProps {
  title: string;
  onClose: () => void;
  children: ReactNode;
  footer?: ReactNode;
  testId?: string;
  width?: number;
}

export function Dialog({ title, onClose, children, footer, testId, width = 480 }: DialogProps) {
  const ref = useModalDialog(onClose);

  return (
    <dialog
      ref={ref}
      className={styles.dialog}
      style={{ width }}
      aria-labelledby={`${testId ?? 'dialog'}-title`}
      data-testid={testId}
      onClick={(event) => {
        // A click on the backdrop lands on the dialog element itself.
        if (event.target === ref.current) onClose();
      }}
    >
      <div className={styles.panel}>
        <header className={styles.header}>
          <h2 id={`${testId ?? 'dialog'}-title`} className={styles.title}>
            {title}
          </h2>
          <button type="button" className={styles.close} onClick={onClose} aria-label="Close">
            <Icon name="close" size={16} />
          </button>
        </header>
        <div className={styles.body}>{children}</div>
        {footer && <footer className={styles.footer}>{footer}</footer>}
      </div>
    </dialog>
  );
}
