/**
 * The one source of "now": every date the services write or answer (updatedAt, history entries,
 * exports, deletions) and the timer-driven rules (the analytics cache's expiry, the sibling breakers'
 * half-open wait, the wait a sibling's `Retry-After` asks for, the Auth-sync outbox's retry schedule,
 * a stale idempotency claim). Production uses {@link systemClock}; tests pass a clock they advance
 * themselves instead of sleeping through waits.
 */
export interface Clock {
  now(): Date;
  /** Resolves once `ms` have passed on this clock, or at once when `signal` aborts. */
  sleep(ms: number, signal?: AbortSignal): Promise<void>;
}

export const systemClock: Clock = {
  now: () => new Date(),
  sleep: (ms, signal) =>
    new Promise((resolve) => {
      if (signal?.aborted) return resolve();
      const done = () => {
        clearTimeout(timer);
        signal?.removeEventListener('abort', done);
        resolve();
      };
      const timer = setTimeout(done, ms);
      signal?.addEventListener('abort', done, { once: true });
    }),
};
