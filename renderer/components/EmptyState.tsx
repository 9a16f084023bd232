// A designed empty, loading-failed or nothing-found state inside a section.
import type { ReactNode } from 'react';
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
