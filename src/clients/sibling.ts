import { isBrokenCircuitError } from 'cockatiel';
import type { Logger } from 'pino';
import { ForbiddenError, UnauthorizedError } from '../errors.js';
import { recordSiblingCall, type SiblingCallOutcome, type SiblingServiceName } from '../observability/metrics.js';
import { inSiblingSpan } from '../telemetry/tracing.js';
import { ResponseTooLargeError } from './bounded-fetch.js';
import { ContractViolationError } from './contract.js';
import { AttemptFailure, SiblingUnavailableError, type ServiceName } from './failures.js';
import type { SiblingPolicy } from './policy.js';

/** What openapi-fetch resolves to, whatever the operation. */
export interface FetchResult {
  data?: unknown;
  error?: unknown;
  response: Response;
}

/** Headers every call carries, and who the credentials belong to. */
export interface CallContext {
  requestId: string;
  /** Aborts the call early (e.g. shutdown); the deadline applies anyway. */
  signal?: AbortSignal;
}

export interface CallSpec<T> {
  /** Shown in logs, e.g. `GET /api/admin/orders`. */
  operation: string;
  /** Safe to repeat: only these are retried. */
  idempotent: boolean;
  /**
   * Whose credentials the call carries: `caller` = the administrator's own bearer, forwarded, so a
   * 401/403 from the sibling is about the caller's token and becomes our 401/403; `crms` = the
   * service key or a token CRMS signed, so a 401/403 means CRMS is misconfigured: a 502.
   */
  credentials: 'caller' | 'crms';
  /** The 502 message, e.g. "Unable to fetch order data". */
  failureMessage: string;
  send(signal: AbortSignal): Promise<FetchResult>;
  /** Checks a 2xx JSON body against the contract (throws {@link ContractViolationError}). */
  validate(body: unknown): T;
}

/** A sibling's answer CRMS understood: a valid 2xx body, or a 4xx the caller interprets. */
export type CallOutcome<T> = { ok: true; status: number; data: T } | { ok: false; status: number; body: unknown };

/**
 * What one attempt hands back to the policy: an outcome, or an answer CRMS cannot use (outside the
 * contract, not JSON, too large). The latter is a value, not an error, so that neither the retry
 * policy nor the circuit breaker sees a failure: the sibling did answer.
 */
type AttemptResult<T> = CallOutcome<T> | { unusable: ContractViolationError };

function retryAfterMs(response: Response): number | undefined {
  const value = response.headers.get('retry-after');
  if (value === null) return undefined;
  if (/^\d+$/.test(value.trim())) return Number(value.trim()) * 1000;
  const date = Date.parse(value);
  return Number.isNaN(date) ? undefined : Math.max(0, date - Date.now());
}

const METRIC_SERVICE: Record<ServiceName, SiblingServiceName> = {
  'Auth Service': 'auth',
  'Order Service': 'order',
  'Complaint Service': 'complaint',
};

const METRIC_OUTCOME: Record<AttemptFailure['kind'], SiblingCallOutcome> = {
  network: 'network_error',
  timeout: 'timeout',
  deadline: 'timeout',
  status: 'server_error',
  contract: 'contract_violation',
  rejected: 'client_error',
  'circuit-open': 'circuit_open',
};

const isJson = (response: Response) => /^application\/([a-z0-9.+-]*\+)?json\b/i.test(response.headers.get('content-type') ?? '');

/**
 * Runs calls to one sibling service under its resilience policy and an overall deadline, and turns
 * every way a call can go wrong into {@link SiblingUnavailableError} (a 502 naming the service), or,
 * for a forwarded administrator token the sibling refuses, into our own 401/403.
 */
export class Sibling {
  constructor(
    readonly service: ServiceName,
    private readonly policy: SiblingPolicy,
    private readonly logger: Logger,
  ) {}

  get breakerState() {
    return this.policy.state;
  }

  async call<T>(spec: CallSpec<T>, context: CallContext): Promise<CallOutcome<T>> {
    const { deadlineMs } = this.policy.options;
    const deadline = new AbortController();
    const timer = setTimeout(() => deadline.abort(), deadlineMs);
    const signal = context.signal ? AbortSignal.any([deadline.signal, context.signal]) : deadline.signal;
    const startedAt = Date.now();
    let stopWaiting: (() => void) | undefined;
    let result: AttemptResult<T>;
    try {
      const run = this.policy.execute((attemptSignal) => this.attempt(spec, attemptSignal, startedAt + deadlineMs), signal);
      // the policy stops at the deadline by itself; this also ends a backoff wait that would overrun it
      const overrun = new Promise<never>((_, reject) => {
        const onAbort = () => reject(new AttemptFailure('deadline', 'deadline exceeded', { retryable: false, countsForBreaker: false }));
        if (signal.aborted) onAbort();
        signal.addEventListener('abort', onAbort, { once: true });
        stopWaiting = () => signal.removeEventListener('abort', onAbort);
      });
      run.catch(() => undefined);
      overrun.catch(() => undefined);
      result = await Promise.race([run, overrun]);
    } catch (err) {
      const failure = this.failure(spec, err, context, Date.now() - startedAt);
      if (failure instanceof SiblingUnavailableError) this.record(METRIC_OUTCOME[failure.kind], startedAt);
      throw failure;
    } finally {
      clearTimeout(timer);
      stopWaiting?.();
    }
    if ('unusable' in result) {
      this.record('contract_violation', startedAt);
      throw this.unusable(spec, result.unusable.path, result.unusable.problem, context);
    }
    this.record(result.ok ? 'success' : 'client_error', startedAt);
    return result;
  }

  private record(outcome: SiblingCallOutcome, startedAt: number): void {
    recordSiblingCall(METRIC_SERVICE[this.service], outcome, (Date.now() - startedAt) / 1000);
  }

  /**
   * One attempt: send, then classify. Throws AttemptFailure only for unavailability (network error,
   * timeout, 5xx, 429): what the retry policy retries and the breaker counts.
   */
  private async attempt<T>(spec: CallSpec<T>, signal: AbortSignal, deadlineAt: number): Promise<AttemptResult<T>> {
    if (signal.aborted) {
      throw new AttemptFailure('deadline', 'deadline exceeded before the attempt', { retryable: false, countsForBreaker: false });
    }
    let result: FetchResult;
    try {
      result = await spec.send(signal);
    } catch (err) {
      if (err instanceof ResponseTooLargeError) return { unusable: new ContractViolationError('', err.message) };
      if (err instanceof SyntaxError) return { unusable: new ContractViolationError('', `is not JSON: ${err.message}`) };
      if (signal.aborted) {
        throw new AttemptFailure('timeout', 'no answer in time', { retryable: spec.idempotent, countsForBreaker: true });
      }
      const cause = err instanceof Error && err.cause instanceof Error ? `: ${err.cause.message}` : '';
      throw new AttemptFailure('network', `${err instanceof Error ? err.message : String(err)}${cause}`, {
        retryable: spec.idempotent,
        countsForBreaker: true,
      });
    }
    const { response } = result;
    const status = response.status;
    if (status >= 500 || status === 429) {
      const wait = retryAfterMs(response);
      const fits = wait === undefined || Date.now() + wait < deadlineAt;
      throw new AttemptFailure('status', `answered ${status}`, {
        retryable: spec.idempotent && fits,
        countsForBreaker: true,
        status,
        ...(wait !== undefined ? { retryAfterMs: wait } : {}),
      });
    }
    if (status >= 200 && status < 300) {
      if (!isJson(response)) {
        return { unusable: new ContractViolationError('', `has content type ${response.headers.get('content-type') ?? '(none)'}`) };
      }
      try {
        return { ok: true, status, data: spec.validate(result.data) };
      } catch (err) {
        if (!(err instanceof ContractViolationError)) throw err;
        return { unusable: err };
      }
    }
    if (status >= 400) return { ok: false, status, body: result.error };
    return { unusable: new ContractViolationError('', `came with the unexpected status ${status}`) };
  }

  private failure(spec: CallSpec<unknown>, err: unknown, context: CallContext, elapsedMs: number): Error {
    let kind: AttemptFailure['kind'];
    let reason: string;
    if (err instanceof AttemptFailure) {
      kind = err.kind;
      reason = err.message;
    } else if (isBrokenCircuitError(err)) {
      kind = 'circuit-open';
      reason = 'circuit breaker open';
    } else {
      return err instanceof Error ? err : new Error(String(err));
    }
    this.logger.warn(
      { sibling: this.service, operation: spec.operation, kind, reason, elapsedMs, requestId: context.requestId },
      'sibling call failed',
    );
    return new SiblingUnavailableError(this.service, spec.failureMessage, kind, `${this.service}: ${reason}`);
  }

  /**
   * The sibling answered with data CRMS cannot use: logged with the JSON pointer of the offending
   * value (`path`, empty for the body as a whole), a 502 saying so. Also for checks the caller
   * makes after the call (an order of another customer, a user the create rules refuse).
   */
  unusable(
    spec: Pick<CallSpec<unknown>, 'operation' | 'failureMessage'>,
    path: string,
    problem: string,
    context: CallContext,
  ): SiblingUnavailableError {
    const reason = `answered with unusable data: ${path || '(body)'} ${problem}`;
    this.logger.warn(
      { sibling: this.service, operation: spec.operation, kind: 'contract', path: path || '(body)', reason, requestId: context.requestId },
      'sibling answered with data CRMS cannot use',
    );
    return new SiblingUnavailableError(this.service, spec.failureMessage, 'contract', `${this.service}: ${reason}`);
  }

  /**
   * Maps a 4xx the operation did not expect: with the administrator's forwarded token a 401/403 is
   * about the caller (our 401/403); otherwise the sibling refused what CRMS sent (a 502).
   */
  refusal(spec: Pick<CallSpec<unknown>, 'operation' | 'credentials' | 'failureMessage'>, status: number, context: CallContext): Error {
    if (spec.credentials === 'caller' && status === 401) {
      return new UnauthorizedError(`The ${this.service} did not accept the access token`);
    }
    if (spec.credentials === 'caller' && status === 403) {
      return new ForbiddenError(`The ${this.service} refused this operation for the authenticated user`);
    }
    const reason = `refused the request with ${status}`;
    this.logger.warn(
      { sibling: this.service, operation: spec.operation, kind: 'rejected', status, reason, requestId: context.requestId },
      'sibling refused a request of CRMS',
    );
    return new SiblingUnavailableError(this.service, spec.failureMessage, 'rejected', `${this.service}: answered ${status}`);
  }
}

/**
 * A {@link Sibling} whose every call runs in its own span (the sibling, the operation, the circuit
 * breaker's state), parent of the outbound HTTP spans; used only while tracing is on.
 */
export class TracedSibling extends Sibling {
  override call<T>(spec: CallSpec<T>, context: CallContext): Promise<CallOutcome<T>> {
    return inSiblingSpan(
      this.service,
      spec.operation,
      () => this.breakerState,
      () => super.call(spec, context),
    );
  }
}
