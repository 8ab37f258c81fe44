import type { DocsOptions } from '../http/docs.js';
import type { Metrics } from '../observability/metrics.js';
import type { Services } from '../services/index.js';
import { adminHandlers } from './admin.js';
import { customerHandlers } from './customer.js';
import { exportHandlers } from './exports.js';
import { gdprHandlers } from './gdpr.js';
import { healthHandlers } from './health.js';
import { internalHandlers } from './internal.js';
import { operationsHandlers } from './operations.js';
import type { HandlerMap, OperationId } from './types.js';
import { webhookHandlers } from './webhooks.js';

/** Exactly one handler per operationId of the spec (the compiler checks the set is complete). */
export type OperationHandlers = HandlerMap<OperationId>;

/** What the handlers call: the services, and the metrics registry `/metrics` serves. */
export interface HandlerDeps {
  services: Services;
  metrics: Metrics;
}

export function createOperationHandlers({ services, metrics }: HandlerDeps, docs: DocsOptions): OperationHandlers {
  return {
    ...healthHandlers(services),
    ...customerHandlers(services),
    ...adminHandlers(services),
    ...gdprHandlers(services),
    ...exportHandlers(services),
    ...internalHandlers(services),
    ...operationsHandlers(metrics, docs),
    ...webhookHandlers(services),
  };
}
