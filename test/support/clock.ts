import type { Clock } from '../../src/domain/clock.js';

/**
 * A clock that stands still until the test advances it: the service's own waits (cache expiry,
 * breaker half-open, a sibling's Retry-After, Auth-sync retry delay) pass exactly when the test
 * says so, however busy the machine is. Starts at the real time, so dates the service derives from
 * it stay plausible.
 */
export class TestClock implements Clock {
  private at: number;
  private readonly sleepers = new Set<{ until: number; wake: () => void }>();

  constructor(start: Date = new Date()) {
    this.at = start.getTime();
  }

  now(): Date {
    return new Date(this.at);
  }

  sleep(ms: number, signal?: AbortSignal): Promise<void> {
    return new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const sleeper = {
        until: this.at + ms,
        wake: () => {
          this.sleepers.delete(sleeper);
          signal?.removeEventListener('abort', sleeper.wake);
          resolve();
        },
      };
      this.sleepers.add(sleeper);
      signal?.addEventListener('abort', sleeper.wake, { once: true });
      this.wakeDue();
    });
  }

  /** What is left of each wait in progress on this clock, in ms. */
  waiting(): number[] {
    return [...this.sleepers].map((s) => s.until - this.at);
  }

  advance(ms: number): void {
    this.at += ms;
    this.wakeDue();
  }

  private wakeDue(): void {
    for (const sleeper of this.sleepers) if (sleeper.until <= this.at) sleeper.wake();
  }
}
