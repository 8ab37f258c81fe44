import type { Schemas } from '../api-types.js';
import type { AdminCallContext, SiblingClients } from '../clients/index.js';
import type { CustomerService } from './customer-service.js';
import { siblingDate } from './sibling-dates.js';

const ORDER_FAILURE = 'Unable to fetch order data';
const COMPLAINT_FAILURE = 'Unable to fetch complaint data';

type OrderItem = Schemas['OrderHistory']['orders'][number];
type ComplaintItem = Schemas['ComplaintHistory']['complaints'][number];

/** One order of a customer, as the Order Service listed it (dates checked). */
export type OrderEntry = Omit<OrderItem, 'orderDate'> & { orderDate: Date };
/** One complaint of a customer, as the Complaint Service listed it (dates checked, unset fields absent). */
export type ComplaintEntry = Omit<ComplaintItem, 'createdAt' | 'resolvedAt'> & { createdAt: Date; resolvedAt?: Date };

/** A page of a customer's history in a sibling service. */
export interface HistoryPage<E> {
  customerId: string;
  entries: E[];
  pagination: Schemas['OrderHistory']['pagination'];
}

/** Drops absent and null properties: the siblings leave unset optional fields null. */
function present<T extends object>(value: { [K in keyof T]: T[K] | null }): T {
  return Object.fromEntries(Object.entries(value).filter(([, v]) => v !== undefined && v !== null)) as T;
}

/**
 * A customer's order and complaint history (guide §4.8), read from the Order and Complaint
 * Services with the administrator's token, checked and mapped to our entries. The customer must exist here
 * first: an unknown id is a 404 without calling out.
 */
export class HistoryService {
  constructor(
    private readonly customers: CustomerService,
    private readonly clients: Pick<SiblingClients, 'order' | 'complaint'>,
  ) {}

  async orders(id: string, page: number, limit: number, context: AdminCallContext): Promise<HistoryPage<OrderEntry>> {
    const { id: customerId } = await this.customers.get(id);
    const result = await this.clients.order.listOrders({ customerId, page, pageSize: limit }, context);
    return {
      customerId,
      entries: result.items.slice(0, limit).map((order) => ({
        orderId: order.orderId,
        orderDate: siblingDate(order.orderDate, 'Order Service', ORDER_FAILURE),
        status: order.status,
        totalAmount: order.totalAmount,
        itemCount: order.itemCount,
      })),
      pagination: {
        currentPage: result.pagination.currentPage,
        totalPages: result.pagination.totalPages,
        totalItems: result.pagination.totalItems,
      },
    };
  }

  async complaints(id: string, page: number, limit: number, context: AdminCallContext): Promise<HistoryPage<ComplaintEntry>> {
    const { id: customerId } = await this.customers.get(id);
    const result = await this.clients.complaint.listComplaints({ customerId, page, limit }, context);
    const date = (value: string) => siblingDate(value, 'Complaint Service', COMPLAINT_FAILURE);
    return {
      customerId,
      entries: result.complaints.slice(0, limit).map((c) =>
        present<ComplaintEntry>({
          complaintId: c.complaintId,
          orderId: c.orderId,
          category: c.category,
          subject: c.subject,
          status: c.status,
          priority: c.priority,
          createdAt: date(c.createdAt),
          resolvedAt: c.resolvedAt == null ? undefined : date(c.resolvedAt),
        }),
      ),
      pagination: {
        currentPage: result.pagination.currentPage,
        totalPages: result.pagination.totalPages,
        totalItems: result.pagination.totalItems,
      },
    };
  }
}
