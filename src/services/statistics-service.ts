import { createHash } from 'node:crypto';
import type { BodyOf, Schemas } from '../api-types.js';
import { COUNTERS, type Counter, type CustomerChange, type CustomerRecord } from '../domain/customer-record.js';
import type { CustomerStore } from '../data/customer-repository.js';
import type { IdempotencyRepository } from '../data/idempotency-repository.js';
import type { Clock } from '../domain/clock.js';
import { parseInputDate } from '../domain/dates.js';
import { ConflictError, NotFoundError, ValidationError, type FieldError } from '../errors.js';
import type { CustomerService } from './customer-service.js';
import { toStatisticsUpdate } from './statistics-view.js';

export type StatisticsBody = BodyOf<'updateCustomerStatistics'>;

/** The contract's upper bounds (UpdateStatisticsRequest): no counter may be pushed past them. */
const MAXIMUM: Record<Counter, number> = {
  totalOrders: 1_000_000_000,
  totalOrderValue: 1_000_000_000_000,
  totalComplaints: 1_000_000_000,
  openComplaints: 1_000_000_000,
};
const STALE_PENDING_MS = 15_000;

function stableJson(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(stableJson).join(',')}]`;
  if (value && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => a.localeCompare(b));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${stableJson(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const negative = (field: string): ConflictError =>
  new ConflictError('Statistics update rejected', [{ field, message: 'The update would make this value negative' }]);

const tooLarge = (field: Counter): ConflictError =>
  new ConflictError('Statistics update rejected', [{ field, message: `The update would take this value above ${MAXIMUM[field]}` }]);

const openAboveTotal = (): ConflictError =>
  new ConflictError('Statistics update rejected', [{ field: 'openComplaints', message: 'openComplaints cannot exceed totalComplaints' }]);

/** Statistics pushed by sibling services: absolute values and atomic increments, idempotent on request. */
export class StatisticsService {
  constructor(
    private readonly repo: CustomerStore,
    private readonly customers: CustomerService,
    private readonly idempotency: IdempotencyRepository,
    private readonly clock: Clock,
  ) {}

  async update(id: string, body: StatisticsBody, idempotencyKey?: string): Promise<Schemas['StatisticsUpdate']> {
    if (!idempotencyKey) return toStatisticsUpdate(await this.apply(id, body));
    const requestHash = createHash('sha256')
      .update(`${id.toLowerCase()}|${stableJson(body)}`)
      .digest('hex');
    const existing = await this.idempotency.claim(idempotencyKey, requestHash, this.clock.now());
    if (existing) {
      if (existing.requestHash !== requestHash) {
        throw new ConflictError('Idempotency key reused', [
          { field: 'Idempotency-Key', message: 'This key was already used with a different request' },
        ]);
      }
      if (existing.state === 'done') return existing.response as Schemas['StatisticsUpdate'];
      const doc = await this.repo.findById(id);
      if (doc?.appliedKeys?.includes(idempotencyKey)) {
        const response = toStatisticsUpdate(doc);
        await this.idempotency.complete(idempotencyKey, 200, response);
        return response;
      }
      if (this.clock.now().getTime() - existing.createdAt.getTime() < STALE_PENDING_MS) {
        throw new ConflictError('Request in progress', [
          { field: 'Idempotency-Key', message: 'A request with this key is still being processed; retry shortly' },
        ]);
      }
    }
    try {
      const response = toStatisticsUpdate(await this.apply(id, body, idempotencyKey));
      await this.idempotency.complete(idempotencyKey, 200, response);
      return response;
    } catch (err) {
      // not awaited: the answer does not wait for the clean-up (a leftover claim is taken over when stale)
      void this.idempotency.release(idempotencyKey).catch(() => undefined);
      throw err;
    }
  }

  /** The Complaint Service's legacy call: `complaintCount` (±) on totalComplaints and openComplaints. */
  async addComplaints(id: string, complaintCount: number): Promise<Schemas['StatisticsUpdate']> {
    const body: StatisticsBody = {
      increment: { totalComplaints: complaintCount, openComplaints: complaintCount },
      ...(complaintCount > 0 ? { lastComplaintDate: this.clock.now().toISOString() } : {}),
    };
    return toStatisticsUpdate(await this.apply(id, body));
  }

  private async apply(id: string, body: StatisticsBody, key?: string): Promise<CustomerRecord> {
    const increment: Partial<Record<Counter, number>> = body.increment ?? {};
    const absolute: Partial<Record<Counter, number>> = {};
    const conflicts: FieldError[] = [];
    for (const field of COUNTERS) {
      if (body[field] !== undefined) absolute[field] = body[field];
      if (body[field] !== undefined && increment[field] !== undefined) {
        conflicts.push({ field: `increment.${field}`, message: `Cannot both set and increment ${field}` });
      }
    }
    if (conflicts.length > 0) throw new ValidationError(conflicts);
    const dates: { lastOrderDate?: Date; lastComplaintDate?: Date } = {};
    if (body.lastOrderDate) dates.lastOrderDate = parseInputDate(body.lastOrderDate, 'lastOrderDate');
    if (body.lastComplaintDate) dates.lastComplaintDate = parseInputDate(body.lastComplaintDate, 'lastComplaintDate');
    if (
      absolute.openComplaints !== undefined &&
      absolute.totalComplaints !== undefined &&
      absolute.openComplaints > absolute.totalComplaints
    ) {
      throw openAboveTotal();
    }

    const inc: Partial<Record<Counter, number>> = {};
    for (const field of COUNTERS) if (increment[field]) inc[field] = increment[field];
    const change: CustomerChange = {
      set: { ...absolute, ...dates, updatedAt: this.clock.now() },
      ...(Object.keys(inc).length > 0 ? { increment: inc } : {}),
      ...(key ? { recordAppliedKey: key } : {}),
    };

    // open ≤ total can only break when open grows relative to total or either is set outright:
    // then decide on the version read. Otherwise one atomic $inc, guarded so nothing goes below zero.
    const dOpen = increment.openComplaints ?? 0;
    const dTotal = increment.totalComplaints ?? 0;
    const needsRead = absolute.openComplaints !== undefined || absolute.totalComplaints !== undefined || dOpen > dTotal;
    if (needsRead) {
      const { after } = await this.customers.mutate(id, (doc) => {
        const next = (f: Counter) => absolute[f] ?? doc[f] + (increment[f] ?? 0);
        for (const f of COUNTERS) if (next(f) < 0) throw negative(f);
        for (const f of COUNTERS) if (next(f) > MAXIMUM[f]) throw tooLarge(f);
        if (next('openComplaints') > next('totalComplaints')) throw openAboveTotal();
        return change;
      });
      return after;
    }
    const after = await this.repo.changeCountersWithin(id, change, MAXIMUM, key);
    if (after) return after;
    const doc = await this.repo.findById(id);
    if (!doc) throw new NotFoundError();
    if (key && doc.appliedKeys?.includes(key)) return doc;
    const below = Object.entries(inc).find(([field, delta]) => doc[field as Counter] + delta < 0);
    if (below) throw negative(below[0]);
    const above = Object.entries(inc).find(([field, delta]) => doc[field as Counter] + delta > MAXIMUM[field as Counter]);
    throw above ? tooLarge(above[0] as Counter) : negative('increment');
  }
}
