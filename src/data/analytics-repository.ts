import type { Collection, Db } from 'mongodb';
import type { CustomerDocument } from './customer-document.js';

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
  top: CustomerDocument[];
}

interface GroupRow {
  _id: string | null;
  count: number;
  totalOrders?: number;
  totalOrderValue?: number;
  totalComplaints?: number;
  openComplaints?: number;
}

const DAY_MS = 24 * 3600 * 1000;

/** Aggregations over `customers` limited to what MongoDB and FerretDB v1 both run ($match/$group/$sum). */
export class AnalyticsRepository {
  private readonly collection: Collection<CustomerDocument>;

  constructor(db: Db) {
    this.collection = db.collection<CustomerDocument>('customers');
  }

  async figures(now: Date): Promise<AnalyticsFigures> {
    const groupBy = (field: string) =>
      this.collection.aggregate<GroupRow>([{ $group: { _id: `$${field}`, count: { $sum: 1 } } }]).toArray();
    const [byStatus, byType, totals, withOpen, new7, new30, top] = await Promise.all([
      groupBy('customerStatus'),
      groupBy('customerType'),
      this.collection
        .aggregate<GroupRow>([
          {
            $group: {
              _id: null,
              count: { $sum: 1 },
              totalOrders: { $sum: '$totalOrders' },
              totalOrderValue: { $sum: '$totalOrderValue' },
              totalComplaints: { $sum: '$totalComplaints' },
              openComplaints: { $sum: '$openComplaints' },
            },
          },
        ])
        .toArray(),
      this.collection.countDocuments({ openComplaints: { $gt: 0 } }),
      this.collection.countDocuments({ customerSince: { $gte: new Date(now.getTime() - 7 * DAY_MS) } }),
      this.collection.countDocuments({ customerSince: { $gte: new Date(now.getTime() - 30 * DAY_MS) } }),
      this.collection
        .find({}, { sort: { totalOrderValue: -1, _id: -1 }, limit: 5, projection: { searchKeys: 0 } })
        .toArray(),
    ]);
    const counts = (rows: GroupRow[]) => Object.fromEntries(rows.map((r) => [String(r._id), r.count]));
    const t = totals[0];
    return {
      totalCustomers: t?.count ?? 0,
      byStatus: counts(byStatus),
      byType: counts(byType),
      totalOrders: t?.totalOrders ?? 0,
      totalOrderValue: t?.totalOrderValue ?? 0,
      totalComplaints: t?.totalComplaints ?? 0,
      openComplaints: t?.openComplaints ?? 0,
      customersWithOpenComplaints: withOpen,
      newLast7Days: new7,
      newLast30Days: new30,
      top,
    };
  }
}
