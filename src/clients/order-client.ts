import type { Client } from 'openapi-fetch';
import type { OrderPage, OrderStatus, paths } from '../../generated/src/clients/order.js';
import { SiblingContract } from './contract.js';
import { siblingHttpClient } from './http.js';
import type { CallContext, Sibling } from './sibling.js';

export type { OrderPage, OrderStatus };

export interface AdminCallContext extends CallContext {
  /** The administrator's `Authorization` header, forwarded as is. */
  authorization: string;
}

export interface OrderQuery {
  customerId: string;
  page: number;
  pageSize: number;
  status?: OrderStatus;
}

/** Typed client of the Order Service operation CRMS uses (`openapi/clients/order.yaml`). */
export class OrderClient {
  private readonly http: Client<paths>;
  private readonly pageBody: (body: unknown) => OrderPage;

  constructor(
    baseUrl: string,
    private readonly sibling: Sibling,
  ) {
    this.http = siblingHttpClient<paths>(baseUrl);
    this.pageBody = new SiblingContract('order').validator<OrderPage>('listAdminOrders');
  }

  /** A page of the customer's orders, with the administrator's token; an order of another customer in it is a 502. */
  async listOrders(query: OrderQuery, context: AdminCallContext): Promise<OrderPage> {
    const spec = {
      operation: 'GET /api/admin/orders',
      idempotent: true,
      credentials: 'caller' as const,
      failureMessage: 'Unable to fetch order data',
      validate: this.pageBody,
      send: (signal: AbortSignal) =>
        this.http.GET('/api/admin/orders', {
          params: {
            query: {
              customer_id: query.customerId,
              page: query.page,
              page_size: query.pageSize,
              ...(query.status ? { order_status: query.status } : {}),
            },
            header: { 'X-Request-Id': context.requestId },
          },
          headers: { Authorization: context.authorization },
          signal,
        }),
    };
    const outcome = await this.sibling.call(spec, context);
    if (!outcome.ok) throw this.sibling.refusal(spec, outcome.status, context);
    const customerId = query.customerId.toLowerCase();
    const foreign = outcome.data.items.findIndex((order) => order.customerId.toLowerCase() !== customerId);
    // the filter was not applied: never show (or count) another customer's orders
    if (foreign >= 0) throw this.sibling.unusable(spec, `/items/${foreign}/customerId`, 'is another customer', context);
    return outcome.data;
  }
}
