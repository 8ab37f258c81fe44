/**
 * The source of "now" for timer-driven rules: the analytics cache's expiry, the sibling breakers'
 * half-open wait and the Auth-sync outbox's retry schedule. Production uses {@link systemClock};
 * tests pass a clock they advance themselves instead of sleeping through these waits.
 */
export interface Clock {
  now(): Date;
}

export const systemClock: Clock = { now: () => new Date() };
