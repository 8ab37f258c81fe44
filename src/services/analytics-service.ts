import type { Schemas } from '../api-types.js';
import type { AnalyticsRepository } from '../data/analytics-repository.js';

type Analytics = Schemas['CustomerAnalytics'];

const round2 = (n: number) => Math.round(n * 100) / 100;

/** Platform-wide figures, computed by aggregation and cached for CACHE_TTL seconds. */
export class AnalyticsService {
  private cache: { value: Analytics; expiresAt: number } | undefined;

  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly ttlSeconds: number,
  ) {}

  async get(): Promise<Analytics> {
    const now = Date.now();
    if (this.cache && this.cache.expiresAt > now) return { ...this.cache.value, cached: true };
    const value = await this.compute(new Date(now));
    if (this.ttlSeconds > 0) this.cache = { value, expiresAt: now + this.ttlSeconds * 1000 };
    return value;
  }

  private async compute(now: Date): Promise<Analytics> {
    const f = await this.repo.figures(now);
    return {
      totalCustomers: f.totalCustomers,
      byStatus: { Active: f.byStatus['Active'] ?? 0, Inactive: f.byStatus['Inactive'] ?? 0, Suspended: f.byStatus['Suspended'] ?? 0 },
      byType: { Regular: f.byType['Regular'] ?? 0, Premium: f.byType['Premium'] ?? 0, VIP: f.byType['VIP'] ?? 0 },
      orders: {
        totalOrders: f.totalOrders,
        totalOrderValue: round2(f.totalOrderValue),
        averageOrderValue: f.totalOrders > 0 ? round2(f.totalOrderValue / f.totalOrders) : 0,
        averageCustomerValue: f.totalCustomers > 0 ? round2(f.totalOrderValue / f.totalCustomers) : 0,
      },
      complaints: {
        totalComplaints: f.totalComplaints,
        openComplaints: f.openComplaints,
        customersWithOpenComplaints: f.customersWithOpenComplaints,
      },
      newCustomers: { last7Days: f.newLast7Days, last30Days: f.newLast30Days },
      topCustomers: f.top.map((doc) => ({
        customerId: doc._id.toHexString(),
        fullName: doc.fullName,
        email: doc.email,
        customerType: doc.customerType,
        totalOrders: doc.totalOrders,
        totalOrderValue: doc.totalOrderValue,
      })),
      generatedAt: now.toISOString(),
      cached: false,
    };
  }
}
