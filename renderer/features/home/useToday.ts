// What Home shows under "Today": tasks overdue or due today (not done), today's events in
// the viewer's zone, and pinned notes. Read again on every change push of the profile.
import type { Result } from '../../../shared/errors.js';
import type { CalendarEvent } from '../../../shared/events/events.js';
import type { NoteSummary } from '../../../shared/notes/notes.js';
import type { Page, Task } from '../../../shared/tasks/tasks.js';
import { addDays, startOfDay } from '../../../shared/zoned-time.js';
import { localDate, localTimeZone } from '../../format/local-time.js';
import { callBridge } from '../../bridge/bridge.js';
import { useLiveRead, type LiveState } from '../../bridge/useLiveRead.js';

export interface Today {
  overdue: Task[];
  dueToday: Task[];
  events: CalendarEvent[];
  pinned: NoteSummary[];
}

export type TodayState = LiveState<Today>;

/** How many of each Home lists; the sections link to the full lists. */
const SHOWN = 8;

async function readToday(): Promise<Result<Today>> {
  const now = new Date().toISOString();
  const timeZone = localTimeZone();
  const today = localDate();
  const [overdue, dueToday, events, pinned] = await Promise.all([
    callBridge((api) => api.listTasks({ due: 'overdue', now, timeZone, sort: 'due', limit: SHOWN })),
    callBridge((api) => api.listTasks({ due: 'today', now, timeZone, sort: 'due', hideDone: true, limit: SHOWN })),
    callBridge((api) =>
      api.listEvents({
        from: new Date(startOfDay(today, timeZone)).toISOString(),
        to: new Date(startOfDay(addDays(today, 1), timeZone)).toISOString(),
        timeZone,
        limit: SHOWN,
      }),
    ),
    callBridge((api) => api.listNotes({ pinned: true, sort: 'updated', limit: SHOWN })),
  ]);
  for (const r of [overdue, dueToday, events, pinned] as Result<Page<unknown>>[]) if (!r.ok) return r;
  const items = <T,>(r: Result<Page<T>>) => (r.ok ? r.value.items : []);
  // "Today" also lists tasks due earlier today; those are overdue already, once is enough.
  const overdueItems = items(overdue);
  const seen = new Set(overdueItems.map((t) => t.id));
  return {
    ok: true,
    value: {
      overdue: overdueItems,
      dueToday: items(dueToday).filter((t) => !seen.has(t.id)),
      events: items(events),
      pinned: items(pinned),
    },
  };
}

export const useToday = (): TodayState => useLiveRead(readToday);
