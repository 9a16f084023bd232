import type { Database } from 'better-sqlite3';
import { canonicalTimeZone, isIsoDate, isTimeZone } from '../../../../shared/zoned-time.js';
import type { SqliteMigration } from '../../sqlite/migrate.js';
import { firstDay, lastDay } from '../../../../shared/events/event-timing.js';

// All-day events become dates (first and last day, inclusive) instead of the instants
// their days started in the zone they were entered in, so every viewer sees the same
// days (event-timing.ts). Zones become canonical IANA names (`europe/berlin` →
// `Europe/Berlin`). Neither is an edit by the person: version and updated_at stay.
// A zone no longer accepted for new events (`EST`) or unknown to this runtime is kept as
// it is: it still reads as what it was, and an edit asks for a better one.
//
// Zone arithmetic needs Intl, so the SQL calls functions the store registers on its
// connection before migrating (registerAllDayFunctions).

const zoneOf = (zone: string) => {
  const c = canonicalTimeZone(zone);
  return c.ok ? c.zone : zone;
};

/** The all-day dates of a schema-3 row, or null to keep it as it is. */
function datesOf(start: string, end: string, zone: string): { first: string; last: string } | null {
  const startMs = Date.parse(start);
  const endMs = Date.parse(end);
  if (isIsoDate(start) || !isTimeZone(zone) || !Number.isFinite(startMs) || !Number.isFinite(endMs)) return null;
  try {
    return { first: firstDay(startMs, zone), last: lastDay(startMs, endMs, zone) };
  } catch {
    // A day outside 0001–9999 (only reachable through the old year bugs): the row stays as it was.
    return null;
  }
}

export function registerAllDayFunctions(db: Database): void {
  const options = { deterministic: true };
  db.function('enclave_canonical_zone', options, (zone: unknown) => (typeof zone === 'string' ? zoneOf(zone) : zone));
  db.function('enclave_all_day_first', options, (start: unknown, end: unknown, zone: unknown) =>
    typeof start === 'string' && typeof end === 'string' && typeof zone === 'string' ? (datesOf(start, end, zone)?.first ?? start) : start,
  );
  db.function('enclave_all_day_last', options, (start: unknown, end: unknown, zone: unknown) =>
    typeof start === 'string' && typeof end === 'string' && typeof zone === 'string' ? (datesOf(start, end, zone)?.last ?? end) : end,
  );
}

export const migration: SqliteMigration = {
  version: 4,
  name: 'all-day-events-as-dates',
  // Every expression of one UPDATE sees the row as it was, so end_at is computed from the old start_at.
  up: `
    UPDATE events SET time_zone = enclave_canonical_zone(time_zone) WHERE time_zone IS NOT enclave_canonical_zone(time_zone);
    UPDATE events SET
      start_at = enclave_all_day_first(start_at, end_at, time_zone),
      end_at = enclave_all_day_last(start_at, end_at, time_zone)
    WHERE all_day = 1;
  `,
};
