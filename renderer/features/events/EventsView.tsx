// The Events screen: a month grid or the agenda, and the dialog that creates and
// edits events. Everything is shown in the viewer's local time.
import { useEffect, useState } from 'react';
import type { CalendarEvent } from '../../../shared/events.js';
import { fetchEvent, useEventRange, useUpcomingEvents } from '../../bridge/useEvents.js';
import { Banner } from '../../components/Banner.js';
import { Button } from '../../components/Button.js';
import { Icon } from '../../components/Icon.js';
import { SegmentedControl } from '../../components/SegmentedControl.js';
import { Spinner } from '../../components/Spinner.js';
import { localDate, localInstant, localTimeZone } from '../../format/local-time.js';
import type { SearchTarget } from '../search/search-target.js';
import { Agenda } from './Agenda.js';
import { eventDays, monthGridDays, monthLabel, shiftMonth } from './event-days.js';
import { EventDialog, type EventDraftSeed } from './EventDialog.js';
import styles from './EventsView.module.css';
import { MonthGrid } from './MonthGrid.js';
import { addDays } from '../../../shared/zoned-time.js';

type Layout = 'month' | 'agenda';

const nextHour = () => `${String(Math.min(23, new Date().getHours() + 1)).padStart(2, '0')}:00`;

export function EventsView({ focus }: { focus: SearchTarget | null }) {
  const [layout, setLayout] = useState<Layout>('month');
  const [month, setMonth] = useState(() => localDate().slice(0, 7));
  const [dialog, setDialog] = useState<EventDraftSeed | null>(null);
  const [startOfToday] = useState(() => localInstant(localDate(), '00:00'));

  const days = monthGridDays(month);
  const zone = localTimeZone();
  const range = useEventRange(localInstant(days[0]!, '00:00'), localInstant(addDays(days[41]!, 1), '00:00'), zone);
  const upcoming = useUpcomingEvents(startOfToday, zone);

  useEffect(() => {
    if (!focus) return;
    let cancelled = false;
    void fetchEvent(focus.id).then((result) => {
      if (cancelled || !result.ok) return;
      setMonth(eventDays(result.value).first.slice(0, 7));
      setDialog({ kind: 'edit', event: result.value });
    });
    return () => {
      cancelled = true;
    };
  }, [focus]);

  const open = (event: CalendarEvent) => setDialog({ kind: 'edit', event });
  const createOn = (date: string) => setDialog({ kind: 'new', date });
  const createNow = () => setDialog({ kind: 'new', date: localDate(), time: nextHour() });

  return (
    <div className={styles.view} data-testid="events-view">
      <div className={styles.toolbar}>
        {layout === 'month' ? (
          <div className={styles.nav}>
            <h2 className={styles.month} aria-live="polite" data-testid="month-label">
              {monthLabel(month)}
            </h2>
            <button type="button" className={styles.navButton} onClick={() => setMonth((m) => shiftMonth(m, -1))} aria-label="Previous month">
              <Icon name="chevron-left" size={16} />
            </button>
            <Button size="small" onClick={() => setMonth(localDate().slice(0, 7))}>
              Today
            </Button>
            <button type="button" className={styles.navButton} onClick={() => setMonth((m) => shiftMonth(m, 1))} aria-label="Next month">
              <Icon name="chevron-right" size={16} />
            </button>
            {range.status === 'loading' && <Spinner size={12} label="Loading events" />}
          </div>
        ) : (
          <h2 className={styles.month}>Upcoming</h2>
        )}
        <span className={styles.spacer} />
        <SegmentedControl
          label="View"
          value={layout}
          onChange={setLayout}
          options={[
            { value: 'month', label: 'Month', testId: 'events-layout-month' },
            { value: 'agenda', label: 'Agenda', testId: 'events-layout-agenda' },
          ]}
        />
        <Button variant="primary" size="small" onClick={createNow} data-testid="event-new">
          <Icon name="plus" size={14} />
          New event
        </Button>
      </div>

      {layout === 'month' ? (
        <>
          {range.error && (
            <Banner tone="danger" icon="alert" title="Events could not be loaded">
              {range.error.message}
            </Banner>
          )}
          <MonthGrid month={month} events={range.events} onCreate={createOn} onOpen={open} />
          <p className={styles.hint}>Click a day to add an event there. Times are in your local time.</p>
        </>
      ) : (
        <Agenda list={upcoming} onOpen={open} onCreate={createNow} />
      )}

      {dialog && <EventDialog key={dialog.kind === 'edit' ? dialog.event.id : dialog.date} seed={dialog} onClose={() => setDialog(null)} />}
    </div>
  );
}
