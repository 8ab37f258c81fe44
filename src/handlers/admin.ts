import { requestIdOf, userOf } from '../http/context.js';
import { headerOf } from '../http/operation-types.js';
import { respond } from '../http/respond.js';
import { etagOf, ifMatchOf } from '../http/etag.js';
import { parseCustomerId } from '../http/path-params.js';
import type { Services } from '../services/index.js';
import {
  toCustomerList,
  toCustomerUpdate,
  toDeletion,
  toDetail,
  toNoteAdded,
  toSearchResults,
  toStatusUpdate,
  toTypeUpdate,
} from './presenters/customer.js';
import type { HandlerMap } from './types.js';

type AdminOperation =
  | 'listCustomers'
  | 'searchCustomers'
  | 'getCustomerAnalytics'
  | 'getCustomer'
  | 'updateCustomer'
  | 'deleteCustomer'
  | 'updateCustomerStatus'
  | 'updateCustomerType'
  | 'getCustomerOrders'
  | 'getCustomerComplaints'
  | 'addCustomerNote';

/** Admin tag: thin adapters from HTTP to the customer services. */
export function adminHandlers(services: Services): HandlerMap<AdminOperation> {
  const { customers } = services;
  const customerId = (req: { params: { customerId: string } }) => parseCustomerId(req.params.customerId);
  const adminCall = (req: object) => ({ requestId: requestIdOf(req), authorization: userOf(req).authorization });

  return {
    async listCustomers(req, res) {
      const { customers: docs, pagination } = await customers.list(req.query);
      respond(res, 200, 'Customers retrieved successfully', toCustomerList(docs, pagination));
    },
    async searchCustomers(req, res) {
      const { q, limit = 20 } = req.query;
      const { results, totalResults } = await customers.search(q, limit);
      respond(res, 200, 'Search completed successfully', toSearchResults(results, totalResults, q));
    },
    async getCustomerAnalytics(req, res) {
      const fresh = /(^|,)\s*no-cache\s*(,|$)/i.test(headerOf(req, 'Cache-Control') ?? '');
      respond(res, 200, 'Customer analytics retrieved successfully', await services.analytics.get({ fresh }));
    },
    async getCustomer(req, res) {
      const doc = await customers.get(customerId(req));
      res.setHeader('ETag', etagOf(doc));
      respond(res, 200, 'Customer retrieved successfully', toDetail(doc));
    },
    async updateCustomer(req, res) {
      const admin = userOf(req);
      const { after } = await customers.update(customerId(req), req.body, admin.userId, ifMatchOf(headerOf(req, 'If-Match')));
      res.setHeader('ETag', etagOf(after));
      respond(res, 200, 'Customer updated successfully', toCustomerUpdate(after, admin.userId));
    },
    async deleteCustomer(req, res) {
      const id = customerId(req);
      await services.deletions.delete(id, adminCall(req));
      respond(res, 200, 'Customer deleted successfully', toDeletion(id, new Date()));
    },
    async updateCustomerStatus(req, res) {
      const admin = userOf(req);
      const { status, reason } = req.body;
      const result = await services.statusChanges.change(
        customerId(req),
        status,
        reason,
        admin,
        ifMatchOf(headerOf(req, 'If-Match')),
        requestIdOf(req),
      );
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer status updated successfully', toStatusUpdate(result, admin.userId));
    },
    async updateCustomerType(req, res) {
      const admin = userOf(req);
      const { customerType, reason } = req.body;
      const result = await customers.setType(customerId(req), customerType, reason, admin.userId, ifMatchOf(headerOf(req, 'If-Match')));
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer type updated successfully', toTypeUpdate(result, admin.userId));
    },
    async getCustomerOrders(req, res) {
      const { page = 1, limit = 10 } = req.query;
      const history = await services.history.orders(customerId(req), page, limit, adminCall(req));
      respond(res, 200, 'Customer order history retrieved successfully', history);
    },
    async getCustomerComplaints(req, res) {
      const { page = 1, limit = 10 } = req.query;
      const history = await services.history.complaints(customerId(req), page, limit, adminCall(req));
      respond(res, 200, 'Customer complaint history retrieved successfully', history);
    },
    async addCustomerNote(req, res) {
      const admin = userOf(req);
      const { after, entry } = await customers.addNote(customerId(req), req.body.note, admin.userId, ifMatchOf(headerOf(req, 'If-Match')));
      res.setHeader('ETag', etagOf(after));
      respond(res, 201, 'Customer note added successfully', toNoteAdded(after, entry));
    },
  };
}
