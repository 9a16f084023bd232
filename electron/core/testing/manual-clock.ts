import type { Clock } from '../clock.js';

/** A clock that moves only when told, so throttling is tested without sleeping. */
export class ManualClock implements Clock {
  private t: number;

  constructor(start = '2030-01-01T00:00:00.000Z') {
    this.t = Date.parse(start);
  }

  now(): Date {
    return new Date(this.t);
  }

  advance(ms: number): void {
    this.t += ms;
  }
}
