// The Events screen: a month grid, a week or a day of hours, or the agenda, and the
// dialog that creates and edits events. Everything is shown in the viewer's local time.
import { useEffect, useState } from 'react';
import type { CalendarEvent } from '../../../shared/events/events.js';
import { fetchEvent, moveEvent, useEventRange, useUpcomingEvents } from './useEvents.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { SegmentedControl, type Segment } from '../../components/SegmentedControl.js';
import { Spinner } from '../../components/Spinner.js';
import { localDate, localInstant, localTimeZone } from '../../format/local-time.js';
import { useLocalePrefs } from '../../format/locale.js';
import type { SearchTarget } from '../search/search-target.js';
import { Agenda } from './Agenda.js';
import { dayHeading, eventDays, monthGridDays, monthLabel, shiftMonth, shortDate } from './event-days.js';
import { weekDays } from './event-layout.js';
import { EventDialog, type EventDraftSeed } from './EventDialog.js';
import styles from './EventsView.module.css';
import { MonthGrid } from './MonthGrid.js';
import { TimeGrid, type SlotSeed } from './TimeGrid.js';
import { useCalendarFiles } from './useCalendarFiles.js';
import { addDays } from '../../../shared/zoned-time.js';

type Layout = 'month' | 'week' | 'day' | 'agenda';

const LAYOUTS: Segment<Layout>[] = [
  { value: 'day', label: 'Day', testId: 'events-layout-day' },
  { value: 'week', label: 'Week', testId: 'events-layout-week' },
  { value: 'month', label: 'Month', testId: 'events-layout-month' },
  { value: 'agenda', label: 'Agenda', testId: 'events-layout-agenda' },
];

/** The days a layout shows around the anchor date. */
function shownDays(layout: Layout, anchor: string): string[] {
  if (layout === 'week') return weekDays(anchor);
  if (layout === 'day') return [anchor];
  return monthGridDays(anchor.slice(0, 7));
}

function heading(layout: Layout, anchor: string, days: string[]): string {
  if (layout === 'month') return monthLabel(anchor.slice(0, 7));
  if (layout === 'day') return dayHeading(anchor).label;
  return `${shortDate(days[0]!)} – ${shortDate(days[6]!)}`;
}

const nextHour = () => `${String(Math.min(23, new Date().getHours() + 1)).padStart(2, '0')}:00`;

export function EventsView({ focus }: { focus: SearchTarget | null }) {
  const [layout, setLayout] = useState<Layout>('month');
  const [anchor, setAnchor] = useState(() => localDate());
  const [dialog, setDialog] = useState<EventDraftSeed | null>(null);
  const [moveError, setMoveError] = useState<string | null>(null);
  const [startOfToday] = useState(() => localInstant(localDate(), '00:00'));
  const files = useCalendarFiles();
  // Redraws the grids and labels when Settings changes the first weekday or the clock.
  useLocalePrefs();

  const days = shownDays(layout, anchor);
  const zone = localTimeZone();
  const range = useEventRange(localInstant(days[0]!, '00:00'), localInstant(addDays(days[days.length - 1]!, 1), '00:00'), zone);
  const upcoming = useUpcomingEvents(startOfToday, zone);

  useEffect(() => {
    if (!focus) return;
    let cancelled = false;
    void fetchEvent(focus.id).then((result) => {
      if (cancelled || !result.ok) return;
      setAnchor(eventDays(result.value).first);
      setDialog({ kind: 'edit', event: result.value });
    });
    return () => {
      cancelled = true;
    };
  }, [focus]);

  const open = (event: CalendarEvent) => setDialog({ kind: 'edit', event });
  const createOn = (date: string) => setDialog({ kind: 'new', date });
  const createNow = () => setDialog({ kind: 'new', date: localDate(), time: nextHour() });
  const createSlot = (slot: SlotSeed) => setDialog({ kind: 'new', ...slot });
  const move = (event: CalendarEvent, minutes: number) => {
    setMoveError(null);
    void moveEvent(event, minutes).then((result) => {
      if (!result.ok) setMoveError(result.error.message);
    });
  };
  const shift = (by: number) =>
    setAnchor((a) => (layout === 'month' ? `${shiftMonth(a.slice(0, 7), by)}-01` : addDays(a, by * (layout === 'week' ? 7 : 1))));
  const unit = layout === 'month' ? 'month' : layout === 'week' ? 'week' : 'day';

  return (
    <div className={styles.view} data-testid="events-view">
      <div className={styles.toolbar}>
        {layout !== 'agenda' ? (
          <div className={styles.nav}>
            <h2 className={styles.month} aria-live="polite" data-testid="month-label">
              {heading(layout, anchor, days)}
            </h2>
            <button type="button" className={styles.navButton} onClick={() => shift(-1)} aria-label={`Previous ${unit}`}>
              <Icon name="chevron-left" size={16} />
            </button>
            <Button size="small" onClick={() => setAnchor(localDate())}>
              Today
            </Button>
            <button type="button" className={styles.navButton} onClick={() => shift(1)} aria-label={`Next ${unit}`}>
              <Icon name="chevron-right" size={16} />
            </button>
            {range.status === 'loading' && <Spinner size={12} label="Loading events" />}
          </div>
        ) : (
          <h2 className={styles.month}>Upcoming</h2>
        )}
        {/* One group, so that a narrow window wraps all of it below the heading, not one button. */}
        <div className={styles.actions}>
          <SegmentedControl label="View" value={layout} onChange={setLayout} options={LAYOUTS} />
          {files.buttons}
          <Button variant="primary" size="small" onClick={createNow} data-testid="event-new">
            <Icon name="plus" size={14} />
            New event
          </Button>
        </div>
      </div>

      {files.banner}
      {layout !== 'agenda' ? (
        <>
          {range.error && (
            <Banner tone="danger" icon="alert" title="Events could not be loaded">
              {range.error.message}
            </Banner>
          )}
          {moveError && (
            <Banner tone="danger" icon="alert" title="The event could not be moved">
              {moveError}
            </Banner>
          )}
          {layout === 'month' ? (
            <MonthGrid month={anchor.slice(0, 7)} events={range.events} onCreate={createOn} onOpen={open} />
          ) : (
            <TimeGrid days={days} events={range.events} onCreate={createSlot} onOpen={open} onMove={move} />
          )}
          <p className={styles.hint}>
            {layout === 'month'
              ? 'Click a day to add an event there. Times are in your local time.'
              : 'Drag across hours to add an event; drag an event to move it (or focus it and press Alt+arrow keys). Times are in your local time.'}
          </p>
        </>
      ) : (
        <Agenda list={upcoming} onOpen={open} onCreate={createNow} />
      )}

      {dialog && (
        <EventDialog
          key={dialog.kind === 'edit' ? `${dialog.event.id}|${dialog.event.occurrenceStart ?? ''}` : `${dialog.date}|${dialog.time ?? ''}`}
          seed={dialog}
          onClose={() => setDialog(null)}
        />
      )}
    </div>
  );
}
