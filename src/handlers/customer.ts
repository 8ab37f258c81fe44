import { NotFoundError } from '../errors.js';
import { requestIdOf, userOf } from '../http/context.js';
import { respond } from '../http/respond.js';
import type { Services } from '../services/index.js';
import { toProfile, toStatistics } from '../services/views.js';
import type { HandlerMap } from './types.js';

const profileNotFound = () =>
  new NotFoundError('Customer profile not found', [
    { field: 'userId', message: 'No customer record exists for the authenticated user' },
  ]);

/** Customer tag: the caller's own record, found by the token's user id. */
export function customerHandlers(services: Services): HandlerMap<'getMyProfile' | 'getMyStatistics'> {
  return {
    async getMyProfile(req, res) {
      const doc = await services.profiles.own(userOf(req), requestIdOf(req));
      respond(res, 200, 'Customer profile retrieved successfully', toProfile(doc));
    },
    async getMyStatistics(req, res) {
      const doc = await services.customers.findByUserId(userOf(req).userId);
      if (!doc) throw profileNotFound();
      respond(res, 200, 'Customer statistics retrieved successfully', toStatistics(doc));
    },
  };
}
