import { UpstreamError } from '../errors.js';

/** The sibling services CRMS calls, by the name the 502 envelope gives them. */
export type ServiceName = 'Auth Service' | 'Order Service' | 'Complaint Service';

/**
 * How a sibling call failed. `network`, `timeout`, `status` (5xx, 429) and `circuit-open` mean the
 * sibling is unavailable; `contract` means it answered with data CRMS cannot use; `rejected` means
 * it refused (4xx) a request CRMS sent; `deadline` means the overall deadline ran out.
 */
export type FailureKind = 'network' | 'timeout' | 'status' | 'contract' | 'rejected' | 'circuit-open' | 'deadline';

/**
 * Why one attempt of a sibling call failed. Lives only inside the resilience policy: the retry
 * policy retries it when `retryable`, the circuit breaker counts it when `countsForBreaker`.
 */
export class AttemptFailure extends Error {
  override readonly name = 'AttemptFailure';

  constructor(
    readonly kind: FailureKind,
    message: string,
    readonly options: { retryable: boolean; countsForBreaker: boolean; retryAfterMs?: number; status?: number },
  ) {
    super(message);
  }
}

/** The envelope's `service` detail when the sibling answered but not usably; otherwise "… is currently unavailable". */
const DETAIL: Partial<Record<FailureKind, (service: ServiceName) => string>> = {
  contract: (service) => `${service} answered with data CRMS cannot use.`,
  rejected: (service) => `${service} rejected the request CRMS sent.`,
};

/**
 * A sibling could not give a usable answer: down, too slow for the deadline, behind an open
 * breaker, failing, refusing CRMS's request, or answering outside its contract. The envelope is the
 * guide's 502 naming the service; `reason` (for logs and the Auth-sync outbox) says what went wrong
 * and never reaches a client.
 */
export class SiblingUnavailableError extends UpstreamError {
  constructor(
    service: ServiceName,
    message: string,
    readonly kind: FailureKind,
    readonly reason: string,
  ) {
    super(service, message, DETAIL[kind]?.(service));
  }
}
