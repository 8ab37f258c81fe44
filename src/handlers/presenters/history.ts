import type { Schemas } from '../../api-types.js';
import type { ComplaintEntry, HistoryPage, OrderEntry } from '../../services/history-service.js';

/** A customer's order and complaint history → the API's history shapes (the rule: see presenters/customer.ts). */

export function toOrderHistory({ customerId, entries, pagination }: HistoryPage<OrderEntry>): Schemas['OrderHistory'] {
  return { customerId, orders: entries.map((o) => ({ ...o, orderDate: o.orderDate.toISOString() })), pagination };
}

export function toComplaintHistory({ customerId, entries, pagination }: HistoryPage<ComplaintEntry>): Schemas['ComplaintHistory'] {
  return {
    customerId,
    complaints: entries.map(({ resolvedAt, ...c }) => ({
      ...c,
      createdAt: c.createdAt.toISOString(),
      ...(resolvedAt ? { resolvedAt: resolvedAt.toISOString() } : {}),
    })),
    pagination,
  };
}
