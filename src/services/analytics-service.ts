import type { Logger } from 'pino';
import type { Schemas } from '../api-types.js';
import type { AnalyticsRepository } from '../data/analytics-repository.js';
import { MemoryCacheStore, type CacheStore } from '../data/cache-store.js';
import { systemClock, type Clock } from '../domain/clock.js';

type Analytics = Schemas['CustomerAnalytics'];

const round2 = (n: number) => Math.round(n * 100) / 100;

export interface AnalyticsCacheOptions {
  /** CACHE_TTL; 0 computes on every request. */
  ttlSeconds: number;
  /** The shared store (Redis) when REDIS_URL is set; this process's memory otherwise. */
  shared?: CacheStore | undefined;
  /** The key in the shared store. */
  key?: string;
  logger?: Logger | undefined;
}

const isAnalytics = (value: unknown): value is Analytics =>
  typeof value === 'object' &&
  value !== null &&
  typeof (value as Partial<Analytics>).totalCustomers === 'number' &&
  typeof (value as Partial<Analytics>).generatedAt === 'string';

/**
 * Platform-wide figures, computed by aggregation and cached for CACHE_TTL seconds: in Redis when
 * configured (one computation serves every instance), else in this process. When Redis cannot answer
 * (down at start, gone mid-run, or slower than its command timeout), the figures are cached in this
 * process instead: an outage costs at most one computation per instance and TTL, never an error.
 * Concurrent misses in one process share one computation. The figures are cached, and served, in the
 * API's shape (the exception to the rule in handlers/presenters/customer.ts): every instance answers
 * the cached text as it is.
 */
export class AnalyticsService {
  private readonly local: MemoryCacheStore;
  private readonly key: string;
  private inflight: Promise<Analytics> | undefined;
  private sharedFailing = false;

  constructor(
    private readonly repo: AnalyticsRepository,
    private readonly options: AnalyticsCacheOptions,
    /** Measures the in-process cache's expiry and stamps `generatedAt`. */
    private readonly clock: Clock = systemClock,
  ) {
    this.key = options.key ?? 'crms:analytics:v1';
    this.local = new MemoryCacheStore(() => clock.now().getTime());
  }

  /** Where a figure is cached now: 'redis', 'memory', or 'none' (CACHE_TTL=0). */
  get cacheKind(): 'redis' | 'memory' | 'none' {
    if (this.options.ttlSeconds === 0) return 'none';
    return this.options.shared && !this.sharedFailing ? this.options.shared.kind : 'memory';
  }

  /** The figures from the cache, or computed; `fresh` skips the cache (and replaces what it held). */
  async get({ fresh = false }: { fresh?: boolean } = {}): Promise<Analytics> {
    if (this.options.ttlSeconds === 0) return this.computeOnce();
    const hit = fresh ? undefined : await this.read();
    if (hit) return { ...hit, cached: true };
    const value = await this.computeOnce();
    await this.write(value);
    return value;
  }

  private computeOnce(): Promise<Analytics> {
    this.inflight ??= this.compute(this.clock.now()).finally(() => {
      this.inflight = undefined;
    });
    return this.inflight;
  }

  private async read(): Promise<Analytics | undefined> {
    const { shared } = this.options;
    let text: string | undefined;
    if (shared) {
      try {
        text = await shared.get(this.key);
        this.sharedUp();
        return parse(text);
      } catch (err) {
        this.sharedDown(err);
      }
    }
    text = await this.local.get(this.key);
    return parse(text);
  }

  private async write(value: Analytics): Promise<void> {
    const ttlMs = this.options.ttlSeconds * 1000;
    const text = JSON.stringify(value);
    const { shared } = this.options;
    if (shared) {
      try {
        await shared.set(this.key, text, ttlMs);
        this.sharedUp();
        return;
      } catch (err) {
        this.sharedDown(err);
      }
    }
    await this.local.set(this.key, text, ttlMs);
  }

  private sharedDown(err: unknown): void {
    if (!this.sharedFailing) {
      this.options.logger?.warn(
        { err: err instanceof Error ? err.message : String(err) },
        'analytics cache: shared store unavailable; caching in this process until it answers again',
      );
    }
    this.sharedFailing = true;
  }

  private sharedUp(): void {
    if (this.sharedFailing) this.options.logger?.info('analytics cache: shared store answers again');
    this.sharedFailing = false;
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
        customerId: doc.id,
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

function parse(text: string | undefined): Analytics | undefined {
  if (text === undefined) return undefined;
  try {
    const value: unknown = JSON.parse(text);
    return isAnalytics(value) ? value : undefined;
  } catch {
    return undefined;
  }
}
