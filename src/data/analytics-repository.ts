import type { Collection, Db, Document } from 'mongodb';
import type { CustomerRecord } from '../domain/customer-record.js';
import { CUSTOMERS_COLLECTION, type CustomerDocument } from './customer-document.js';
import { toRecord } from './customer-records.js';
import { readDeadline } from './mongo.js';
import { runAll } from './run-all.js';
import { normaliseCustomer } from './stored-customer.js';

/** The fields of a top customer. */
export type TopCustomer = Pick<CustomerRecord, 'id' | 'fullName' | 'email' | 'customerType' | 'totalOrders' | 'totalOrderValue'>;

export interface AnalyticsFigures {
  totalCustomers: number;
  byStatus: Record<string, number>;
  byType: Record<string, number>;
  totalOrders: number;
  totalOrderValue: number;
  totalComplaints: number;
  openComplaints: number;
  customersWithOpenComplaints: number;
  newLast7Days: number;
  newLast30Days: number;
  top: TopCustomer[];
}

interface SegmentRow {
  _id: { status: string | null; type: string | null };
  count: number;
  totalOrders: number;
  totalOrderValue: number;
  totalComplaints: number;
  openComplaints: number;
}

const DAY_MS = 24 * 3600 * 1000;
export const TOP_CUSTOMERS = 5;

const SEGMENT_KEY = { status: '$customerStatus', type: '$customerType' };
const SUMS = {
  count: { $sum: 1 },
  totalOrders: { $sum: '$totalOrders' },
  totalOrderValue: { $sum: '$totalOrderValue' },
  totalComplaints: { $sum: '$totalComplaints' },
  openComplaints: { $sum: '$openComplaints' },
} as const;
type SumName = keyof typeof SUMS;

/**
 * One pass over all customers, grouped by (status, type) with the counter sums: byStatus, byType and
 * the totals all come from its few rows. Only `$group` with `$sum`, which MongoDB and FerretDB v1 both
 * run. This is the one read that touches every document by nature; the service caches it.
 */
export const SEGMENT_PIPELINE: Document[] = [{ $group: { _id: SEGMENT_KEY, ...SUMS } }];

/**
 * FerretDB v1 computes only the first accumulator of a `$group` and answers 0 for the others
 * (FerretDB/FerretDB#4616, still open for v1.24.2): there, one pipeline per sum, merged here.
 */
export const segmentPipelineFor = (name: SumName): Document[] => [{ $group: { _id: SEGMENT_KEY, value: SUMS[name] } }];

export interface AnalyticsRepositoryOptions {
  /** True on FerretDB v1 (see segmentPipelineFor). */
  oneAccumulatorPerGroup: boolean;
  /** Server-side time limit (maxTimeMS) of the figures' queries together (see readDeadline). */
  queryTimeoutMs?: number;
  /**
   * Run the queries one after another. On FerretDB v1 each of them reads and materialises the whole
   * collection in the database process, and in parallel their memory adds up until the database is
   * killed (docs/benchmark.md, "Measurements behind the code"). On MongoDB they run in parallel.
   */
  sequential?: boolean;
}

/** The index-served parts of the analytics (see docs/read-paths.md). */
export const analyticsQueries = (now: Date) => ({
  /** index `openComplaints`: a range scan of the customers with open complaints */
  withOpenComplaints: { openComplaints: { $gt: 0 } },
  /** index `customerSince`: a range scan of the last 7 / 30 days */
  since7: { customerSince: { $gte: new Date(now.getTime() - 7 * DAY_MS) } },
  since30: { customerSince: { $gte: new Date(now.getTime() - 30 * DAY_MS) } },
  /** index `sort_totalOrderValue` {totalOrderValue: -1, _id: -1}: the first 5 entries */
  top: {
    filter: {},
    sort: { totalOrderValue: -1, _id: -1 } as const,
    limit: TOP_CUSTOMERS,
    projection: { fullName: 1, email: 1, customerType: 1, totalOrders: 1, totalOrderValue: 1 },
  },
});

export class AnalyticsRepository {
  private readonly collection: Collection<CustomerDocument>;

  constructor(
    db: Db,
    private readonly options: AnalyticsRepositoryOptions = { oneAccumulatorPerGroup: false },
  ) {
    this.collection = db.collection<CustomerDocument>(CUSTOMERS_COLLECTION);
  }

  private async segments(timeLimit: () => { maxTimeMS?: number }): Promise<SegmentRow[]> {
    if (!this.options.oneAccumulatorPerGroup) return this.collection.aggregate<SegmentRow>(SEGMENT_PIPELINE, timeLimit()).toArray();
    const names = Object.keys(SUMS) as SumName[];
    const results = await runAll<{ _id: SegmentRow['_id']; value: number }[][]>(
      this.options.sequential ?? false,
      names.map(
        (name) => () =>
          this.collection.aggregate<{ _id: SegmentRow['_id']; value: number }>(segmentPipelineFor(name), timeLimit()).toArray(),
      ),
    );
    const rows = new Map<string, SegmentRow>();
    names.forEach((name, i) => {
      for (const { _id, value } of results[i] ?? []) {
        const key = JSON.stringify([_id.status, _id.type]);
        const row = rows.get(key) ?? { _id, count: 0, totalOrders: 0, totalOrderValue: 0, totalComplaints: 0, openComplaints: 0 };
        row[name] = value;
        rows.set(key, row);
      }
    });
    return [...rows.values()];
  }

  async figures(now: Date): Promise<AnalyticsFigures> {
    const q = analyticsQueries(now);
    const timeLimit = readDeadline(this.options.queryTimeoutMs);
    const [segments, withOpen, new7, new30, top] = await runAll<[SegmentRow[], number, number, number, TopCustomer[]]>(
      this.options.sequential ?? false,
      [
        () => this.segments(timeLimit),
        () => this.collection.countDocuments(q.withOpenComplaints, timeLimit()),
        () => this.collection.countDocuments(q.since7, timeLimit()),
        () => this.collection.countDocuments(q.since30, timeLimit()),
        () =>
          this.collection
            .find(q.top.filter, { sort: q.top.sort, limit: q.top.limit, projection: q.top.projection, ...timeLimit() })
            .map((raw): TopCustomer => toRecord(normaliseCustomer(raw)))
            .toArray(),
      ],
    );
    const byStatus: Record<string, number> = {};
    const byType: Record<string, number> = {};
    const sums = { totalCustomers: 0, totalOrders: 0, totalOrderValue: 0, totalComplaints: 0, openComplaints: 0 };
    for (const row of segments) {
      const status = String(row._id.status);
      const type = String(row._id.type);
      byStatus[status] = (byStatus[status] ?? 0) + row.count;
      byType[type] = (byType[type] ?? 0) + row.count;
      sums.totalCustomers += row.count;
      sums.totalOrders += row.totalOrders;
      sums.totalOrderValue += row.totalOrderValue;
      sums.totalComplaints += row.totalComplaints;
      sums.openComplaints += row.openComplaints;
    }
    return {
      ...sums,
      byStatus,
      byType,
      customersWithOpenComplaints: withOpen,
      newLast7Days: new7,
      newLast30Days: new30,
      top,
    };
  }
}
