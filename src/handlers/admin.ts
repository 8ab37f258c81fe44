import type { QueryOf, BodyOf } from '../api-types.js';
import { requestIdOf, userOf } from '../http/context.js';
import { respond } from '../http/respond.js';
import { etagOf, ifMatchOf } from '../http/etag.js';
import { parseCustomerId } from '../http/path-params.js';
import type { Services } from '../services/index.js';
import { toDetail, toSearchResult, toSummary } from '../services/views.js';
import { bodyOf, pathParam, queryOf, type HandlerMap } from './types.js';

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
  const customerId = (req: Parameters<typeof pathParam>[0]) => parseCustomerId(pathParam(req, 'customerId'));
  const ifMatch = (req: Parameters<typeof pathParam>[0]) => ifMatchOf(req.get('if-match') ?? undefined);
  const adminCall = (req: Parameters<typeof pathParam>[0]) => ({ requestId: requestIdOf(req), authorization: userOf(req).authorization });

  return {
    async listCustomers(req, res) {
      const { customers: docs, pagination } = await customers.list(queryOf<QueryOf<'listCustomers'>>(req));
      respond(res, 200, 'Customers retrieved successfully', { customers: docs.map(toSummary), pagination });
    },
    async searchCustomers(req, res) {
      const query = queryOf<QueryOf<'searchCustomers'>>(req);
      const { results, totalResults } = await customers.search(query.q, query.limit ?? 20);
      respond(res, 200, 'Search completed successfully', {
        results: results.map(toSearchResult),
        totalResults,
        searchTerm: query.q,
      });
    },
    async getCustomerAnalytics(_req, res) {
      respond(res, 200, 'Customer analytics retrieved successfully', await services.analytics.get());
    },
    async getCustomer(req, res) {
      const doc = await customers.get(customerId(req));
      res.setHeader('ETag', etagOf(doc));
      respond(res, 200, 'Customer retrieved successfully', toDetail(doc));
    },
    async updateCustomer(req, res) {
      const admin = userOf(req);
      const { after } = await customers.update(
        customerId(req),
        bodyOf<BodyOf<'updateCustomer'>>(req),
        admin.userId,
        ifMatch(req),
      );
      res.setHeader('ETag', etagOf(after));
      respond(res, 200, 'Customer updated successfully', {
        customerId: after.id,
        customerType: after.customerType,
        ...(after.notes ? { notes: after.notes } : {}),
        tags: after.tags,
        preferences: after.preferences,
        updatedAt: after.updatedAt.toISOString(),
        updatedBy: admin.userId,
      });
    },
    async deleteCustomer(req, res) {
      const id = customerId(req);
      await services.deletions.delete(id, adminCall(req));
      respond(res, 200, 'Customer deleted successfully', { customerId: id, deletedAt: new Date().toISOString() });
    },
    async updateCustomerStatus(req, res) {
      const admin = userOf(req);
      const body = bodyOf<BodyOf<'updateCustomerStatus'>>(req);
      const result = await services.statusChanges.change(customerId(req), body.status, body.reason, admin, ifMatch(req), requestIdOf(req));
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer status updated successfully', {
        customerId: result.after.id,
        customerStatus: result.after.customerStatus,
        previousStatus: result.before.customerStatus,
        updatedAt: result.after.updatedAt.toISOString(),
        updatedBy: admin.userId,
        authSync: result.authSync,
      });
    },
    async updateCustomerType(req, res) {
      const admin = userOf(req);
      const body = bodyOf<BodyOf<'updateCustomerType'>>(req);
      const { before, after } = await customers.setType(customerId(req), body.customerType, body.reason, admin.userId, ifMatch(req));
      res.setHeader('ETag', etagOf(after));
      respond(res, 200, 'Customer type updated successfully', {
        customerId: after.id,
        customerType: after.customerType,
        previousType: before.customerType,
        updatedAt: after.updatedAt.toISOString(),
        updatedBy: admin.userId,
      });
    },
    async getCustomerOrders(req, res) {
      const { page = 1, limit = 10 } = queryOf<QueryOf<'getCustomerOrders'>>(req);
      const history = await services.history.orders(customerId(req), page, limit, adminCall(req));
      respond(res, 200, 'Customer order history retrieved successfully', history);
    },
    async getCustomerComplaints(req, res) {
      const { page = 1, limit = 10 } = queryOf<QueryOf<'getCustomerComplaints'>>(req);
      const history = await services.history.complaints(customerId(req), page, limit, adminCall(req));
      respond(res, 200, 'Customer complaint history retrieved successfully', history);
    },
    async addCustomerNote(req, res) {
      const admin = userOf(req);
      const { note } = bodyOf<BodyOf<'addCustomerNote'>>(req);
      const { after, entry } = await customers.addNote(customerId(req), note, admin.userId, ifMatch(req));
      res.setHeader('ETag', etagOf(after));
      respond(res, 201, 'Customer note added successfully', {
        customerId: after.id,
        note: { noteId: entry.noteId, note: entry.note, addedBy: entry.addedBy, addedAt: entry.addedAt.toISOString() },
        noteCount: after.noteHistory.length,
      });
    },
  };
}
