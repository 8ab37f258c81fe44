import { keepPreviousData, useMutation, useQuery, useQueryClient, type QueryClient, type UseMutationOptions } from '@tanstack/react-query';
import { useRef } from 'react';
import { enumValues, type components } from '@crms/sdk';
import { unwrap, withEtag, type CrmsClient } from './api';
import { useConsole } from './context';
import type { ListQuery } from './paging';

/**
 * The console's one data layer: every query key comes from `keys`, every read from a hook below.
 * All data about customers lives under one prefix (`keys.customers()`), so that a write invalidates
 * it in one call and no cached list, search or history can outlive the change (an erased customer's
 * old name in a cached search, for example).
 */

export type Customer = components['schemas']['CustomerDetail'];
export type CustomerStatus = components['schemas']['CustomerStatus'];
export type CustomerType = components['schemas']['CustomerType'];

/** From the contract's enums (generated), not a copy. */
export const STATUSES: readonly CustomerStatus[] = enumValues.CustomerStatus;
export const TYPES: readonly CustomerType[] = enumValues.CustomerType;

export const keys = {
  all: ['crms'] as const,
  customers: () => [...keys.all, 'customers'] as const,
  customerList: (query: ListQuery) => [...keys.customers(), 'list', query] as const,
  customerSearch: (term: string) => [...keys.customers(), 'search', term] as const,
  customer: (customerId: string) => [...keys.customers(), 'detail', customerId] as const,
  customerHistory: (kind: HistoryKind, customerId: string, page: number) => [...keys.customers(), kind, customerId, page] as const,
  analytics: () => [...keys.all, 'analytics'] as const,
  subscriptions: () => [...keys.all, 'subscriptions'] as const,
  deliveries: (subscriptionId: string) => [...keys.subscriptions(), 'deliveries', subscriptionId] as const,
};

/** Everything a customer write can change: every customer-derived answer and the analytics. */
export async function invalidateAfterWrite(qc: QueryClient): Promise<void> {
  await Promise.all([qc.invalidateQueries({ queryKey: keys.customers() }), qc.invalidateQueries({ queryKey: keys.analytics() })]);
}

export function useCustomer(customerId: string) {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.customer(customerId),
    queryFn: async ({ signal }) => withEtag(await crms.GET('/api/customers/{customerId}', { params: { path: { customerId } }, signal })),
  });
}

export function useCustomerList(query: ListQuery) {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.customerList(query),
    queryFn: async ({ signal }) => unwrap(await crms.GET('/api/customers', { params: { query }, signal })).data,
    placeholderData: keepPreviousData,
  });
}

export function useCustomerSearch(term: string) {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.customerSearch(term),
    enabled: term.length > 0,
    queryFn: async ({ signal }) => unwrap(await crms.GET('/api/customers/search', { params: { query: { q: term, limit: 10 } }, signal })).data,
  });
}

export type HistoryKind = 'orders' | 'complaints';

/** One page of a customer's orders or complaints (from the Order / Complaint Service, through CRMS). */
export function useCustomerHistory(kind: HistoryKind, customerId: string, page: number) {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.customerHistory(kind, customerId, page),
    queryFn: async ({ signal }) => {
      const init = { params: { path: { customerId }, query: { page, limit: 10 } }, signal };
      if (kind === 'orders') {
        const data = unwrap(await crms.GET('/api/customers/{customerId}/orders', init)).data;
        return { kind, pagination: data.pagination, orders: data.orders, complaints: [] };
      }
      const data = unwrap(await crms.GET('/api/customers/{customerId}/complaints', init)).data;
      return { kind, pagination: data.pagination, orders: [], complaints: data.complaints };
    },
    placeholderData: keepPreviousData,
    retry: false,
  });
}

export function useAnalytics() {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.analytics(),
    queryFn: async ({ signal }) => unwrap(await crms.GET('/api/customers/analytics', { signal })).data,
  });
}

/** Analytics computed afresh (`Cache-Control: no-cache`: CRMS skips its cache), shown in place of the cached ones. */
export function useRefreshAnalytics() {
  const { crms } = useConsole();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: async () => unwrap(await crms.GET('/api/customers/analytics', { params: { header: { 'Cache-Control': 'no-cache' } } })).data,
    onSuccess: (data) => qc.setQueryData(keys.analytics(), data),
  });
}

export type Subscription = components['schemas']['WebhookSubscription'];
export type SubscriptionStatus = components['schemas']['WebhookSubscriptionStatus'];
export type EventType = components['schemas']['WebhookEventType'];
export type Delivery = components['schemas']['WebhookDelivery'];

/** From the contract's enum (generated), not a copy. */
export const EVENT_TYPES: readonly EventType[] = enumValues.WebhookEventType;

export function useSubscriptions() {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.subscriptions(),
    queryFn: async ({ signal }) => unwrap(await crms.GET('/api/webhooks/subscriptions', { signal })).data.subscriptions,
  });
}

/** A subscription's delivery log (the latest 20, newest first, each with its latest attempts). */
export function useDeliveries(subscriptionId: string) {
  const { crms } = useConsole();
  return useQuery({
    queryKey: keys.deliveries(subscriptionId),
    queryFn: async ({ signal }) =>
      unwrap(await crms.GET('/api/webhooks/subscriptions/{subscriptionId}/deliveries', { params: { path: { subscriptionId } }, signal })).data
        .deliveries,
  });
}

/**
 * A write about subscriptions: a second submit while one is in flight is ignored; on success every
 * subscription answer (the list and the delivery logs) is read again.
 */
export function useSubscriptionWrite<V, R>(write: (crms: CrmsClient, vars: V) => Promise<R>, onSuccess?: (result: R, vars: V) => void) {
  const { crms } = useConsole();
  const qc = useQueryClient();
  return useSingleFlight<V, R>({
    mutationFn: (vars: V) => write(crms, vars),
    onSuccess: async (result, vars) => {
      onSuccess?.(result, vars);
      await qc.invalidateQueries({ queryKey: keys.subscriptions() });
    },
  });
}

/** A mutation whose `submit` is ignored while one is in flight: a double click sends one request. */
function useSingleFlight<V, R>(options: UseMutationOptions<R, Error, V>) {
  const inFlight = useRef(false);
  const mutation = useMutation<R, Error, V>({
    ...options,
    onSettled: () => {
      inFlight.current = false;
    },
  });
  const submit = (vars: V) => {
    if (inFlight.current) return;
    inFlight.current = true;
    mutation.mutate(vars);
  };
  return { ...mutation, submit };
}

export type IfMatch = { 'If-Match'?: string };
type WriteResult<R> = { result: R; etag: string | null };

/** The success body and new `ETag` of a write (every customer write answers the record's new version). */
export function written<T>(answer: { data?: T; error?: unknown; response: Response }): WriteResult<T> {
  return { result: unwrap(answer), etag: answer.response.headers.get('ETag') };
}

/**
 * A write to one customer with optimistic concurrency. If-Match is the newest version the console
 * knows when the write starts (the last read, or the last write's answer), not the one the screen
 * was drawn from: so a save right after another change on the page is not refused as stale, while
 * a change by someone else still is (412, WriteError's notice). A second submit while one is in
 * flight is ignored (a double click sends one request). On success the new ETag is kept at once and
 * everything about customers is read again.
 */
export function useCustomerWrite<V, R>(
  customerId: string,
  write: (crms: CrmsClient, headers: IfMatch, vars: V) => Promise<WriteResult<R>>,
  onSuccess?: (result: R, vars: V) => void,
) {
  const { crms } = useConsole();
  const qc = useQueryClient();
  return useSingleFlight<V, WriteResult<R>>({
    mutationFn: (vars: V) => {
      const etag = qc.getQueryData<{ etag: string | null }>(keys.customer(customerId))?.etag;
      return write(crms, etag ? { 'If-Match': etag } : {}, vars);
    },
    onSuccess: async ({ result, etag }, vars) => {
      if (etag) qc.setQueryData<{ etag: string | null }>(keys.customer(customerId), (old) => (old ? { ...old, etag } : old));
      onSuccess?.(result, vars);
      await invalidateAfterWrite(qc);
    },
  });
}
