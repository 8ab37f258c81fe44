import { adminWriteOf } from '../http/admin-write.js';
import { etagOf } from '../http/etag.js';
import { normaliseCustomerId } from '../http/path-params.js';
import { respond } from '../http/respond.js';
import type { Services } from '../services/index.js';
import { toDataExport, toErasure } from './presenters/customer.js';
import type { HandlerMap } from './types.js';

/** GDPR: a customer's data export (art. 15/20) and the erasure of its personal data (art. 17). */
export function gdprHandlers(services: Services): HandlerMap<'exportCustomerData' | 'eraseCustomer'> {
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
  };
}
