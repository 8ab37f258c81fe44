import type { Logger } from 'pino';
import type { BodyOf } from '../api-types.js';
import { CUSTOMER_STATUSES, CUSTOMER_TYPES } from '../domain/customer-record.js';
import { mapWithConcurrency } from '../domain/concurrency.js';
import { normaliseTags } from '../domain/tags.js';
import { ApiError, BusinessRuleError, ValidationError } from '../errors.js';
import type { Actor } from '../domain/actor.js';
import type { Clock } from '../domain/clock.js';
import type { CustomerService } from './customer-service.js';
import type { AuthSyncStatus, StatusChangeService } from './status-service.js';

export type BulkRequest = BodyOf<'bulkUpdateCustomers'>;

/** What happened to one customer of a bulk request: done (with the Auth sync state of a status change), or why not. */
export type BulkItemOutcome = { customerId: string; authSync?: AuthSyncStatus } | { customerId: string; failure: string };

/** The outcome of a bulk request, one item per customer in request order. */
export interface BulkOutcome {
  action: BulkRequest['action'];
  results: BulkItemOutcome[];
}

/** Customers changed at the same time by one bulk request. */
export const BULK_CONCURRENCY = 8;
const MAX_TAGS = 50;

/** What is done to one customer; resolves with the extras of its result. */
type Step = (id: string) => Promise<{ authSync?: AuthSyncStatus }>;

/**
 * `POST /api/customers/bulk`: one action over up to 100 customers, each through the same service call as
 * the single-customer endpoint (so a status change is a status change with its Auth sync), at most
 * {@link BULK_CONCURRENCY} at a time. A request whose value does not fit its action is refused whole
 * (400); afterwards every customer succeeds or fails alone.
 */
export class BulkService {
  constructor(
    private readonly customers: CustomerService,
    private readonly statusChanges: StatusChangeService,
    private readonly logger: Logger,
    private readonly clock: Clock,
  ) {}

  async run(request: BulkRequest, admin: Actor, requestId: string): Promise<BulkOutcome> {
    const step = this.plan(request, admin, requestId);
    const results = await mapWithConcurrency(request.customerIds, BULK_CONCURRENCY, async (customerId): Promise<BulkItemOutcome> => {
      try {
        return { customerId, ...(await step(customerId)) };
      } catch (err) {
        if (!(err instanceof ApiError) || err.status >= 500) {
          this.logger.error({ err, requestId, customerId, action: request.action }, 'bulk operation failed for a customer');
        }
        return { customerId, failure: failureMessage(err) };
      }
    });
    return { action: request.action, results };
  }

  /** Checks that `value` (and `reason`) fit the action, for the whole request, before anything is written. */
  private plan(request: BulkRequest, admin: Actor, requestId: string): Step {
    const { action, value, reason } = request;
    switch (action) {
      case 'setStatus': {
        const status = oneOf(value, CUSTOMER_STATUSES, action);
        return async (customerId) => ({
          authSync: (await this.statusChanges.change({ customerId, status, reason, admin, requestId })).authSync,
        });
      }
      case 'setType': {
        const type = oneOf(value, CUSTOMER_TYPES, action);
        return async (customerId) => {
          await this.customers.setType({ customerId, customerType: type, reason, admin });
          return {};
        };
      }
      case 'addTags':
      case 'removeTags': {
        if (!Array.isArray(value)) throw invalidValue(`For ${action}, value must be an array of tags`);
        if (reason !== undefined) {
          throw new ValidationError([{ field: 'reason', message: `Is recorded for setStatus and setType only, not for ${action}` }]);
        }
        const tags = normaliseTags(value);
        return action === 'addTags' ? (id) => this.addTags(id, tags, admin.userId) : (id) => this.removeTags(id, tags, admin.userId);
      }
    }
  }

  private async addTags(id: string, tags: readonly string[], adminId: string): Promise<object> {
    await this.customers.mutate(id, (doc) => {
      const merged = normaliseTags([...doc.tags, ...tags]);
      if (merged.length === doc.tags.length) return null;
      if (merged.length > MAX_TAGS) {
        throw new BusinessRuleError('Too many tags', [
          { field: 'value', message: `The customer would have ${merged.length} tags; at most ${MAX_TAGS} are allowed` },
        ]);
      }
      return { set: { tags: merged, updatedAt: this.clock.now(), updatedBy: adminId } };
    });
    return {};
  }

  private async removeTags(id: string, tags: readonly string[], adminId: string): Promise<object> {
    const remove = new Set(tags);
    await this.customers.mutate(id, (doc) => {
      const kept = doc.tags.filter((t) => !remove.has(t));
      if (kept.length === doc.tags.length) return null;
      return { set: { tags: kept, updatedAt: this.clock.now(), updatedBy: adminId } };
    });
    return {};
  }
}

const invalidValue = (message: string) => new ValidationError([{ field: 'value', message }]);

function oneOf<T extends string>(value: unknown, allowed: readonly T[], action: string): T {
  if (typeof value === 'string' && (allowed as readonly string[]).includes(value)) return value as T;
  throw invalidValue(`For ${action}, value must be one of: ${allowed.join(', ')}`);
}

function failureMessage(err: unknown): string {
  if (err instanceof ApiError && err.status < 500) return err.errors[0]?.message ?? err.message;
  return 'The customer could not be updated because of an internal error; retry it';
}
