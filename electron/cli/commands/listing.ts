// What the list commands share: reading every page, flags, printing a list, times for people.
import { PAGE_SIZE_MAX, type Page } from '../../../shared/tasks/tasks.js';
import { dateInZone, timeInZone } from '../../../shared/zoned-time.js';
import { formatTable, type CliIo } from '../io.js';

/** Where a page starts and how long it is: the largest page a list channel gives, then the cursor it answered. */
export type PageRequest = { limit: number; cursor?: string };

/** Follows cursors until the last page. */
export async function allPages<T>(fetch: (page: PageRequest) => Promise<Page<T>>): Promise<T[]> {
  const items: T[] = [];
  let cursor: string | undefined;
  do {
    const page = await fetch({ limit: PAGE_SIZE_MAX, ...given({ cursor }) });
    items.push(...page.items);
    cursor = page.nextCursor ?? undefined;
  } while (cursor !== undefined);
  return items;
}

export const stringFlag = (flags: Map<string, string | true>, name: string) => {
  const v = flags.get(name);
  return typeof v === 'string' ? v : undefined;
};

/** The fields whose value is given: a flag left out is no field at all, as if never typed. */
export function given<T extends Record<string, unknown>>(fields: T): { [K in keyof T]?: Exclude<T[K], undefined> } {
  return Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined)) as { [K in keyof T]?: Exclude<T[K], undefined> };
}

/** `value` as indented JSON, for --json. */
export const printJson = (io: CliIo, value: unknown) => io.stdout(`${JSON.stringify(value, null, 2)}\n`);

/** A list: the items as JSON with --json; otherwise `empty` when there are none, else a table of `row`s under `headers`. */
export function printList<T>(
  io: CliIo,
  json: boolean,
  items: readonly T[],
  empty: string,
  headers: readonly string[],
  row: (item: T) => string[],
): void {
  if (json) printJson(io, items);
  else io.stdout(items.length === 0 ? `${empty}\n` : formatTable(headers, items.map(row)));
}

/** The zone of this process (TZ, else the system's). */
export const localTimeZone = () => Intl.DateTimeFormat().resolvedOptions().timeZone;

/** `YYYY-MM-DD HH:MM` in a zone. */
export const localDateTime = (iso: string, timeZone: string) => {
  const ms = Date.parse(iso);
  return `${dateInZone(ms, timeZone)} ${timeInZone(ms, timeZone)}`;
};
