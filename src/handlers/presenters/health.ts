import type { Schemas } from '../../api-types.js';
import type { Liveness, Readiness } from '../../services/health-service.js';

/** Liveness and readiness → the API's health shapes (the rule: see presenters/customer.ts). */

export function toHealth(live: Liveness): Schemas['HealthStatus'] {
  return { status: 'ok', service: live.serviceName, version: live.serviceVersion, uptimeSeconds: live.uptimeSeconds };
}

export function toReadiness(ready: Readiness): Schemas['ReadinessStatus'] {
  return {
    status: 'ready',
    checks: {
      database: { status: 'up', latencyMs: ready.databaseLatencyMs },
      services: ready.services,
      ...(ready.records ? { records: ready.records } : {}),
    },
  };
}
