import type { Collection, Db, Document } from 'mongodb';
import type { CustomerRecord } from '../domain/customer-record.js';
import { CORE_FIELDS } from '../domain/customer-fields.js';
import { CUSTOMERS_COLLECTION, type CustomerDocument } from './customer-document.js';
import { NOT_ADMINISTRATOR } from './customer-query.js';
import { toRecord } from './customer-records.js';
import { readDeadline } from './mongo.js';
import { runAll } from './run-all.js';
import { CURRENT_SCHEMA_VERSION, normaliseCustomer } from './stored-customer.js';

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
 * The figures count what reads serve. Records at the current schema version hold exactly that (CRMS
 * writes them, the migration and every write upgrade to it), so the database sums them. Records
 * below it (the previous implementation's, not migrated yet) may hold what reads normalise: numbers
 * as strings, negative or fractional counters, unknown statuses and types, dates elsewhere. No
 * aggregation both databases run can normalise those (FerretDB v1: `$sum`/`$count` only, no `$cond`
 * or `$convert`), so they are read with a projection and normalised by the one mapping of reads
 * (stored-customer.ts), one record at a time: the cost grows with the records not migrated yet, and
 * is none once `crms migrate` has run. The records CRMS created for administrators are no customers
 * and are left out of every figure.
 */
const CURRENT = { schemaVersion: CURRENT_SCHEMA_VERSION, ...NOT_ADMINISTRATOR };
const NOT_CURRENT = { schemaVersion: { $ne: CURRENT_SCHEMA_VERSION }, ...NOT_ADMINISTRATOR };

/** What normaliseCustomer needs for the figures of one record below the current schema version: the core fields and its dates. */
const LEGACY_PROJECTION = Object.fromEntries([...CORE_FIELDS, 'customerSince', 'createdAt', 'metadata'].map((f) => [f, 1]));

/**
 * One pass over the current records, grouped by (status, type) with the counter sums: byStatus,
 * byType and the totals all come from its few rows. Only `$match` and `$group` with `$sum`, which
 * MongoDB and FerretDB v1 both run. This is the one read that touches every document by nature; the
 * service caches it.
 */
export const SEGMENT_PIPELINE: Document[] = [{ $match: CURRENT }, { $group: { _id: SEGMENT_KEY, ...SUMS } }];

/**
 * FerretDB v1 computes only the first accumulator of a `$group` and answers 0 for the others
 * (FerretDB/FerretDB#4616, still open for v1.24.2): there, one pipeline per sum, merged here.
 */
export const segmentPipelineFor = (name: SumName): Document[] => [{ $match: CURRENT }, { $group: { _id: SEGMENT_KEY, value: SUMS[name] } }];

/** The figures of the records below the current schema version, as reads serve them. */
interface LegacyFigures {
  segments: SegmentRow[];
  withOpen: number;
  new7: number;
  new30: number;
  top: TopCustomer[];
}

/** Highest total order value first, ties by id (descending), as the index `sort_totalOrderValue` orders them. */
const byValue = (a: TopCustomer, b: TopCustomer) => b.totalOrderValue - a.totalOrderValue || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0);

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
  withOpenComplaints: { openComplaints: { $gt: 0 }, ...CURRENT },
  /** index `customerSince`: a range scan of the last 7 / 30 days */
  since7: { customerSince: { $gte: new Date(now.getTime() - 7 * DAY_MS) }, ...CURRENT },
  since30: { customerSince: { $gte: new Date(now.getTime() - 30 * DAY_MS) }, ...CURRENT },
  /** index `schemaVersion`: the records below the current version, normalised one by one */
  legacy: NOT_CURRENT,
  /** index `sort_totalOrderValue` {totalOrderValue: -1, _id: -1}: the first 5 entries */
  top: {
    filter: CURRENT,
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

  /** One pass over the records below the current schema version (none once migrated), normalised as reads serve them. */
  private async legacy(now: Date, timeLimit: () => { maxTimeMS?: number }): Promise<LegacyFigures> {
    const q = analyticsQueries(now);
    const since7 = q.since7.customerSince.$gte.getTime();
    const since30 = q.since30.customerSince.$gte.getTime();
    const rows = new Map<string, SegmentRow>();
    const figures: LegacyFigures = { segments: [], withOpen: 0, new7: 0, new30: 0, top: [] };
    const cursor = this.collection.find(q.legacy, { projection: LEGACY_PROJECTION, batchSize: 1000, ...timeLimit() });
    for await (const raw of cursor) {
      const doc = normaliseCustomer(raw);
      const key = `${doc.customerStatus}|${doc.customerType}`;
      const row = rows.get(key) ?? {
        _id: { status: doc.customerStatus, type: doc.customerType },
        count: 0,
        totalOrders: 0,
        totalOrderValue: 0,
        totalComplaints: 0,
        openComplaints: 0,
      };
      row.count++;
      row.totalOrders += doc.totalOrders;
      row.totalOrderValue += doc.totalOrderValue;
      row.totalComplaints += doc.totalComplaints;
      row.openComplaints += doc.openComplaints;
      rows.set(key, row);
      if (doc.openComplaints > 0) figures.withOpen++;
      if (doc.customerSince.getTime() >= since7) figures.new7++;
      if (doc.customerSince.getTime() >= since30) figures.new30++;
      // the best TOP_CUSTOMERS so far: a bounded list, whatever the number of records
      figures.top = [...figures.top, toRecord(doc) as TopCustomer].sort(byValue).slice(0, TOP_CUSTOMERS);
    }
    figures.segments = [...rows.values()];
    return figures;
  }

  async figures(now: Date): Promise<AnalyticsFigures> {
    const q = analyticsQueries(now);
    const timeLimit = readDeadline(this.options.queryTimeoutMs);
    const [segments, withOpen, new7, new30, top, legacy] = await runAll<
      [SegmentRow[], number, number, number, TopCustomer[], LegacyFigures]
    >(this.options.sequential ?? false, [
      () => this.segments(timeLimit),
      () => this.collection.countDocuments(q.withOpenComplaints, timeLimit()),
      () => this.collection.countDocuments(q.since7, timeLimit()),
      () => this.collection.countDocuments(q.since30, timeLimit()),
      () =>
        this.collection
          .find(q.top.filter, { sort: q.top.sort, limit: q.top.limit, projection: q.top.projection, ...timeLimit() })
          .map((raw): TopCustomer => toRecord(normaliseCustomer(raw)))
          .toArray(),
      () => this.legacy(now, timeLimit),
    ]);
    const byStatus: Record<string, number> = {};
    const byType: Record<string, number> = {};
    const sums = { totalCustomers: 0, totalOrders: 0, totalOrderValue: 0, totalComplaints: 0, openComplaints: 0 };
    for (const row of [...segments, ...legacy.segments]) {
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
      customersWithOpenComplaints: withOpen + legacy.withOpen,
      newLast7Days: new7 + legacy.new7,
      newLast30Days: new30 + legacy.new30,
      top: [...top, ...legacy.top].sort(byValue).slice(0, TOP_CUSTOMERS),
    };
  }
}
