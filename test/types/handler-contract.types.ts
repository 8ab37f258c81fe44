/**
 * Type-level test, checked by `make typecheck` (tsc over test/) and never run by jest: handlers
 * typed by their operation reject, at compile time, a response or a request read that drifts from
 * the spec. Each `@ts-expect-error` must meet an error; if the typing loosens, the directive is
 * unused and tsc fails.
 */
import type { Schemas } from '../../src/api-types.js';
import type { HandlerMap } from '../../src/handlers/types.js';
import { headerOf } from '../../src/http/operation-types.js';
import { respond } from '../../src/http/respond.js';

const at = '2026-01-26T10:00:00.000Z';

export const drifting: HandlerMap<'deleteCustomer' | 'getCustomerByUserId' | 'addCustomerNote' | 'listCustomers' | 'updateCustomer'> = {
  deleteCustomer(req, res) {
    // The spec's answer: compiles.
    respond(res, 200, 'Customer deleted successfully', { customerId: req.params.customerId, deletedAt: at });
    // @ts-expect-error a field of the wrong type (deletedAt is a date-time string)
    respond(res, 200, 'Customer deleted successfully', { customerId: req.params.customerId, deletedAt: 1769421600000 });
    // @ts-expect-error a field the spec does not have
    respond(res, 200, 'Customer deleted successfully', { customerId: req.params.customerId, deletedAt: at, deletedBy: 'admin' });
    // @ts-expect-error a required field missing
    respond(res, 200, 'Customer deleted successfully', { customerId: req.params.customerId });
    // @ts-expect-error a status the operation does not answer with
    respond(res, 201, 'Customer deleted successfully', { customerId: req.params.customerId, deletedAt: at });
    // @ts-expect-error a raw body outside the success envelope
    res.json({ customerId: req.params.customerId, deletedAt: at });
  },
  getCustomerByUserId(req, res) {
    // @ts-expect-error another operation's path parameter
    const id: string = req.params.customerId;
    const profile: Schemas['CustomerProfile'] = {
      customerId: id,
      userId: req.params.userId,
      email: 'jane@example.com',
      fullName: 'Jane Doe',
      customerStatus: 'Active',
      customerType: 'Regular',
      totalOrders: 0,
      totalOrderValue: 0,
      totalComplaints: 0,
      openComplaints: 0,
      customerSince: at,
      preferences: {},
      tags: [],
      createdAt: at,
      updatedAt: at,
    };
    respond(res, 200, 'Customer retrieved successfully', profile);
    // @ts-expect-error an enum value the spec does not list
    respond(res, 200, 'Customer retrieved successfully', { ...profile, customerStatus: 'Banned' });
    // @ts-expect-error another operation's response shape
    respond(res, 200, 'Customer retrieved successfully', { customerId: id, deletedAt: at });
  },
  addCustomerNote(req, res) {
    // @ts-expect-error the body's note is a string
    const note: number = req.body.note;
    // @ts-expect-error a header the operation does not declare
    headerOf(req, 'Idempotency-Key');
    respond(res, 201, 'Customer note added successfully', {
      customerId: req.params.customerId,
      note: { noteId: '65a1b2c3d4e5f6a7b8c9d0e1', note: String(note), addedBy: 'admin', addedAt: at },
      noteCount: 1,
    });
  },
  listCustomers(req, res) {
    // @ts-expect-error a query parameter the operation does not declare
    const nope = req.query.nope;
    // @ts-expect-error limit is a number once validated
    const limit: string | undefined = req.query.limit;
    respond(res, 200, 'Customers retrieved successfully', {
      customers: [],
      pagination: {
        currentPage: 1,
        totalPages: 0,
        totalItems: 0,
        itemsPerPage: Number(limit ?? nope ?? 10),
        hasNextPage: false,
        hasPreviousPage: false,
        nextCursor: null,
      },
    });
  },
  updateCustomer(req, res) {
    const ifMatch: string | undefined = headerOf(req, 'If-Match');
    respond(res, 200, 'Customer updated successfully', {
      customerId: String(ifMatch),
      // @ts-expect-error customerType is one of the spec's types
      customerType: 'Gold',
      tags: [],
      preferences: {},
      updatedAt: at,
      updatedBy: 'admin',
    });
  },
};
