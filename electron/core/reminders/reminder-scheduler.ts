// Reminders of the unlocked profiles' events, timed in main. Every few minutes (and when a
// profile's events change) it asks the profile's host for the reminders due in the next
// window and sets a timer for each; main's thin Electron edge shows them as OS notifications.
// When a profile locks, everything pending for it is dropped at once and an answer still
// on its way from the host is thrown away: a locked profile's titles never reach the screen.
import type { EventReminder } from '../../../shared/events/events.js';
import type { Clock } from '../clock.js';

/** The reminders due in [from, to) of an open profile (its host's eventReminders). */
export type ReminderSource = (profileId: string, from: Date, to: Date) => Promise<EventReminder[]>;
/** Shows one reminder (the Electron Notification, in main.ts). */
export type ReminderSink = (profileId: string, reminder: EventReminder) => void;

/** Timers, injected so tests run the schedule on a manual clock. */
export interface Timers {
  set(fn: () => void, ms: number): unknown;
  clear(handle: unknown): void;
}

export const systemTimers: Timers = {
  set: (fn, ms) => {
    const t = setTimeout(fn, ms);
    // A pending reminder never keeps the process (CLI, tests) alive.
    t.unref();
    return t;
  },
  clear: (handle) => clearTimeout(handle as NodeJS.Timeout),
};

/** How far ahead one question to the host looks; the schedule is renewed before it runs out. */
export const REMINDER_HORIZON_MS = 10 * 60_000;
/** A reminder due this long ago (a refresh that ran late, a wake from sleep) is still shown. */
const GRACE_MS = 60_000;

interface ProfileSchedule {
  timers: unknown[];
  /** Reminders shown already (event, occurrence, time), so overlapping windows show each once. */
  shown: Set<string>;
  generation: number;
}

export class ReminderScheduler {
  private readonly profiles = new Map<string, ProfileSchedule>();

  constructor(
    private readonly clock: Clock,
    private readonly source: ReminderSource,
    private readonly sink: ReminderSink,
    private readonly timers: Timers = systemTimers,
    private readonly log: (line: string) => void = () => undefined,
  ) {}

  /** A profile was unlocked: start its schedule. */
  opened(profileId: string): void {
    if (this.profiles.has(profileId)) return;
    this.profiles.set(profileId, { timers: [], shown: new Set(), generation: 0 });
    void this.refresh(profileId);
  }

  /** Its events changed: ask again. */
  changed(profileId: string): void {
    if (this.profiles.has(profileId)) void this.refresh(profileId);
  }

  /** The profile is locking: drop everything pending for it. */
  closing(profileId: string): void {
    const s = this.profiles.get(profileId);
    if (!s) return;
    this.profiles.delete(profileId);
    s.generation++;
    for (const t of s.timers) this.timers.clear(t);
    s.timers = [];
  }

  /** Profiles with a schedule (for tests). */
  pendingCount(profileId: string): number {
    return this.profiles.get(profileId)?.timers.length ?? 0;
  }

  private async refresh(profileId: string): Promise<void> {
    const s = this.profiles.get(profileId);
    if (!s) return;
    const generation = ++s.generation;
    const now = this.clock.now().getTime();
    let due: EventReminder[];
    try {
      due = await this.source(profileId, new Date(now - GRACE_MS), new Date(now + REMINDER_HORIZON_MS));
    } catch (e) {
      // A host that stopped or is closing: the next refresh (or the reopen) tries again.
      this.log(`reminders of ${profileId}: ${e instanceof Error ? e.message : String(e)}`);
      due = [];
    }
    // Locked (or refreshed again) while the host answered: this answer is stale.
    if (this.profiles.get(profileId) !== s || s.generation !== generation) return;
    for (const t of s.timers) this.timers.clear(t);
    s.timers = [];
    const at = this.clock.now().getTime();
    // Keys of reminders long past can never come back from the host: forget them.
    for (const key of s.shown) if (Date.parse(key.slice(key.lastIndexOf('|') + 1)) < at - 2 * REMINDER_HORIZON_MS) s.shown.delete(key);
    for (const r of due) {
      const key = `${r.eventId}|${r.start}|${r.at}`;
      if (s.shown.has(key)) continue;
      s.timers.push(
        this.timers.set(() => {
          if (this.profiles.get(profileId) !== s || s.shown.has(key)) return;
          s.shown.add(key);
          this.sink(profileId, r);
        }, Math.max(0, Date.parse(r.at) - at)),
      );
    }
    s.timers.push(this.timers.set(() => void this.refresh(profileId), REMINDER_HORIZON_MS / 2));
  }
}
