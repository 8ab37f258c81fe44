import { requestIdOf, userOf } from '../http/context.js';
import { respond } from '../http/respond.js';
import type { Services } from '../services/index.js';
import { toProfile, toStatistics } from './presenters/customer.js';
import type { HandlerMap } from './types.js';

/** Customer tag: the caller's own record, found by the token's user id (created from the Auth Service when missing). */
export function customerHandlers(services: Services): HandlerMap<'getMyProfile' | 'getMyStatistics'> {
  return {
    async getMyProfile(req, res) {
      const doc = await services.profiles.own(userOf(req), requestIdOf(req));
      respond(res, 200, 'Customer profile retrieved successfully', toProfile(doc));
    },
    async getMyStatistics(req, res) {
      const doc = await services.profiles.own(userOf(req), requestIdOf(req));
      respond(res, 200, 'Customer statistics retrieved successfully', toStatistics(doc));
    },
  };
}
