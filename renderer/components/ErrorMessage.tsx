import type { ReactNode } from 'react';
import styles from './ErrorMessage.module.css';
import { Icon } from './Icon.js';

interface ErrorMessageProps {
  id?: string;
  children: ReactNode;
}

export function ErrorMessage({ id, children }: ErrorMessageProps) {
  return (
    <p id={id} className={styles.error} role="alert" data-testid="error-message">
      <Icon name="alert" size={14} className={styles.icon} />
      <span>{children}</span>
    </p>
  );
}
