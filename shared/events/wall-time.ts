// Wall-clock times in a zone and the instants they name, the way RFC 5545 reads them:
// a repeating 09:00 stays 09:00 across DST, a time in a DST gap takes the offset before the
// gap (02:30 on a spring-forward night is 03:30), and a time that happens twice takes the first.
import { zoneOffsetMs } from '../zoned-time.js';

const HALF_DAY_MS = 14 * 3_600_000;

/** A wall clock as milliseconds whose UTC reading is that wall time (`2030-03-10T09:00` → Date.UTC(...)). */
export const wallMsOf = (instantMs: number, timeZone: string): number => instantMs + zoneOffsetMs(instantMs, timeZone);

/** The instant a wall-clock time (as wallMsOf gives it) names in a zone. */
export function instantOfWall(wallMs: number, timeZone: string): number {
  // Zones change offset at most once in any 28 hours, so the offsets 14 h either side are the
  // only candidates: the one before a change first (the first of a repeated hour).
  const before = zoneOffsetMs(wallMs - HALF_DAY_MS, timeZone);
  const after = zoneOffsetMs(wallMs + HALF_DAY_MS, timeZone);
  for (const offset of [before, after]) {
    const t = wallMs - offset;
    if (zoneOffsetMs(t, timeZone) === offset) return t;
  }
  return wallMs - before;
}

const WALL_RE = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/;

/** Milliseconds of a wall time `YYYY-MM-DDTHH:MM[:SS]` (no zone), or null when it is not one. */
export function parseWall(text: string): number | null {
  const m = WALL_RE.exec(text);
  if (!m) return null;
  const t = new Date(0);
  t.setUTCFullYear(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  t.setUTCHours(Number(m[4]), Number(m[5]), Number(m[6] ?? 0), 0);
  const ms = t.getTime();
  return Number.isFinite(ms) && t.getUTCDate() === Number(m[3]) ? ms : null;
}
