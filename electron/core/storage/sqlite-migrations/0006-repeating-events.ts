import type { SqliteMigration } from '../../sqlite/migrate.js';

// Repeating events (RFC 5545 RRULE, expanded by the host when listing), the occurrences
// removed from a series (EXDATE, a JSON list of starts), edited occurrences (rows that
// replace one occurrence of a series: RECURRENCE-ID) and reminders. Existing events
// happen once and remind nobody, so nothing else changes.
export const migration: SqliteMigration = {
  version: 6,
  name: 'repeating-events',
  up: `
    ALTER TABLE events ADD COLUMN recurrence TEXT;
    ALTER TABLE events ADD COLUMN exceptions TEXT NOT NULL DEFAULT '[]';
    ALTER TABLE events ADD COLUMN series_id TEXT;
    ALTER TABLE events ADD COLUMN original_start TEXT;
    ALTER TABLE events ADD COLUMN reminder_minutes INTEGER;
    CREATE INDEX events_by_series ON events (series_id, original_start) WHERE series_id IS NOT NULL;
    CREATE INDEX events_repeating ON events (start_at) WHERE recurrence IS NOT NULL;
  `,
};
