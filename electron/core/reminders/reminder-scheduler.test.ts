// The reminder schedule on a manual clock: due reminders are shown once, at their time; a
// profile that locks has nothing pending any more, and an answer from its host that arrives
// after the lock is thrown away. The last suite runs it through the real core and host.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import type { EventReminder } from '../../../shared/events/events.js';
import type { ProfileSummary } from '../../../shared/profiles/profiles.js';
import { openEnclave, type Enclave } from '../enclave.js';
import { ManualClock } from '../testing/manual-clock.js';
import { expectOk } from '../testing/results.js';
import { makeTempDir, removeTempDir } from '../testing/temp-dir.js';
import { testKeychain } from '../testing/test-keychain.js';
import { REMINDER_HORIZON_MS, ReminderScheduler, type Timers } from './reminder-scheduler.js';

/** Timers that fire only when the manual clock is advanced through them. */
class ManualTimers implements Timers {
  private pending: { at: number; fn: () => void; id: number }[] = [];
  private nextId = 0;
  private waiters: { match: (ms: number) => boolean; resolve: () => void }[] = [];
  constructor(private readonly clock: ManualClock) {}

  set(fn: () => void, ms: number): unknown {
    const id = ++this.nextId;
    this.pending.push({ at: this.clock.now().getTime() + ms, fn, id });
    const waiter = this.waiters.find((w) => w.match(ms));
    if (waiter) {
      this.waiters.splice(this.waiters.indexOf(waiter), 1);
      waiter.resolve();
    }
    return id;
  }

  clear(handle: unknown): void {
    this.pending = this.pending.filter((t) => t.id !== handle);
  }

  /** Resolves when a timer of `ms` is set (a barrier on the scheduler's async refresh). */
  waitFor(ms: number): Promise<void> {
    return new Promise((resolve) => this.waiters.push({ match: (m) => m === ms, resolve }));
  }

  advance(ms: number): void {
    const end = this.clock.now().getTime() + ms;
    for (;;) {
      const due = this.pending.filter((t) => t.at <= end).sort((a, b) => a.at - b.at)[0];
      if (!due) break;
      this.pending = this.pending.filter((t) => t !== due);
      this.clock.advance(Math.max(0, due.at - this.clock.now().getTime()));
      due.fn();
    }
    this.clock.advance(end - this.clock.now().getTime());
  }

  get count(): number {
    return this.pending.length;
  }
}

const reminder = (title: string, at: string): EventReminder => ({ eventId: `id-${title}`, start: at, allDay: false, title, at });

describe('ReminderScheduler', () => {
  test('shows each due reminder once, at its time, and renews its window', async () => {
    const clock = new ManualClock('2030-01-01T09:00:00.000Z');
    const timers = new ManualTimers(clock);
    const shown: string[] = [];
    const asked: string[] = [];
    const scheduler = new ReminderScheduler(
      clock,
      async (_id, from, to) => {
        asked.push(`${from.toISOString()}..${to.toISOString()}`);
        return [reminder('Standup', '2030-01-01T09:04:00.000Z')].filter((r) => r.at >= from.toISOString() && r.at < to.toISOString());
      },
      (_id, r) => shown.push(r.title),
      timers,
    );
    const set = timers.waitFor(4 * 60_000);
    scheduler.opened('p');
    await set;
    timers.advance(3 * 60_000);
    assert.deepEqual(shown, []);
    const renewed = timers.waitFor(REMINDER_HORIZON_MS / 2);
    timers.advance(2 * 60_000);
    assert.deepEqual(shown, ['Standup']);
    // The renewal at +5 min asks again; the window still holds the reminder, it is not shown twice.
    await renewed;
    timers.advance(REMINDER_HORIZON_MS);
    assert.deepEqual(shown, ['Standup']);
    assert.ok(asked.length >= 2);
  });

  test('a locked profile: pending reminders are dropped, an answer arriving after the lock shows nothing', async () => {
    const clock = new ManualClock('2030-01-01T09:00:00.000Z');
    const timers = new ManualTimers(clock);
    const shown: string[] = [];
    let answer: (r: EventReminder[]) => void = () => undefined;
    const scheduler = new ReminderScheduler(
      clock,
      () => new Promise((resolve) => (answer = resolve)),
      (_id, r) => shown.push(r.title),
      timers,
    );
    scheduler.opened('p');
    scheduler.closing('p');
    answer([reminder('Secret meeting', '2030-01-01T09:01:00.000Z')]);
    await new Promise<void>((resolve) => setImmediate(resolve));
    timers.advance(REMINDER_HORIZON_MS * 3);
    assert.deepEqual(shown, []);
    assert.equal(timers.count, 0);

    // Scheduled, then locked before it is due.
    scheduler.opened('p');
    const set = timers.waitFor(60_000);
    answer([reminder('Secret meeting', '2030-01-01T09:31:00.000Z')]);
    await set;
    assert.ok(timers.count > 0);
    scheduler.closing('p');
    assert.equal(timers.count, 0);
    timers.advance(REMINDER_HORIZON_MS * 3);
    assert.deepEqual(shown, []);
  });
});

describe('reminders through the core and the profile host', () => {
  const keychain = testKeychain('reminders');
  const dataDir = makeTempDir();
  const clock = new ManualClock('2030-01-01T09:00:00.000Z');
  const timers = new ManualTimers(clock);
  const shown: { profileId: string; title: string }[] = [];
  let enclave: Enclave;
  const call = <T>(w: number, channel: string, input?: unknown) => enclave.handle(w, channel, input).then((r) => expectOk<T>(r, channel));

  before(async () => {
    enclave = await openEnclave({
      dataDir,
      secrets: keychain.store,
      clock,
      reminders: (profileId, r) => shown.push({ profileId, title: r.title }),
      reminderTimers: timers,
    });
  });
  after(async () => {
    await enclave.close();
    await keychain.clear();
    removeTempDir(dataDir);
  });

  test('the unlocked profile is reminded; once it locks, nothing of it is shown', async () => {
    const a = await call<ProfileSummary>(1, 'createProfile', { name: 'Ann' });
    const b = await call<ProfileSummary>(2, 'createProfile', { name: 'Ben' });
    await call(1, 'unlockProfile', { profileId: a.id });
    await call(2, 'unlockProfile', { profileId: b.id });
    // Both due in 4 minutes: the change renews each profile's schedule.
    const both = Promise.all([timers.waitFor(4 * 60_000), timers.waitFor(4 * 60_000)]);
    await call(1, 'createEvent', { title: 'Ann: dentist', start: '2030-01-01T09:14:00Z', end: '2030-01-01T10:00:00Z', timeZone: 'UTC', reminderMinutes: 10 });
    await call(2, 'createEvent', { title: 'Ben: secret', start: '2030-01-01T09:14:00Z', end: '2030-01-01T10:00:00Z', timeZone: 'UTC', reminderMinutes: 10 });
    await both;
    // Ben locks before his reminder is due.
    await enclave.lockWindow(2, 'user');
    timers.advance(5 * 60_000);
    assert.deepEqual(shown, [{ profileId: a.id, title: 'Ann: dentist' }]);
    // Ann locks too: her later reminder never shows.
    const later = timers.waitFor(7 * 60_000);
    await call(1, 'createEvent', { title: 'Ann: later', start: '2030-01-01T09:22:00Z', end: '2030-01-01T10:00:00Z', timeZone: 'UTC', reminderMinutes: 10 });
    await later;
    await enclave.lockWindow(1, 'user');
    timers.advance(60 * 60_000);
    assert.deepEqual(shown.map((s) => s.title), ['Ann: dentist']);
  });
});
