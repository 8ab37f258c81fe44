/**
 * The one source of "now": every date the services write or answer (updatedAt, history entries,
 * exports, deletions) and the timer-driven rules (the analytics cache's expiry, the sibling breakers'
 * half-open wait, the Auth-sync outbox's retry schedule, a stale idempotency claim). Production uses
 * {@link systemClock}; tests pass a clock they advance themselves instead of sleeping through waits.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
