// How an event repeats: never, daily, weekly on chosen weekdays, monthly, yearly (every N),
// ending never, on a date or after a number of times; or a custom RFC 5545 rule as text.
import { EVENT_RULE_MAX } from '../../../shared/events/events.js';
import { WEEKDAYS, type Weekday } from '../../../shared/events/recurrence-rule.js';
import { DateInput } from '../../components/LocalizedInputs.js';
import { dateAtNoon } from '../../format/local-time.js';
import { currentLocale, dateFormat } from '../../format/locale.js';
import type { RepeatForm, RepeatFrequency } from './repeat-rule.js';
import styles from './EventDialog.module.css';

const UNIT: Record<Exclude<RepeatFrequency, 'none' | 'custom'>, string> = { DAILY: 'day', WEEKLY: 'week', MONTHLY: 'month', YEARLY: 'year' };
// WEEKDAYS is RRULE's order, Monday first (2024-01-01 was a Monday); the toggles show them
// from the viewer's first weekday, named in their locale.
const weekdayLabel = (i: number) => dateFormat({ weekday: 'short' }).format(dateAtNoon(`2024-01-0${i + 1}`));
const weekdaysInOrder = (): Weekday[] => {
  const from = (currentLocale().weekStart + 6) % 7;
  return Array.from({ length: 7 }, (_, k) => WEEKDAYS[(from + k) % 7]!);
};

interface RepeatEditorProps {
  value: RepeatForm;
  onChange: (next: RepeatForm) => void;
  error: string | null;
}

export function RepeatEditor({ value, onChange, error }: RepeatEditorProps) {
  const set = (changes: Partial<RepeatForm>) => onChange({ ...value, ...changes });
  const toggleDay = (d: Weekday) =>
    set({ byDay: value.byDay.includes(d) ? value.byDay.filter((x) => x !== d) : [...value.byDay, d] });
  const unit = value.freq !== 'none' && value.freq !== 'custom' ? UNIT[value.freq] : null;

  return (
    <fieldset className={styles.repeat} data-testid="event-repeat" aria-invalid={!!error || undefined}>
      <legend className={styles.legend}>Repeat</legend>
      <div className={styles.repeatRow}>
        <select
          aria-label="Repeats"
          value={value.freq}
          onChange={(e) => set({ freq: e.target.value as RepeatFrequency })}
          className={styles.control}
          data-testid="event-repeat-freq"
        >
          <option value="none">Does not repeat</option>
          <option value="DAILY">Daily</option>
          <option value="WEEKLY">Weekly</option>
          <option value="MONTHLY">Monthly</option>
          <option value="YEARLY">Yearly</option>
          <option value="custom">Custom rule (RFC 5545)</option>
        </select>
        {unit && (
          <label className={styles.inline}>
            every
            <input
              type="number"
              min={1}
              max={1000}
              value={value.interval}
              onChange={(e) => set({ interval: Math.max(1, Math.min(1000, Number(e.target.value) || 1)) })}
              className={`${styles.control} ${styles.number}`}
              aria-label="Interval"
              data-testid="event-repeat-interval"
            />
            {unit}
            {value.interval === 1 ? '' : 's'}
          </label>
        )}
      </div>
      {value.freq === 'WEEKLY' && (
        <div className={styles.weekdays} role="group" aria-label="On weekdays">
          {weekdaysInOrder().map((d) => (
            <button
              key={d}
              type="button"
              aria-pressed={value.byDay.includes(d)}
              className={`${styles.weekday} ${value.byDay.includes(d) ? styles.weekdayOn : ''}`}
              onClick={() => toggleDay(d)}
              data-testid={`event-repeat-day-${d}`}
            >
              {weekdayLabel(WEEKDAYS.indexOf(d))}
            </button>
          ))}
        </div>
      )}
      {value.freq === 'custom' && (
        <input
          aria-label="Repeat rule"
          value={value.custom}
          onChange={(e) => set({ custom: e.target.value })}
          placeholder="FREQ=MONTHLY;BYDAY=-1FR"
          maxLength={EVENT_RULE_MAX}
          className={styles.control}
          data-testid="event-repeat-custom"
        />
      )}
      {unit && (
        <div className={styles.repeatRow} role="radiogroup" aria-label="Ends">
          <span className={styles.muted}>Ends</span>
          <label className={styles.inline}>
            <input type="radio" name="repeat-ends" checked={value.ends === 'never'} onChange={() => set({ ends: 'never' })} />
            never
          </label>
          <label className={styles.inline}>
            <input type="radio" name="repeat-ends" checked={value.ends === 'on'} onChange={() => set({ ends: 'on' })} data-testid="event-repeat-ends-on" />
            on
            <DateInput
              aria-label="Last date"
              value={value.until}
              onChange={(e) => set({ ends: 'on', until: e.target.value })}
              className={styles.control}
              data-testid="event-repeat-until"
            />
          </label>
          <label className={styles.inline}>
            <input type="radio" name="repeat-ends" checked={value.ends === 'after'} onChange={() => set({ ends: 'after' })} data-testid="event-repeat-ends-after" />
            after
            <input
              type="number"
              min={1}
              max={10000}
              aria-label="Number of times"
              value={value.count}
              onChange={(e) => set({ ends: 'after', count: Math.max(1, Math.min(10000, Number(e.target.value) || 1)) })}
              className={`${styles.control} ${styles.number}`}
              data-testid="event-repeat-count"
            />
            times
          </label>
        </div>
      )}
    </fieldset>
  );
}
