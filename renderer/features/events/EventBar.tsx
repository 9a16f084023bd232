// One all-day or multi-day event as a bar across the days it covers in a row of days: the
// month grid's weeks and the week and day views' all-day row draw the same bar.
import type { CalendarEvent } from '../../../shared/events/events.js';
import { timeLabel } from '../../format/local-time.js';
import styles from './EventBar.module.css';
import type { Bar } from './event-layout.js';

interface EventBarProps {
  bar: Bar;
  /** The row's days, for the bar's first and last date. */
  days: readonly string[];
  onOpen: (event: CalendarEvent) => void;
  testId: string;
}

export function EventBar({ bar, days, onOpen, testId }: EventBarProps) {
  const { event } = bar;
  return (
    <button
      type="button"
      className={`${styles.bar} ${bar.continuesBefore ? styles.cutStart : ''} ${bar.continuesAfter ? styles.cutEnd : ''}`}
      style={{ gridColumn: `${bar.column + 1} / span ${bar.span}`, gridRow: bar.lane + 1 }}
      onClick={() => onOpen(event)}
      title={event.title}
      data-testid={testId}
      data-from={days[bar.column]}
      data-to={days[bar.column + bar.span - 1]}
    >
      {!event.allDay && !bar.continuesBefore && <span className={styles.time}>{timeLabel(Date.parse(event.start))}</span>}
      <span className={styles.title}>{event.title}</span>
    </button>
  );
}
