import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { BodyOf, QueryOf } from '../api-types.js';
import { requestIdOf, userOf } from '../http/context.js';
import { respond } from '../http/respond.js';
import { etagOf, ifMatchOf } from '../http/etag.js';
import { parseCustomerId } from '../http/path-params.js';
import type { Services } from '../services/index.js';
import { toDetail } from '../services/views.js';
import { bodyOf, pathParam, queryOf, type HandlerMap } from './types.js';

type AdminDataOperation = 'exportCustomerData' | 'eraseCustomer' | 'bulkUpdateCustomers' | 'exportCustomersCsv';

/** `20260126T100000Z`: a UTC timestamp that is safe in a file name. */
const fileStamp = (d: Date) => d.toISOString().replace(/[-:]/g, '').replace(/\.\d{3}/, '');

/** The client went away while we were streaming: nothing left to answer. */
const isClientGone = (err: unknown) =>
  typeof err === 'object' && err !== null && (err as { code?: unknown }).code === 'ERR_STREAM_PREMATURE_CLOSE';

/** Admin tag, beyond the guide: GDPR export and erasure, bulk operations, CSV export. */
export function adminDataHandlers(services: Services): HandlerMap<AdminDataOperation> {
  const customerId = (req: Parameters<typeof pathParam>[0]) => parseCustomerId(pathParam(req, 'customerId'));

  return {
    async exportCustomerData(req, res) {
      const { customer, exportedAt } = await services.exports.customerData(customerId(req));
      res.setHeader('ETag', etagOf(customer));
      res.setHeader('Content-Disposition', `attachment; filename="customer-${customer.id}.json"`);
      respond(res, 200, 'Customer data exported successfully', { exportedAt: exportedAt.toISOString(), customer: toDetail(customer) });
    },
    async eraseCustomer(req, res) {
      const admin = userOf(req);
      const { reason } = bodyOf<BodyOf<'eraseCustomer'>>(req);
      const result = await services.erasures.erase(customerId(req), reason, admin, ifMatchOf(req.get('if-match') ?? undefined), requestIdOf(req));
      res.setHeader('ETag', etagOf(result.after));
      respond(res, 200, 'Customer personal data erased successfully', {
        customerId: result.after.id,
        erasedAt: (result.after.erasedAt ?? result.after.updatedAt).toISOString(),
        erasedBy: result.after.erasedBy ?? admin.userId,
        customerStatus: result.after.customerStatus,
        previousStatus: result.before.customerStatus,
        authSync: result.authSync,
      });
    },
    async bulkUpdateCustomers(req, res) {
      const result = await services.bulk.run(bodyOf<BodyOf<'bulkUpdateCustomers'>>(req), userOf(req), requestIdOf(req));
      respond(res, 200, 'Bulk operation completed', result);
    },
    async exportCustomersCsv(req, res) {
      const chunks = await services.exports.csv(queryOf<QueryOf<'exportCustomersCsv'>>(req));
      res.status(200);
      res.setHeader('Content-Type', 'text/csv; charset=utf-8');
      res.setHeader('Content-Disposition', `attachment; filename="customers-${fileStamp(new Date())}.csv"`);
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
