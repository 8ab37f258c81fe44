import type { Logger } from 'pino';
import type { Config } from '../config.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { setBreakerState, type SiblingServiceName } from '../observability/metrics.js';
import { tracingActive } from '../telemetry/tracing.js';
import { AuthClient } from './auth-client.js';
import { ComplaintClient } from './complaint-client.js';
import { OrderClient } from './order-client.js';
import { SiblingPolicy, type BreakerState } from './policy.js';
import { Sibling, TracedSibling } from './sibling.js';

export type { AdminBearer, AuthUser, DesiredAuthState, SetActiveOutcome } from './auth-client.js';
export type { ComplaintPage, ComplaintSummary } from './complaint-client.js';
export type { AdminCallContext, OrderPage, OrderStatus } from './order-client.js';
export type { BreakerState } from './policy.js';
export type { CallContext } from './sibling.js';
export { SiblingUnavailableError } from './failures.js';
export { AuthClient, ComplaintClient, OrderClient };
export { registrationTime } from './auth-client.js';

/** GET attempts per call, the first one included. */
export const MAX_GET_ATTEMPTS = 3;

export interface SiblingClients {
  auth: AuthClient;
  order: OrderClient;
  complaint: ComplaintClient;
  /** Circuit-breaker state per sibling, for `GET /health/ready`. */
  breakers(): { auth: { breaker: BreakerState }; order: { breaker: BreakerState }; complaint: { breaker: BreakerState } };
}

/** The typed clients of the three siblings, each behind its own resilience policy (one breaker per sibling). */
export function createSiblingClients(config: Config, logger: Logger, clock: Clock = systemClock): SiblingClients {
  const { services } = config;
  const sibling = (name: ConstructorParameters<typeof Sibling>[0], metricName: SiblingServiceName) => {
    const policy = new SiblingPolicy(
      {
        deadlineMs: services.timeoutMs,
        maxAttempts: MAX_GET_ATTEMPTS,
        breakerThreshold: services.breakerThreshold,
        breakerHalfOpenMs: services.breakerHalfOpenMs,
      },
      clock,
    );
    policy.breaker.onStateChange(() => {
      setBreakerState(metricName, policy.state);
      logger.warn({ sibling: name, breaker: policy.state }, 'sibling circuit breaker changed state');
    });
    return tracingActive() ? new TracedSibling(name, policy, logger) : new Sibling(name, policy, logger);
  };
  const auth = sibling('Auth Service', 'auth');
  const order = sibling('Order Service', 'order');
  const complaint = sibling('Complaint Service', 'complaint');
  return {
    auth: new AuthClient(services.authUrl, auth, services.apiKey),
    order: new OrderClient(services.orderUrl, order),
    complaint: new ComplaintClient(services.complaintUrl, complaint, services.apiKey),
    breakers: () => ({
      auth: { breaker: auth.breakerState },
      order: { breaker: order.breakerState },
      complaint: { breaker: complaint.breakerState },
    }),
  };
}
