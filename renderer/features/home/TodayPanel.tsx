// Home's "Today": overdue and due tasks, today's events, pinned notes; each opens its item.
import type { ReactNode } from 'react';
import type { CalendarEvent } from '../../../shared/events/events.js';
import type { ItemKind } from '../../../shared/search/search.js';
import type { TodayState } from './useToday.js';
import { dueLabel } from '../tasks/task-format.js';
import { longDayLabel, localDate, timeLabel } from '../../format/local-time.js';
import type { SectionId } from '../../sections.js';
import { Banner } from '../../components/Banner.js';
import { Icon, type IconName } from '../../components/Icon.js';
import styles from './TodayPanel.module.css';

interface TodayPanelProps {
  state: TodayState;
  onNavigate: (section: SectionId) => void;
  onOpen: (kind: ItemKind, id: string) => void;
}

const eventTime = (e: CalendarEvent) => (e.allDay ? 'All day' : `${timeLabel(Date.parse(e.start))} – ${timeLabel(Date.parse(e.end))}`);

function Column(props: { title: string; icon: IconName; section: SectionId; empty: string; testId: string; onNavigate: (s: SectionId) => void; children: ReactNode[] }) {
  return (
    <section className={styles.column} aria-label={props.title} data-testid={props.testId}>
      <header className={styles.columnHeader}>
        <h3 className={styles.columnTitle}>
          <Icon name={props.icon} size={14} />
          {props.title}
        </h3>
        <button type="button" className={styles.more} onClick={() => props.onNavigate(props.section)}>
          All
        </button>
      </header>
      {props.children.length === 0 ? <p className={styles.empty}>{props.empty}</p> : <ul className={styles.items}>{props.children}</ul>}
    </section>
  );
}

export function TodayPanel({ state, onNavigate, onOpen }: TodayPanelProps) {
  const item = (kind: ItemKind, id: string, title: string, meta: ReactNode, tone?: string) => (
    <li key={id}>
      <button type="button" className={styles.item} onClick={() => onOpen(kind, id)} data-testid={`today-${kind}`}>
        <span className={styles.itemTitle}>{title}</span>
        <span className={`${styles.itemMeta} ${tone ? (styles[tone] ?? '') : ''}`}>{meta}</span>
      </button>
    </li>
  );

  return (
    <section className={styles.today} aria-labelledby="home-today" data-testid="home-today">
      <h2 id="home-today" className={styles.title}>
        Today <span className={styles.date}>{longDayLabel(localDate())}</span>
      </h2>
      {state.status === 'error' ? (
        <Banner tone="danger" icon="alert" title="Today could not be read">
          {state.error.message}
        </Banner>
      ) : state.status === 'loading' ? (
        <div className={styles.columns} aria-busy="true">
          <div className={styles.skeleton} />
          <div className={styles.skeleton} />
          <div className={styles.skeleton} />
        </div>
      ) : (
        <div className={styles.columns}>
          <Column title="Tasks" icon="tasks" section="tasks" empty="Nothing due today." testId="today-tasks" onNavigate={onNavigate}>
            {[...state.value.overdue, ...state.value.dueToday].map((t) => {
              const due = dueLabel(t);
              return item('task', t.id, t.title, due ? (due.tone === 'overdue' ? `Overdue · ${due.text}` : due.text) : '', due?.tone);
            })}
          </Column>
          <Column title="Events" icon="events" section="events" empty="No events today." testId="today-events" onNavigate={onNavigate}>
            {state.value.events.map((e) => item('event', e.id, e.title, eventTime(e)))}
          </Column>
          <Column title="Pinned notes" icon="notes" section="notes" empty="Pin a note to keep it here." testId="today-notes" onNavigate={onNavigate}>
            {state.value.pinned.map((n) => item('note', n.id, n.title || 'Untitled', n.excerpt))}
          </Column>
        </div>
      )}
    </section>
  );
}
