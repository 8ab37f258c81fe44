import {
  CircuitState,
  ConsecutiveBreaker,
  TimeoutStrategy,
  circuitBreaker,
  handleWhen,
  retry,
  timeout,
  wrap,
  type CircuitBreakerPolicy,
  type IBackoff,
  type IHalfOpenAfterBackoffContext,
} from 'cockatiel';
import { systemClock, type Clock } from '../domain/clock.js';
import { AttemptFailure } from './failures.js';

export type BreakerState = 'closed' | 'open' | 'halfOpen' | 'isolated';

export interface PolicyOptions {
  /** Overall deadline of one call, retries and backoff included. */
  deadlineMs: number;
  /** Attempts of a retryable (GET) call, the first one included. */
  maxAttempts: number;
  breakerThreshold: number;
  breakerHalfOpenMs: number;
}

/** Backoff before retry n (1-based): exponential from a base that scales with the deadline, half jittered. */
export function backoffDelay(attempt: number, deadlineMs: number, random = Math.random): number {
  const base = Math.min(200, Math.max(10, deadlineMs / 20));
  const ceiling = Math.min(base * 2 ** (attempt - 1), 5_000);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

/**
 * The breaker's half-open wait measured on `clock`. cockatiel reads the time itself (it compares
 * `Date.now() - openedAt` with the backoff's `duration` on each call while open), so the duration
 * reported is the real time elapsed since opening plus what remains of the wait on `clock`, and 0
 * once that wait has passed. On the system clock this is the constant `waitMs`.
 */
export class HalfOpenAfter implements IBackoff<IHalfOpenAfterBackoffContext> {
  constructor(
    private readonly waitMs: number,
    private readonly clock: Clock,
    private readonly openedAt?: { clock: number; real: number },
  ) {}

  /** Called by cockatiel each time the breaker opens. */
  next(): HalfOpenAfter {
    return new HalfOpenAfter(this.waitMs, this.clock, { clock: this.clock.now().getTime(), real: Date.now() });
  }

  get duration(): number {
    if (!this.openedAt) return this.waitMs;
    const remaining = this.waitMs - (this.clock.now().getTime() - this.openedAt.clock);
    return remaining > 0 ? Date.now() - this.openedAt.real + remaining : 0;
  }
}

const STATES: Record<CircuitState, BreakerState> = {
  [CircuitState.Closed]: 'closed',
  [CircuitState.Open]: 'open',
  [CircuitState.HalfOpen]: 'halfOpen',
  [CircuitState.Isolated]: 'isolated',
};

/**
 * The resilience policy of one sibling: retry (outermost) → circuit breaker → timeout per attempt
 * (innermost, cooperative: it aborts the attempt's fetch through the signal), so each attempt has
 * its own timeout and each failed attempt counts towards opening the breaker.
 *
 * What is retried or counted is decided per attempt by the {@link AttemptFailure} the attempt
 * throws: only unavailability (network errors, timeouts, 5xx, 429) is one, retryable for GETs and
 * counted by the breaker. An answer the sibling did give — a 4xx to what CRMS sent, or a body CRMS
 * cannot use — reaches the policy as a value: never retried, never counted, and it proves the
 * sibling reachable (a half-open breaker closes on it). A `BrokenCircuitError` is never retried:
 * it is not an AttemptFailure. The backoff honours a
 * `Retry-After` the sibling sent; the attempt itself has already refused to retry when that wait
 * would overrun the deadline.
 */
export class SiblingPolicy {
  readonly breaker: CircuitBreakerPolicy;
  readonly attemptTimeoutMs: number;
  private readonly retries;
  private readonly attempts;

  /** `clock` measures the breaker's half-open wait and a `Retry-After` wait. */
  constructor(
    readonly options: PolicyOptions,
    private readonly clock: Clock = systemClock,
  ) {
    this.attemptTimeoutMs = Math.max(1, Math.floor(options.deadlineMs / options.maxAttempts));
    // the wait before a retry is made by execute(), not by cockatiel (whose wait is a plain timer)
    this.retries = retry(
      handleWhen((err) => err instanceof AttemptFailure && err.options.retryable),
      {
        maxAttempts: options.maxAttempts - 1,
      },
    );
    this.breaker = circuitBreaker(
      handleWhen((err) => err instanceof AttemptFailure && err.options.countsForBreaker),
      {
        halfOpenAfter: new HalfOpenAfter(options.breakerHalfOpenMs, clock),
        breaker: new ConsecutiveBreaker(options.breakerThreshold),
      },
    );
    this.attempts = wrap(this.breaker, timeout(this.attemptTimeoutMs, TimeoutStrategy.Cooperative));
  }

  /** Runs `attempt` under the policy; `signal` is the caller's deadline (it also stops retrying). */
  execute<T>(attempt: (signal: AbortSignal) => Promise<T>, signal: AbortSignal): Promise<T> {
    let retryAfterMs = 0;
    return this.retries.execute(async ({ attempt: retry, signal: deadline }) => {
      if (retry > 0) {
        // the backoff on real time; a longer wait the sibling asked for (Retry-After) on the clock
        const backoff = backoffDelay(retry, this.options.deadlineMs);
        await (retryAfterMs > backoff ? this.clock.sleep(retryAfterMs, deadline) : systemClock.sleep(backoff, deadline));
        if (deadline.aborted) throw new AttemptFailure('deadline', 'deadline exceeded', { retryable: false, countsForBreaker: false });
      }
      try {
        return await this.attempts.execute((context) => attempt(context.signal), deadline);
      } catch (err) {
        retryAfterMs = err instanceof AttemptFailure ? (err.options.retryAfterMs ?? 0) : 0;
        throw err;
      }
    }, signal);
  }

  get state(): BreakerState {
    return STATES[this.breaker.state];
  }
}
