// A designed empty, loading-failed or nothing-found state inside a section.
import type { ReactNode } from 'react';
import type { AppError } from '../../shared/errors.js';
import { Button } from './Button.js';
import styles from './EmptyState.module.css';
import { Icon, type IconName } from './Icon.js';

interface EmptyStateProps {
  icon: IconName;
  title: string;
  children?: ReactNode;
  action?: ReactNode;
  tone?: 'neutral' | 'danger';
  testId?: string;
  compact?: boolean;
}

export function EmptyState({ icon, title, children, action, tone = 'neutral', testId, compact = false }: EmptyStateProps) {
  return (
    <div
      className={`${styles.empty} ${compact ? styles.compact : ''} ${tone === 'danger' ? styles.danger : ''}`}
      role={tone === 'danger' ? 'alert' : undefined}
      data-testid={testId}
    >
      <span className={styles.icon}>
        <Icon name={icon} size={compact ? 18 : 22} />
      </span>
      <p className={styles.title}>{title}</p>
      {children && <p className={styles.text}>{children}</p>}
      {action}
    </div>
  );
}

interface LoadFailedProps {
  title: string;
  error: AppError | null | undefined;
  /** Reads again; without it there is no "Try again" button. */
  onRetry?: () => void;
  compact?: boolean;
}

/** A read that failed: what could not be shown, the reason, and a way to try again. */
export function LoadFailed({ title, error, onRetry, compact = false }: LoadFailedProps) {
  return (
    <EmptyState compact={compact} icon="alert" tone="danger" title={title} action={onRetry && <Button onClick={onRetry}>Try again</Button>}>
      {error?.message}
    </EmptyState>
  );
}
