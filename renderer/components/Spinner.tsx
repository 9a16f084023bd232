import styles from './Spinner.module.css';

interface SpinnerProps {
  size?: number;
  /** Announced to assistive tech; omit when a button label already says it. */
  label?: string;
}

export function Spinner({ size = 14, label }: SpinnerProps) {
  return (
    <span
      className={styles.spinner}
      style={{ width: size, height: size }}
      {...(label ? { role: 'status', 'aria-label': label } : { 'aria-hidden': true })}
    />
  );
}
