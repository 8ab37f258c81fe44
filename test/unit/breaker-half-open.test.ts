import { isBrokenCircuitError } from 'cockatiel';
import { AttemptFailure } from '../../src/clients/failures.js';
import { SiblingPolicy } from '../../src/clients/policy.js';
import { TestClock } from '../support/clock.js';

const unavailable = () => new AttemptFailure('status', 'answered 503', { retryable: false, countsForBreaker: true, status: 503 });
const never = new AbortController().signal;

/** A policy with one attempt per call, opening after 2 failures and half-opening after 30 s on `clock`. */
function policy(clock: TestClock): SiblingPolicy {
  return new SiblingPolicy({ deadlineMs: 1_000, maxAttempts: 1, breakerThreshold: 2, breakerHalfOpenMs: 30_000 }, clock);
}

async function outcome(p: SiblingPolicy, attempt: () => Promise<string>): Promise<string> {
  try {
    return await p.execute(attempt, never);
  } catch (err) {
    return isBrokenCircuitError(err) ? 'short-circuited' : 'failed';
  }
}

describe('When the breaker is open', () => {
  test('then it refuses calls until the half-open wait has passed on its clock, and a successful trial closes it', async () => {
    const clock = new TestClock();
    const p = policy(clock);
    for (let i = 0; i < 2; i++) expect(await outcome(p, () => Promise.reject(unavailable()))).toBe('failed');
    expect(p.state).toBe('open');

    let calls = 0;
    const succeed = () => {
      calls++;
      return Promise.resolve('ok');
    };
    clock.advance(29_999);
    expect(await outcome(p, succeed)).toBe('short-circuited');
    expect(calls).toBe(0);

    clock.advance(1);
    expect(await outcome(p, succeed)).toBe('ok');
    expect(calls).toBe(1);
    expect(p.state).toBe('closed');
  });

  test('then a failed trial opens it again for another full wait', async () => {
    const clock = new TestClock();
    const p = policy(clock);
    for (let i = 0; i < 2; i++) await outcome(p, () => Promise.reject(unavailable()));
    clock.advance(30_000);
    expect(await outcome(p, () => Promise.reject(unavailable()))).toBe('failed');
    expect(p.state).toBe('open');
    clock.advance(29_999);
    expect(await outcome(p, () => Promise.resolve('ok'))).toBe('short-circuited');
    clock.advance(1);
    expect(await outcome(p, () => Promise.resolve('ok'))).toBe('ok');
  });
});
