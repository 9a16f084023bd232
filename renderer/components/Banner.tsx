import type { ReactNode } from 'react';
import styles from './Banner.module.css';
import { Icon, type IconName } from './Icon.js';

interface BannerProps {
  tone: 'danger' | 'info';
  icon: IconName;
  title: string;
  children?: ReactNode;
  onDismiss?: () => void;
  testId?: string;
}

export function Banner({ tone, icon, title, children, onDismiss, testId }: BannerProps) {
  return (
    <div className={`${styles.banner} ${styles[tone]}`} role={tone === 'danger' ? 'alert' : 'status'} data-testid={testId}>
      <Icon name={icon} size={18} className={styles.icon} />
      <div className={styles.body}>
        <strong className={styles.title}>{title}</strong>
        {children}
      </div>
      {onDismiss && (
        <button type="button" className={styles.dismiss} onClick={onDismiss} aria-label="Dismiss">
          <Icon name="close" size={14} />
        </button>
      )}
    </div>
  );
}
