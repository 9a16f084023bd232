// Repeated crashes of one profile's host back off instead of looping: a profile
// whose data makes its host abort at every open (or a user re-running the statement
// that aborts it) must not restart it as fast as it can die.
import { AppException } from '../../../shared/errors.js';

/** At most this many crashes of one profile within CRASH_WINDOW_MS before restarts wait. */
export const MAX_CRASHES = 5;
export const CRASH_WINDOW_MS = 60_000;

export class CrashBackoff {
  private readonly crashes = new Map<string, number[]>();

  constructor(private readonly now: () => number = () => performance.now()) {}

  crashed(profileId: string): void {
    this.crashes.set(profileId, [...this.recent(profileId), this.now()]);
  }

  /** Throws PROFILE_CRASHED with retryAfterSeconds while the profile's restarts are backing off. */
  check(profileId: string): void {
    const recent = this.recent(profileId);
    if (recent.length < MAX_CRASHES) return;
    const waitMs = recent[recent.length - MAX_CRASHES]! + CRASH_WINDOW_MS - this.now();
    const retryAfterSeconds = Math.max(1, Math.ceil(waitMs / 1000));
    throw new AppException(
      'PROFILE_CRASHED',
      `This profile's process stopped ${recent.length} times in the last minute; try reopening it in ${retryAfterSeconds} s`,
      { retryAfterSeconds },
    );
  }

  private recent(profileId: string): number[] {
    const since = this.now() - CRASH_WINDOW_MS;
    return (this.crashes.get(profileId) ?? []).filter((t) => t > since);
  }
}
