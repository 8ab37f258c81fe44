import { respond } from '../http/respond.js';
import type { Services } from '../services/index.js';
import { toHealth, toReadiness } from './presenters/health.js';
import type { HandlerMap } from './types.js';

export function healthHandlers(services: Services): HandlerMap<'getHealth' | 'getReadiness'> {
  return {
    getHealth(_req, res) {
      respond(res, 200, 'Service is healthy', toHealth(services.health.liveness()));
    },
    async getReadiness(_req, res) {
      respond(res, 200, 'Service is ready', toReadiness(await services.health.readiness()));
    },
  };
}
