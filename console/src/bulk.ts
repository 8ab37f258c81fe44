import type { components } from '@crms/sdk';
import { unwrap, type CrmsClient } from './api';
import type { Filters } from './paging';

type BulkRequest = components['schemas']['BulkOperationRequest'];
type BulkResult = components['schemas']['BulkOperationResult'];

/** Ids per `POST /api/customers/bulk` (the contract's maximum) and per list read when selecting all. */
export const BULK_CHUNK = 100;
/** The most customers one "select all that match" takes (docs/decisions/0008). */
export const SELECT_ALL_CAP = 1000;

/**
 * The customers matching `filters` (id → name), read from the list 100 at a time following
 * `nextCursor`, at most {@link SELECT_ALL_CAP}.
 */
export async function collectMatching(crms: CrmsClient, filters: Filters, signal?: AbortSignal): Promise<Map<string, string>> {
  const { limit: _limit, ...query } = filters;
  const found = new Map<string, string>();
  let cursor: string | undefined;
  do {
    const page = unwrap(
      await crms.GET('/api/customers', { params: { query: { ...query, limit: BULK_CHUNK, ...(cursor ? { cursor } : {}) } }, signal }),
    ).data;
    for (const c of page.customers) {
      if (found.size >= SELECT_ALL_CAP) break;
      found.set(c.customerId, c.fullName);
    }
    cursor = page.pagination.nextCursor ?? undefined;
  } while (cursor && found.size < SELECT_ALL_CAP);
  return found;
}

/**
 * One bulk action over any number of ids: requests of {@link BULK_CHUNK}, one after another, results
 * merged in order. When a request fails after others were applied, the ids not sent yet are reported
 * as failed with its message, so the applied ones are still shown (a first request's failure throws).
 */
export async function bulkInChunks(
  crms: CrmsClient,
  body: Omit<BulkRequest, 'customerIds'>,
  ids: readonly string[],
  onProgress?: (done: number) => void,
): Promise<BulkResult> {
  const merged: BulkResult = { action: body.action, succeeded: 0, failed: 0, results: [] };
  for (let i = 0; i < ids.length; i += BULK_CHUNK) {
    const customerIds = ids.slice(i, i + BULK_CHUNK);
    let data: BulkResult;
    try {
      data = unwrap(await crms.POST('/api/customers/bulk', { body: { ...body, customerIds } })).data;
    } catch (err) {
      if (i === 0) throw err;
      const message = `not sent: ${err instanceof Error ? err.message : 'the request failed'}`;
      const rest = ids.slice(i).map((customerId) => ({ customerId, success: false, error: { message } }));
      merged.failed += rest.length;
      merged.results.push(...rest);
      return merged;
    }
    merged.succeeded += data.succeeded;
    merged.failed += data.failed;
    merged.results.push(...data.results);
    onProgress?.(i + customerIds.length);
  }
  return merged;
}
