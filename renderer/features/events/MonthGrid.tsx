// Six weeks around a month. Click a day (or its number, by keyboard) to create an
// event there; click an event to edit it. All-day and multi-day events are one bar per
// week row across the days they cover; timed events of one day are chips in that day.
import type { CSSProperties } from 'react';
import type { CalendarEvent } from '../../../shared/events/events.js';
import { localDate, longDayLabel, timeLabel } from '../../format/local-time.js';
import { formatNumber } from '../../format/locale.js';
import { coversDay, eventDays, monthGridDays, weekdayNames } from './event-days.js';
import { isBar, layoutBars, occurrenceKey } from './event-layout.js';
import { EventBar } from './EventBar.js';
import styles from './MonthGrid.module.css';

interface MonthGridProps {
  month: string;
  events: CalendarEvent[];
  onCreate: (date: string) => void;
  onOpen: (event: CalendarEvent) => void;
}

const MAX_CHIPS = 4;

export function MonthGrid({ month, events, onCreate, onOpen }: MonthGridProps) {
  const days = monthGridDays(month);
  const today = localDate();
  const placed = events.filter((e) => !isBar(e)).map((event) => ({ event, days: eventDays(event) }));

  return (
    <div className={styles.grid} role="grid" aria-label="Month" data-testid="month-grid">
      <div className={styles.weekdays} role="row">
        {weekdayNames().map((d) => (
          <span key={d} role="columnheader" className={styles.weekday}>
            {d}
          </span>
        ))}
      </div>
      {[0, 1, 2, 3, 4, 5].map((week) => {
        const weekDays = days.slice(week * 7, week * 7 + 7);
        const { bars, lanes } = layoutBars(events, weekDays);
        return (
        <div key={week} className={styles.week} role="row" style={{ '--bar-lanes': lanes } as CSSProperties}>
          <div className={styles.bars} style={{ gridTemplateRows: `repeat(${Math.max(1, lanes)}, 20px)` }}>
            {bars.map((b) => (
              <EventBar key={occurrenceKey(b.event)} bar={b} days={weekDays} onOpen={onOpen} testId="month-bar" />
            ))}
          </div>
          {weekDays.map((date) => {
            const inMonth = date.startsWith(month);
            const todays = placed
              .filter((p) => coversDay(p.days, date))
              .sort((a, b) => a.event.start.localeCompare(b.event.start));
            const hidden = todays.length - MAX_CHIPS;
            return (
              <div
                key={date}
                role="gridcell"
                className={`${styles.day} ${inMonth ? '' : styles.outside} ${date === today ? styles.today : ''}`}
                onClick={() => onCreate(date)}
                data-testid="month-day"
                data-date={date}
              >
                <button
                  type="button"
                  className={styles.number}
                  onClick={(e) => {
                    e.stopPropagation();
                    onCreate(date);
                  }}
                  aria-label={`New event on ${longDayLabel(date)}`}
                  aria-current={date === today ? 'date' : undefined}
                >
                  {Number(date.slice(8))}
                </button>
                <div className={styles.chips}>
                  {todays.slice(0, hidden > 0 ? MAX_CHIPS - 1 : MAX_CHIPS).map(({ event, days: span }) => (
                    <button
                      key={occurrenceKey(event)}
                      type="button"
                      className={styles.chip}
                      onClick={(e) => {
                        e.stopPropagation();
                        onOpen(event);
                      }}
                      title={event.title}
                      data-testid="month-event"
                    >
                      {!event.allDay && span.first === date && <span className={styles.time}>{timeLabel(Date.parse(event.start))}</span>}
                      <span className={styles.chipTitle}>{event.title}</span>
                    </button>
                  ))}
                  {hidden > 0 && <span className={styles.more}>+{formatNumber(hidden + 1)} more</span>}
                </div>
              </div>
            );
          })}
        </div>
        );
      })}
    </div>
  );
}
