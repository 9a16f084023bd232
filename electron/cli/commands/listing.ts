// What the list commands share: reading every page, flags, times for people.
import type { Page } from '../../../shared/tasks.js';
import { dateInZone, timeInZone } from '../../../shared/zoned-time.js';

/** Follows cursors until the last page. */
export async function allPages<T>(fetch: (cursor: string | undefined) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch(cursor);
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

export const stringFlag = (flags: Map<string, string | true>, name: string) => {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** The zone of this process (TZ, else the system's). */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `YYYY-MM-DD HH:MM` in a zone. */
export const localDateTime = (iso: string, timeZone: string) => {
  const ms = Date.parse(iso);
  return `${dateInZone(ms, timeZone)} ${timeInZone(ms, timeZone)}`;
};
