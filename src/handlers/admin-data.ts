import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { requestIdOf, userOf } from '../http/context.js';
import { adminWriteOf } from '../http/admin-write.js';
import { respond } from '../http/respond.js';
import { etagOf } from '../http/etag.js';
import { normaliseCustomerId } from '../http/path-params.js';
import type { Services } from '../services/index.js';
import { toBulkResult } from './presenters/bulk.js';
import { toDataExport, toErasure } from './presenters/customer.js';
import type { HandlerMap } from './types.js';

type AdminDataOperation = 'exportCustomerData' | 'eraseCustomer' | 'bulkUpdateCustomers' | 'exportCustomersCsv';

/** `20260126T100000Z`: a UTC timestamp that is safe in a file name. */
const fileStamp = (d: Date) =>
  d
    .toISOString()
    .replace(/[-:]/g, '')
    .replace(/\.\d{3}/, '');

/** The client went away while we were streaming: nothing left to answer. */
const isClientGone = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE';

/** Admin tag, beyond the guide: GDPR export and erasure, bulk operations, CSV export. */
export function adminDataHandlers(services: Services): HandlerMap<AdminDataOperation> {
  const customerId = (req: { params: { customerId: string } }) => normaliseCustomerId(req.params.customerId);

  return {
    async exportCustomerData(req, res) {
      const { customer, exportedAt } = await services.exports.customerData(customerId(req));
      res.setHeader('ETag', etagOf(customer));
      res.setHeader('Content-Disposition', `attachment; filename="customer-${customer.id}.json"`);
      respond(res, 200, 'Customer data exported successfully', toDataExport(customer, exportedAt));
    },
    async eraseCustomer(req, res) {
      const write = adminWriteOf(req);
      const result = await services.erasures.erase({ ...write, customerId: customerId(req), reason: req.body.reason });
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer personal data erased successfully', toErasure(result, write.admin.userId));
    },
    async bulkUpdateCustomers(req, res) {
      const result = await services.bulk.run(req.body, userOf(req), requestIdOf(req));
      respond(res, 200, 'Bulk operation completed', toBulkResult(result));
    },
    async exportCustomersCsv(req, res) {
      const { chunks, exportedAt } = await services.exports.csv(req.query);
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="customers-${fileStamp(exportedAt)}.csv"`);
      res.setHeader('Cache-Control', 'no-store');
      try {
        // Readable.from pulls the next chunk only when `res` has drained: backpressure end to end.
        await pipeline(Readable.from(chunks), res);
      } catch (err) {
        if (isClientGone(err)) return;
        throw err;
      }
    },
  };
}
