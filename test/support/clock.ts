import type { Clock } from '../../src/domain/clock.js';

/**
 * A clock that stands still until the test advances it: the service's own waits (cache expiry,
 * breaker half-open, Auth-sync retry delay) pass exactly when the test says so, however busy the
 * machine is. Starts at the real time, so dates the service derives from it stay plausible.
 */
export class TestClock implements Clock {
  private at: number;

  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  advance(ms: number): void {
    this.at += ms;
  }
}
