/** Injected wherever time decides behaviour (throttling), so tests need not sleep. */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
