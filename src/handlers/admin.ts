import { headerOf } from '../http/operation-types.js';
import { requestIdOf, userOf } from '../http/context.js';
import { adminWriteOf } from '../http/admin-write.js';
import { respond } from '../http/respond.js';
import { etagOf } from '../http/etag.js';
import { normaliseCustomerId } from '../http/path-params.js';
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
import { toComplaintHistory, toOrderHistory } from './presenters/history.js';
import { toBulkResult } from './presenters/bulk.js';
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
  | 'addCustomerNote'
  | 'bulkUpdateCustomers';

/** Admin tag: thin adapters from HTTP to the customer services (one customer, or many at once by bulk). */
export function adminHandlers(services: Services): HandlerMap<AdminOperation> {
  const { customers } = services;
  const customerId = (req: { params: { customerId: string } }) => normaliseCustomerId(req.params.customerId);
  const adminCall = (req: object) => ({ requestId: requestIdOf(req), authorization: userOf(req).authorization });

  return {
    async listCustomers(req, res) {
      const { customers: docs, pagination } = await customers.list(req.query);
      respond(res, 200, 'Customers retrieved successfully', toCustomerList(docs, pagination));
    },
    async searchCustomers(req, res) {
      const { q, limit = 20, includeAdministrators = false } = req.query;
      const { results, totalResults } = await customers.search(q, limit, includeAdministrators);
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
      const write = adminWriteOf(req);
      const { after } = await customers.update({ ...write, customerId: customerId(req), body: req.body });
      res.setHeader('ETag', etagOf(after));
      respond(res, 200, 'Customer updated successfully', toCustomerUpdate(after, write.admin.userId));
    },
    async deleteCustomer(req, res) {
      const id = customerId(req);
      const { deletedAt } = await services.deletions.delete(id, adminCall(req));
      respond(res, 200, 'Customer deleted successfully', toDeletion(id, deletedAt));
    },
    async updateCustomerStatus(req, res) {
      const write = adminWriteOf(req);
      const { status, reason } = req.body;
      const result = await services.statusChanges.change({ ...write, customerId: customerId(req), status, reason });
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer status updated successfully', toStatusUpdate(result, write.admin.userId));
    },
    async updateCustomerType(req, res) {
      const write = adminWriteOf(req);
      const { customerType, reason } = req.body;
      const result = await customers.setType({ ...write, customerId: customerId(req), customerType, reason });
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer type updated successfully', toTypeUpdate(result, write.admin.userId));
    },
    async getCustomerOrders(req, res) {
      const { page = 1, limit = 10 } = req.query;
      const history = await services.history.orders(customerId(req), page, limit, adminCall(req));
      respond(res, 200, 'Customer order history retrieved successfully', toOrderHistory(history));
    },
    async getCustomerComplaints(req, res) {
      const { page = 1, limit = 10 } = req.query;
      const history = await services.history.complaints(customerId(req), page, limit, adminCall(req));
      respond(res, 200, 'Customer complaint history retrieved successfully', toComplaintHistory(history));
    },
    async addCustomerNote(req, res) {
      const { after, entry } = await customers.addNote({ ...adminWriteOf(req), customerId: customerId(req), note: req.body.note });
      res.setHeader('ETag', etagOf(after));
      respond(res, 201, 'Customer note added successfully', toNoteAdded(after, entry));
    },
    async bulkUpdateCustomers(req, res) {
      const result = await services.bulk.run(req.body, userOf(req), requestIdOf(req));
      respond(res, 200, 'Bulk operation completed', toBulkResult(result));
    },
  };
}
