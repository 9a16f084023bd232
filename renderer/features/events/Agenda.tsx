// What is coming up, day by day, from today on; more loads as you scroll.
import type { CalendarEvent } from '../../../shared/events/events.js';
import type { PagedList } from '../../bridge/usePagedList.js';
import { Button } from '../../components/Button.js';
import { EmptyState, LoadFailed } from '../../components/EmptyState.js';
import { Icon } from '../../components/Icon.js';
import { LoadMore } from '../../components/LoadMore.js';
import { Spinner } from '../../components/Spinner.js';
import { dayLabel, localDate, longDayLabel } from '../../format/local-time.js';
import { eventDays, timeRangeLabel } from './event-days.js';
import styles from './Agenda.module.css';

interface AgendaProps {
  list: PagedList<CalendarEvent>;
  onOpen: (event: CalendarEvent) => void;
  onCreate: () => void;
}

export function Agenda({ list, onOpen, onCreate }: AgendaProps) {
  if (list.status === 'loading') {
    return (
      <div className={styles.center}>
        <Spinner label="Loading events" />
      </div>
    );
  }
  if (list.status === 'error') {
    return (
      <LoadFailed title="Events could not be loaded" error={list.error} onRetry={list.refresh} />
    );
  }
  if (list.items.length === 0) {
    return (
      <EmptyState icon="events" title="Nothing coming up" testId="agenda-empty" action={<Button onClick={onCreate}>New event</Button>}>
        Events you add appear here, soonest first, in your local time.
      </EmptyState>
    );
  }

  // Events already under way are listed under today.
  const today = localDate();
  const groups = new Map<string, CalendarEvent[]>();
  for (const event of list.items) {
    const first = eventDays(event).first;
    const day = first < today ? today : first;
    groups.set(day, [...(groups.get(day) ?? []), event]);
  }

  // An all-day event sorts by its date, before that date's instants, so a viewer west of
  // UTC can get an event of their yesterday evening after one of their today: order the days.
  const days = [...groups].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));

  return (
    <div className={styles.agenda} data-testid="agenda">
      {days.map(([day, events]) => (
        <section key={day} className={styles.day} aria-label={longDayLabel(day)}>
          <h3 className={styles.dayTitle}>
            <span className={day === today ? styles.todayLabel : undefined}>{dayLabel(day, today)}</span>
            <span className={styles.dayLong}>{longDayLabel(day)}</span>
          </h3>
          <ul className={styles.events}>
            {events.map((event) => (
              <li key={event.id}>
                <button type="button" className={styles.event} onClick={() => onOpen(event)} data-testid="agenda-event">
                  <span className={styles.time}>{timeRangeLabel(event)}</span>
                  <span className={styles.body}>
                    <span className={styles.title}>{event.title}</span>
                    {event.location && (
                      <span className={styles.location}>
                        <Icon name="location" size={12} />
                        {event.location}
                      </span>
                    )}
                  </span>
                </button>
              </li>
            ))}
          </ul>
        </section>
      ))}
      <LoadMore hasMore={list.hasMore} loading={list.loadingMore} onLoadMore={list.loadMore} label="Later events" />
    </div>
  );
}
