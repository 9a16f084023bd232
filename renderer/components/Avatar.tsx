import type { ReactNode } from 'react';
import styles from './Avatar.module.css';

interface AvatarProps {
  name: string;
  color: string;
  size?: 'sm' | 'md' | 'lg';
  /** A small glyph pinned to the bottom-right edge (e.g. a lock). */
  badge?: ReactNode;
}

/** First visible character, so "élodie" shows "É" and an emoji name shows the emoji. */
const initialOf = (name: string) => (Array.from(name.trim())[0] ?? '?').toLocaleUpperCase();

export function Avatar({ name, color, size = 'md', badge }: AvatarProps) {
  return (
    <span className={`${styles.avatar} ${styles[size]}`} style={{ backgroundColor: color }} aria-hidden="true">
      {initialOf(name)}
      {badge && <span className={styles.badge}>{badge}</span>}
    </span>
  );
}
