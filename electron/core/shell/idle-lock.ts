// Locks every window after the whole system has been idle for a while.
export const DEFAULT_IDLE_LOCK_MINUTES = 15;
export const IDLE_POLL_INTERVAL_MS = 30_000;

/**
 * Minutes of system idleness before every window locks, from ENCLAVE_IDLE_LOCK_MINUTES:
 * a positive number (fractions allowed), or 0 / "off" to never lock for idleness.
 * Anything unreadable falls back to the default rather than silently disabling the lock.
 */
export function idleLockMinutes(env: Readonly<Record<string, string | undefined>>): number | null {
  const raw = env.ENCLAVE_IDLE_LOCK_MINUTES?.trim();
  if (raw === undefined || raw === '') return DEFAULT_IDLE_LOCK_MINUTES;
  if (raw === '0' || raw.toLowerCase() === 'off') return null;
  const minutes = Number(raw);
  return Number.isFinite(minutes) && minutes > 0 ? minutes : DEFAULT_IDLE_LOCK_MINUTES;
}

/**
 * Feed it the system idle time at each poll; it answers true once per idle spell, when
 * the spell first reaches the threshold, and re-arms when the person comes back.
 */
export function idleWatch(thresholdSeconds: number): (idleSeconds: number) => boolean {
  let fired = false;
  return (idleSeconds) => {
    if (idleSeconds < thresholdSeconds) {
      fired = false;
      return false;
    }
    if (fired) return false;
    fired = true;
    return true;
  };
}
