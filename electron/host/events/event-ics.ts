// .ics files in and out of a profile's events. What a file says is checked against the
// createEvent contract (caps, zones, rules) like any other input before it is stored.
import { calendarChannels } from '../../../shared/events/event-channels.js';
import { AppException } from '../../../shared/errors.js';
import { parseIcs, writeIcs, type IcsImportResult } from '../../../shared/events/ics/ics-events.js';
import type { EventRepository } from './event-repository.js';

const REASONS_MAX = 100;

/** Adds the file's events (series first, then their edited or cancelled occurrences). */
export function importIcs(events: EventRepository, text: string, timeZone: string): IcsImportResult {
  const parsed = parseIcs(text, timeZone);
  const skipped = [...parsed.skipped];
  const seriesByUid = new Map<string, string>();
  let added = 0;
  const ordered = [...parsed.events.filter((e) => e.recurrenceId === null), ...parsed.events.filter((e) => e.recurrenceId !== null)];
  for (const record of ordered) {
    const input = calendarChannels.createEvent.input.safeParse(record.input);
    const name = `“${record.input.title.slice(0, 80)}”`;
    if (!input.success) {
      skipped.push({ reason: `${name}: ${input.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`).join('; ')}` });
      continue;
    }
    const seriesId = record.uid !== null && record.recurrenceId !== null ? seriesByUid.get(record.uid) : undefined;
    try {
      if (record.recurrenceId !== null && seriesId !== undefined) {
        const series = events.get(seriesId);
        const originalStart = series.allDay ? record.recurrenceId.slice(0, 10) : record.recurrenceId;
        if (record.cancelled) {
          events.update({ id: seriesId, version: series.version, exceptions: [...series.exceptions, originalStart].sort() });
          continue;
        }
        const { recurrence: _r, exceptions: _x, ...one } = input.data;
        events.create(one, { id: seriesId, originalStart });
      } else {
        if (record.cancelled) continue;
        const e = events.create(input.data);
        if (record.uid !== null && e.recurrence !== null) seriesByUid.set(record.uid, e.id);
      }
      added++;
    } catch (e) {
      if (!(e instanceof AppException) || e.code !== 'INVALID_INPUT') throw e;
      skipped.push({ reason: `${name}: ${e.message}` });
    }
  }
  return { added, skipped: skipped.slice(0, REASONS_MAX) };
}

/** Every event of the profile as one VCALENDAR. */
export function exportIcs(events: EventRepository, now: Date): { text: string; events: number } {
  const all = events.all();
  return { text: writeIcs(all, now), events: all.length };
}
