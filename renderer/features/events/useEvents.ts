// Calendar events: every event in a range (the month grid), the upcoming ones
// (agenda, paged), and saving; both lists refresh on eventsChanged.
import { useEffect, useState } from 'react';
import type { ChannelInput } from '../../../shared/contract.js';
import type { AppError, Result } from '../../../shared/errors.js';
import type { CalendarEvent, OccurrenceScope } from '../../../shared/events/events.js';
import { addDays } from '../../../shared/zoned-time.js';
import { PAGE_SIZE_MAX } from '../../../shared/tasks/tasks.js';
import { callBridge } from '../../bridge/bridge.js';
import { useItemsChanged } from '../../bridge/useItemsChanged.js';
import { usePagedList, type PagedList } from '../../bridge/usePagedList.js';

export interface EventRange {
  status: 'loading' | 'error' | 'ready';
  events: CalendarEvent[];
  error: AppError | null;
}

/** A grid shows a bounded range, so it reads every page of it. */
async function fetchRange(from: string, to: string, timeZone: string): Promise<Result<CalendarEvent[]>> {
  const all: CalendarEvent[] = [];
  let cursor: string | undefined;
  for (;;) {
    const result = await callBridge((api) => api.listEvents({ from, to, timeZone, limit: PAGE_SIZE_MAX, ...(cursor ? { cursor } : {}) }));
    if (!result.ok) return result;
    all.push(...result.value.items);
    if (!result.value.nextCursor) return { ok: true, value: all };
    cursor = result.value.nextCursor;
  }
}

/**
 * Every event in [from, to). `timeZone` is the viewer's: all-day events (dates) are found
 * by the local days the range covers, whatever zone they were entered in.
 */
export function useEventRange(from: string, to: string, timeZone: string): EventRange {
  const key = `${from}|${to}|${timeZone}`;
  const [answer, setAnswer] = useState<{ key: string; events: CalendarEvent[]; error: AppError | null } | null>(null);
  const [tick, setTick] = useState(0);
  useItemsChanged('event', () => setTick((n) => n + 1));

  useEffect(() => {
    let cancelled = false;
    void fetchRange(from, to, timeZone).then((result) => {
      if (cancelled) return;
      setAnswer((prev) =>
        result.ok
          ? { key, events: result.value, error: null }
          : // A failed refresh keeps the events already shown.
            { key, events: prev?.key === key ? prev.events : [], error: result.error },
      );
    });
    return () => {
      cancelled = true;
    };
  }, [from, to, timeZone, key, tick]);

  if (!answer || answer.key !== key) return { status: 'loading', events: [], error: null };
  if (answer.error && answer.events.length === 0) return { status: 'error', events: [], error: answer.error };
  return { status: 'ready', events: answer.events, error: answer.error };
}

/** Events that end after `from` (an instant), soonest first; all-day ones from `from`'s day in `timeZone` on. */
export function useUpcomingEvents(from: string, timeZone: string, pageSize = 50): PagedList<CalendarEvent> {
  const list = usePagedList<CalendarEvent>(
    `upcoming|${from}|${timeZone}`,
    ({ cursor, limit }) => callBridge((api) => api.listEvents({ from, timeZone, limit, ...(cursor ? { cursor } : {}) })),
    pageSize,
  );
  const { refresh } = list;
  useItemsChanged('event', refresh);
  return list;
}

export type NewEvent = ChannelInput<'createEvent'>;
export type EventChanges = Omit<ChannelInput<'updateEvent'>, 'id' | 'version'>;

export const createEvent = (input: NewEvent) => callBridge((api) => api.createEvent(input));
export const updateEvent = (event: CalendarEvent, changes: EventChanges) =>
  callBridge((api) => api.updateEvent({ id: event.id, version: event.version, ...changes }));
export const deleteEvent = (event: CalendarEvent) => callBridge((api) => api.deleteEvent({ id: event.id }));

export type OccurrenceChanges = Omit<ChannelInput<'editOccurrence'>, 'id' | 'version' | 'occurrenceStart' | 'scope'>;
/** Edits an occurrence a series' rule generated (event.occurrenceStart set): just it, or it and the following ones. */
export const editOccurrence = (event: CalendarEvent, scope: OccurrenceScope, changes: OccurrenceChanges) =>
  callBridge((api) => api.editOccurrence({ id: event.id, version: event.version, occurrenceStart: event.occurrenceStart!, scope, ...changes }));
export const deleteOccurrence = (event: CalendarEvent, scope: OccurrenceScope) =>
  callBridge((api) => api.deleteOccurrence({ id: event.id, version: event.version, occurrenceStart: event.occurrenceStart!, scope }));

/**
 * Moves an event by minutes (dragged or moved by keyboard); an occurrence of a repeating
 * event moves alone, as calendars do when dragging, the rest of its series stays.
 */
export function moveEvent(event: CalendarEvent, minutes: number) {
  const timing = event.allDay
    ? { start: addDays(event.start, Math.round(minutes / 1440)), end: addDays(event.end, Math.round(minutes / 1440)) }
    : {
        start: new Date(Date.parse(event.start) + minutes * 60_000).toISOString(),
        end: new Date(Date.parse(event.end) + minutes * 60_000).toISOString(),
      };
  return event.occurrenceStart !== undefined ? editOccurrence(event, 'this', timing) : updateEvent(event, timing);
}

export const importEvents = (file: string) => callBridge((api) => api.importEvents({ file }));
export const exportEvents = (file: string) => callBridge((api) => api.exportEvents({ file }));
export const fetchEvent = (id: string) => callBridge((api) => api.getEvent({ id }));

/** Loads one event by id (a search result); null while loading or when id is null. */
export function useEvent(id: string | null): { event: CalendarEvent | null; error: AppError | null } {
  const [answer, setAnswer] = useState<{ id: string; event: CalendarEvent | null; error: AppError | null } | null>(null);
  useEffect(() => {
    if (!id) return;
    let cancelled = false;
    void fetchEvent(id).then((result) => {
      if (!cancelled) setAnswer(result.ok ? { id, event: result.value, error: null } : { id, event: null, error: result.error });
    });
    return () => {
      cancelled = true;
    };
  }, [id]);
  return answer && answer.id === id ? { event: answer.event, error: answer.error } : { event: null, error: null };
}
