// The week and day views: an all-day row of bars above 24 hours of day columns.
// Drag on empty time to create an event there; drag an event to move it (15-minute steps,
// across days in the week). Keyboard: the grid is one tab stop where the arrow keys move a
// time cursor and Enter creates an event at it; on an event, Alt+arrows move it.
import { useEffect, useRef, useState, type KeyboardEvent, type PointerEvent } from 'react';
import type { CalendarEvent } from '../../../shared/events/events.js';
import { addDays } from '../../../shared/zoned-time.js';
import { localDate, timeLabel } from '../../format/local-time.js';
import { currentLocale, dateFormat } from '../../format/locale.js';
import { clock, layoutBars, layoutBlocks, occurrenceKey, snap } from './event-layout.js';
import { dayHeading } from './event-days.js';
import { EventBar } from './EventBar.js';
import styles from './TimeGrid.module.css';

export interface SlotSeed {
  date: string;
  time: string;
  endDate: string;
  endTime: string;
}

interface TimeGridProps {
  days: string[];
  events: CalendarEvent[];
  onCreate: (seed: SlotSeed) => void;
  onOpen: (event: CalendarEvent) => void;
  /** Moves an event by whole minutes (a day is 1440). */
  onMove: (event: CalendarEvent, minutes: number) => void;
}

const HOUR_PX = 48;
const PX_PER_MINUTE = HOUR_PX / 60;
const HOURS = Array.from({ length: 24 }, (_, h) => h);
const DAY_MINUTES = 1440;

/** The gutter's hour: "14:00" on a 24-hour clock, "2 PM" on a 12-hour one ("2:00 PM" would not fit). */
const hourLabel = (h: number) => {
  const at = new Date(2024, 0, 1, h);
  return currentLocale().hour12 ? dateFormat({ hour: 'numeric' }).format(at) : timeLabel(at.getTime());
};

/** A range of minutes on one day as the dialog's seed; 24:00 is the next day's 00:00. */
function seedOf(date: string, from: number, to: number): SlotSeed {
  const endDate = to >= DAY_MINUTES ? addDays(date, 1) : date;
  return { date, time: clock(from), endDate, endTime: clock(to % DAY_MINUTES) };
}

type Drag =
  | { kind: 'create'; day: number; from: number; to: number }
  | { kind: 'move'; event: CalendarEvent; x: number; y: number; minutes: number; days: number; moved: boolean };

export function TimeGrid({ days, events, onCreate, onOpen, onMove }: TimeGridProps) {
  const scroller = useRef<HTMLDivElement>(null);
  const columns = useRef<HTMLDivElement>(null);
  const [drag, setDrag] = useState<Drag | null>(null);
  const [cursor, setCursor] = useState<{ day: number; minute: number }>({ day: 0, minute: 9 * 60 });
  const [focused, setFocused] = useState(false);
  const suppressClick = useRef(false);
  const today = localDate();
  const { bars, lanes } = layoutBars(events, days);

  // Open at the working day, not at midnight.
  useEffect(() => {
    if (scroller.current) scroller.current.scrollTop = 7 * HOUR_PX;
  }, []);

  const minuteAt = (clientY: number) => {
    const rect = columns.current!.getBoundingClientRect();
    return snap((clientY - rect.top) / PX_PER_MINUTE);
  };
  const dayWidth = () => columns.current!.getBoundingClientRect().width / days.length;

  const startCreate = (day: number) => (e: PointerEvent<HTMLDivElement>) => {
    if (e.button !== 0 || e.target !== e.currentTarget) return;
    e.currentTarget.setPointerCapture(e.pointerId);
    const at = Math.min(minuteAt(e.clientY), DAY_MINUTES - 15);
    setDrag({ kind: 'create', day, from: at, to: at });
  };

  const startMove = (event: CalendarEvent) => (e: PointerEvent<HTMLButtonElement>) => {
    if (e.button !== 0) return;
    e.stopPropagation();
    e.currentTarget.setPointerCapture(e.pointerId);
    setDrag({ kind: 'move', event, x: e.clientX, y: e.clientY, minutes: 0, days: 0, moved: false });
  };

  const onPointerMove = (e: PointerEvent) => {
    if (!drag) return;
    if (drag.kind === 'create') {
      setDrag({ ...drag, to: minuteAt(e.clientY) });
    } else {
      const minutes = snap(Math.abs(e.clientY - drag.y) / PX_PER_MINUTE) * Math.sign(e.clientY - drag.y);
      const dayShift = days.length > 1 ? Math.round((e.clientX - drag.x) / dayWidth()) : 0;
      const moved = drag.moved || Math.abs(e.clientY - drag.y) > 4 || Math.abs(e.clientX - drag.x) > 4;
      setDrag({ ...drag, minutes, days: dayShift, moved });
    }
  };

  const onPointerUp = () => {
    if (!drag) return;
    setDrag(null);
    if (drag.kind === 'create') {
      const from = Math.min(drag.from, drag.to);
      const to = Math.max(drag.from, drag.to);
      // A click (no drag) makes an hour.
      onCreate(seedOf(days[drag.day]!, from, to - from < 15 ? Math.min(from + 60, DAY_MINUTES) : to));
    } else if (drag.moved) {
      suppressClick.current = true;
      const total = drag.minutes + drag.days * DAY_MINUTES;
      if (total !== 0) onMove(drag.event, total);
    }
  };

  const onGridKey = (e: KeyboardEvent<HTMLDivElement>) => {
    if (e.target !== e.currentTarget) return;
    const step: Record<string, [number, number]> = { ArrowUp: [0, -30], ArrowDown: [0, 30], ArrowLeft: [-1, 0], ArrowRight: [1, 0] };
    const s = step[e.key];
    if (s) {
      e.preventDefault();
      setCursor((c) => ({
        day: Math.max(0, Math.min(days.length - 1, c.day + s[0])),
        minute: Math.max(0, Math.min(DAY_MINUTES - 30, c.minute + s[1])),
      }));
    } else if (e.key === 'Enter' || e.key === ' ') {
      e.preventDefault();
      onCreate(seedOf(days[cursor.day]!, cursor.minute, Math.min(cursor.minute + 60, DAY_MINUTES)));
    }
  };

  const onEventKey = (event: CalendarEvent) => (e: KeyboardEvent<HTMLButtonElement>) => {
    if (!e.altKey) return;
    const by: Record<string, number> = { ArrowUp: -15, ArrowDown: 15, ArrowLeft: -DAY_MINUTES, ArrowRight: DAY_MINUTES };
    const minutes = by[e.key];
    if (minutes === undefined) return;
    e.preventDefault();
    onMove(event, minutes);
  };

  const cursorDate = days[Math.min(cursor.day, days.length - 1)]!;
  const template = { gridTemplateColumns: `repeat(${days.length}, minmax(0, 1fr))` };

  return (
    <div className={styles.frame} data-testid="time-grid" data-days={days.length}>
      <div className={styles.head}>
        <span className={styles.gutter} />
        <div className={styles.dayHeads} style={template}>
          {days.map((d) => (
            <div key={d} className={`${styles.dayHead} ${d === today ? styles.today : ''}`} aria-current={d === today ? 'date' : undefined}>
              <span className={styles.weekday}>{dayHeading(d).weekday}</span>
              <span className={styles.dayNumber}>{dayHeading(d).day}</span>
            </div>
          ))}
        </div>
      </div>
      <div className={styles.allDayRow}>
        <span className={`${styles.gutter} ${styles.allDayLabel}`}>All day</span>
        <div className={styles.bars} style={{ ...template, gridTemplateRows: `repeat(${Math.max(1, lanes)}, 24px)` }} data-testid="all-day-row">
          {bars.map((b) => (
            <EventBar key={occurrenceKey(b.event)} bar={b} days={days} onOpen={onOpen} testId="event-bar" />
          ))}
        </div>
      </div>
      <div
        ref={scroller}
        className={styles.scroller}
        tabIndex={0}
        role="grid"
        aria-label={`Time grid. Arrow keys choose a time (now ${dayHeading(cursorDate).label} ${clock(cursor.minute)}); Enter adds an event there.`}
        onKeyDown={onGridKey}
        onFocus={(e) => e.target === e.currentTarget && setFocused(true)}
        onBlur={() => setFocused(false)}
        data-testid="time-grid-body"
      >
        <div className={styles.body} style={{ height: 24 * HOUR_PX }}>
          <div className={styles.hours} aria-hidden>
            {HOURS.map((h) => (
              <span key={h} className={styles.hour} style={{ top: h * HOUR_PX }}>
                {h === 0 ? '' : hourLabel(h)}
              </span>
            ))}
          </div>
          <div ref={columns} className={styles.columns} style={template} onPointerMove={onPointerMove} onPointerUp={onPointerUp} onPointerCancel={() => setDrag(null)}>
            {days.map((date, dayIndex) => (
              <div key={date} className={styles.column} onPointerDown={startCreate(dayIndex)} data-testid="day-column" data-date={date}>
                {layoutBlocks(events, date).map((b) => {
                  const moving = drag?.kind === 'move' && occurrenceKey(drag.event) === occurrenceKey(b.event) ? drag : null;
                  return (
                    <button
                      key={occurrenceKey(b.event)}
                      type="button"
                      className={`${styles.block} ${moving?.moved ? styles.dragging : ''}`}
                      style={{
                        top: b.top * PX_PER_MINUTE,
                        height: b.height * PX_PER_MINUTE - 2,
                        left: `calc(${(b.column / b.columns) * 100}% + 2px)`,
                        width: `calc(${100 / b.columns}% - 4px)`,
                        ...(moving ? { transform: `translate(calc(${moving.days * 100}% * ${b.columns}), ${moving.minutes * PX_PER_MINUTE}px)` } : {}),
                      }}
                      onPointerDown={startMove(b.event)}
                      onClick={() => {
                        if (suppressClick.current) suppressClick.current = false;
                        else onOpen(b.event);
                      }}
                      onKeyDown={onEventKey(b.event)}
                      aria-label={`${b.event.title}, ${timeLabel(Date.parse(b.event.start))}. Alt+arrow keys move it.`}
                      data-testid="event-block"
                    >
                      <span className={styles.title}>{b.event.title}</span>
                      <span className={styles.blockTime}>
                        {timeLabel(Date.parse(b.event.start))} – {timeLabel(Date.parse(b.event.end))}
                        {b.event.recurrence !== null && ' ↻'}
                      </span>
                    </button>
                  );
                })}
                {drag?.kind === 'create' && drag.day === dayIndex && (
                  <div
                    className={styles.selection}
                    style={{ top: Math.min(drag.from, drag.to) * PX_PER_MINUTE, height: Math.max(15, Math.abs(drag.to - drag.from)) * PX_PER_MINUTE }}
                    data-testid="drag-selection"
                  >
                    {clock(Math.min(drag.from, drag.to))} – {clock(Math.max(drag.from, drag.to, Math.min(drag.from, drag.to) + 15))}
                  </div>
                )}
                {focused && cursor.day === dayIndex && (
                  <div className={styles.cursor} style={{ top: cursor.minute * PX_PER_MINUTE, height: 30 * PX_PER_MINUTE }} aria-hidden />
                )}
                {date === today && <NowLine />}
              </div>
            ))}
          </div>
        </div>
      </div>
    </div>
  );
}

function NowLine() {
  const now = new Date();
  const minutes = now.getHours() * 60 + now.getMinutes();
  return <div className={styles.now} style={{ top: minutes * PX_PER_MINUTE }} aria-hidden />;
}
