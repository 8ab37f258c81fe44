import type { AdminCallContext, OrderStatus, SiblingClients } from '../clients/index.js';
import type { Clock } from '../domain/clock.js';
import { BusinessRuleError } from '../errors.js';
import { describeOpenWork, type CustomerService } from './customer-service.js';

/** Orders in these statuses block a deletion. */
export const ACTIVE_ORDER_STATUSES: readonly OrderStatus[] = ['Placed', 'Processing', 'Shipped', 'Return Requested'];

/**
 * Deleting a customer (guide §4.7): refused while the customer has active orders (Order Service)
 * or open complaints (Complaint Service summary, and `openComplaints` on the record). When a sibling
 * cannot answer, nothing is deleted: 502 — unless what is known already refuses the deletion, which
 * is then the answer (400), since no answer of the missing sibling could allow it.
 */
export class DeletionService {
  constructor(
    private readonly customers: CustomerService,
    private readonly clients: Pick<SiblingClients, 'order' | 'complaint'>,
    private readonly clock: Clock,
  ) {}

  /** Deletes the customer; resolves with when. */
  async delete(id: string, context: AdminCallContext): Promise<{ deletedAt: Date }> {
    const doc = await this.customers.get(id);
    const customerId = doc.id;
    const [orders, complaints] = await Promise.allSettled([
      this.countActiveOrders(customerId, context),
      this.clients.complaint.summary(customerId, context),
    ]);
    const activeOrders = orders.status === 'fulfilled' ? orders.value : 0;
    const openComplaints = Math.max(complaints.status === 'fulfilled' ? complaints.value.openComplaints : 0, doc.openComplaints);
    if (activeOrders > 0 || openComplaints > 0) {
      throw new BusinessRuleError('Cannot delete customer with active orders or complaints', [
        { field: 'customer', message: `Customer has ${describeOpenWork(activeOrders, openComplaints)}. Please resolve these first.` },
      ]);
    }
    if (orders.status === 'rejected') throw orders.reason;
    if (complaints.status === 'rejected') throw complaints.reason;
    await this.customers.delete(id);
    return { deletedAt: this.clock.now() };
  }

  /** One `page_size=1` call per active status, in parallel, summing `pagination.totalItems`. */
  private async countActiveOrders(customerId: string, context: AdminCallContext): Promise<number> {
    const pages = await Promise.all(
      ACTIVE_ORDER_STATUSES.map((status) => this.clients.order.listOrders({ customerId, page: 1, pageSize: 1, status }, context)),
    );
    return pages.reduce((sum, page) => sum + page.pagination.totalItems, 0);
  }
}
