import type { BodyOf } from '../api-types.js';
import { respond } from '../http/respond.js';
import { parseCustomerId } from '../http/path-params.js';
import type { Services } from '../services/index.js';
import { toProfile } from '../services/views.js';
import { bodyOf, pathParam, type HandlerMap } from './types.js';

type InternalOperation =
  | 'createCustomerRecord'
  | 'updateCustomerStatistics'
  | 'getCustomerByUserId'
  | 'incrementComplaintCount';

/** Internal tag: called by the Auth, Order and Complaint services with the service API key. */
export function internalHandlers(services: Services): HandlerMap<InternalOperation> {
  return {
    async createCustomerRecord(req, res) {
      const doc = await services.customers.create(bodyOf<BodyOf<'createCustomerRecord'>>(req));
      respond(res, 201, 'Customer record created successfully', {
        customerId: doc.id,
        userId: doc.userId,
        customerStatus: doc.customerStatus,
        customerType: doc.customerType,
        createdAt: doc.createdAt.toISOString(),
      });
    },
    async updateCustomerStatistics(req, res) {
      const data = await services.statistics.update(
        parseCustomerId(pathParam(req, 'customerId')),
        bodyOf<BodyOf<'updateCustomerStatistics'>>(req),
        req.get('idempotency-key') ?? undefined,
      );
      respond(res, 200, 'Customer statistics updated successfully', data);
    },
    async getCustomerByUserId(req, res) {
      const doc = await services.customers.getByUserId(pathParam(req, 'userId'));
      respond(res, 200, 'Customer retrieved successfully', toProfile(doc));
    },
    async incrementComplaintCount(req, res) {
      const { complaintCount } = bodyOf<BodyOf<'incrementComplaintCount'>>(req);
      const data = await services.statistics.addComplaints(parseCustomerId(pathParam(req, 'customerId')), complaintCount);
      respond(res, 200, 'Customer statistics updated successfully', data);
    },
  };
}
