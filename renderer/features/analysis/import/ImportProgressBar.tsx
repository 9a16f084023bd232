// The progress bar of a running import (a file or a database source): a fill when the
// fraction done is known, an indeterminate sweep when it is not, and a line of text
// that ends with the time taken so far (ticking four times a second).
import { useEffect, useState, type ReactNode } from 'react';
import { formatDuration } from '../display-format.js';
import styles from './Import.module.css';

interface ImportProgressBarProps {
  /** 0..1, or null when the total is unknown. */
  fraction: number | null;
  startedAt: number;
  /** What has been read so far; the time taken follows it. */
  children: ReactNode;
  testId: string;
  textTestId?: string;
}

export function ImportProgressBar({ fraction, startedAt, children, testId, textTestId }: ImportProgressBarProps) {
  const [now, setNow] = useState(() => performance.now());
  useEffect(() => {
    const t = setInterval(() => setNow(performance.now()), 250);
    return () => clearInterval(t);
  }, []);
  return (
    <div className={styles.progress} data-testid={testId}>
      <div
        className={styles.progressTrack}
        role="progressbar"
        aria-label="Import progress"
        aria-valuemin={0}
        aria-valuemax={100}
        aria-valuenow={fraction === null ? undefined : Math.round(fraction * 100)}
      >
        <span className={fraction === null ? styles.progressIndeterminate : styles.progressFill} style={fraction === null ? undefined : { width: `${fraction * 100}%` }} />
      </div>
      <div className={styles.progressText} data-testid={textTestId}>
        {children} · {formatDuration(now - startedAt)}
      </div>
    </div>
  );
}
