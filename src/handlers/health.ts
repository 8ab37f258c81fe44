import { respond } from '../http/respond.js';
import type { Services } from '../services/index.js';
import type { HandlerMap } from './types.js';

export function healthHandlers(services: Services): HandlerMap<'getHealth' | 'getReadiness'> {
  return {
    getHealth(_req, res) {
      respond(res, 200, 'Service is healthy', services.health.liveness());
    },
    async getReadiness(_req, res) {
      respond(res, 200, 'Service is ready', await services.health.readiness());
    },
  };
}
