// Unlock throttling: the first FREE_ATTEMPTS wrong passwords cost nothing; each one
// after that blocks unlocking for a delay that doubles, up to MAX_DELAY. The state is
// persisted in the registry so that restarting the app does not reset it.

export const FREE_ATTEMPTS = 5;
const BASE_DELAY_MS = 30_000;
const MAX_DELAY_MS = 60 * 60_000;

/** Delay imposed after the `failures`-th consecutive failure (0 while attempts are free). */
export function delayAfter(failures: number): number {
  if (failures < FREE_ATTEMPTS) return 0;
  return Math.min(BASE_DELAY_MS * 2 ** (failures - FREE_ATTEMPTS), MAX_DELAY_MS);
}

/** Whole seconds left before `blockedUntil`, or 0 when unlocking is allowed now. */
export function secondsLeft(blockedUntil: string | null, now: Date): number {
  if (!blockedUntil) return 0;
  return Math.max(0, Math.ceil((Date.parse(blockedUntil) - now.getTime()) / 1000));
}
