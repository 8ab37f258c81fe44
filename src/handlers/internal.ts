import { headerOf } from '../http/operation-types.js';
import { respond } from '../http/respond.js';
import { normaliseCustomerId } from '../http/path-params.js';
import type { Services } from '../services/index.js';
import { toCreatedCustomer, toProfile } from './presenters/customer.js';
import type { HandlerMap } from './types.js';

type InternalOperation = 'createCustomerRecord' | 'updateCustomerStatistics' | 'getCustomerByUserId' | 'incrementComplaintCount';

/** Internal tag: called by the Auth, Order and Complaint services with the service API key. */
export function internalHandlers(services: Services): HandlerMap<InternalOperation> {
  return {
    async createCustomerRecord(req, res) {
      const doc = await services.customers.create(req.body);
      respond(res, 201, 'Customer record created successfully', toCreatedCustomer(doc));
    },
    async updateCustomerStatistics(req, res) {
      const data = await services.statistics.update(normaliseCustomerId(req.params.customerId), req.body, headerOf(req, 'Idempotency-Key'));
      respond(res, 200, 'Customer statistics updated successfully', data);
    },
    async getCustomerByUserId(req, res) {
      const doc = await services.customers.getByUserId(req.params.userId);
      respond(res, 200, 'Customer retrieved successfully', toProfile(doc));
    },
    async incrementComplaintCount(req, res) {
      const data = await services.statistics.addComplaints(normaliseCustomerId(req.params.customerId), req.body.complaintCount);
      respond(res, 200, 'Customer statistics updated successfully', data);
    },
  };
}
