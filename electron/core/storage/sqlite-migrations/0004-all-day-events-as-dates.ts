import type { Database } from 'better-sqlite3';
import { canonicalTimeZone, isTimeZone } from '../../../../shared/zoned-time.js';
import type { SqliteMigration } from '../../sqlite/migrate.js';
import { firstDay, lastDay } from '../repositories/event-timing.js';

interface Row {
  id: string;
  start_at: string;
  end_at: string;
  time_zone: string;
  all_day: 0 | 1;
}

// All-day events become dates (first and last day, inclusive) instead of the instants
// their days started in the zone they were entered in, so every viewer sees the same
// days (event-timing.ts). Zones become canonical IANA names (`europe/berlin` →
// `Europe/Berlin`). Neither is an edit by the person: version and updated_at stay.
// A zone no longer accepted for new events (`EST`) or unknown to this runtime is kept as
// it is: it still reads as what it was, and an edit asks for a better one.
function convert(db: Database): void {
  const rows = db.prepare('SELECT id, start_at, end_at, time_zone, all_day FROM events').all() as Row[];
  const write = db.prepare('UPDATE events SET start_at = ?, end_at = ?, time_zone = ? WHERE id = ?');
  for (const r of rows) {
    const canonical = canonicalTimeZone(r.time_zone);
    const zone = canonical.ok ? canonical.zone : r.time_zone;
    let { start_at: start, end_at: end } = r;
    if (r.all_day === 1 && isTimeZone(zone)) {
      const startMs = Date.parse(start);
      const endMs = Date.parse(end);
      if (Number.isFinite(startMs) && Number.isFinite(endMs)) {
        try {
          start = firstDay(startMs, zone);
          end = lastDay(startMs, endMs, zone);
        } catch {
          // A day outside 0001–9999 (only reachable through the old year bugs): the row stays as it was.
          start = r.start_at;
          end = r.end_at;
        }
      }
    }
    if (start !== r.start_at || end !== r.end_at || zone !== r.time_zone) write.run(start, end, zone, r.id);
  }
}

export const migration: SqliteMigration = {
  version: 4,
  name: 'all-day-events-as-dates',
  up: '',
  run: convert,
};
