import { randomUUID } from 'node:crypto';
import { eventually } from '../support/eventually.js';
import { runClosedLoop, timedFetch, type LoadBound, type Sample } from '../support/load.js';
import { TEST_API_KEY, adminToken } from '../support/tokens.js';

/**
 * The mixed workload of the reliability tests: admin reads, searches, admin writes (notes) and
 * internal increments with idempotency keys. It remembers every acknowledged write so that the
 * database can be reconciled against it afterwards.
 */
export class MixedWorkload {
  /** customerId → acknowledged increments (each with its own idempotency key). */
  readonly ackedIncrements = new Map<string, number>();
  /** customerId → acknowledged note texts. */
  readonly ackedNotes = new Map<string, string[]>();
  /** increments not acknowledged yet: retried with the same key until they are. */
  readonly pending = new Map<string, string>(); // key → customerId
  private readonly ackedKeys = new Set<string>();
  private readonly admin = { Authorization: `Bearer ${adminToken()}`, 'Content-Type': 'application/json' };
  private readonly service = { 'X-Service-API-Key': TEST_API_KEY, 'Content-Type': 'application/json' };

  constructor(
    private readonly baseUrl: () => string,
    readonly customerIds: string[],
  ) {}

  private pick(i: number): string {
    return this.customerIds[i % this.customerIds.length] ?? '';
  }

  adminTokenForProbe(): string {
    return this.admin.Authorization.slice('Bearer '.length);
  }

  async increment(customerId: string, key: string): Promise<Sample> {
    const res = await timedFetch(`${this.baseUrl()}/api/customers/internal/${customerId}/statistics`, {
      method: 'PATCH',
      headers: { ...this.service, 'Idempotency-Key': key },
      body: JSON.stringify({ increment: { totalOrders: 1, totalOrderValue: 10 } }),
    });
    if (res.status === 200) {
      this.pending.delete(key);
      if (!this.ackedKeys.has(key)) {
        this.ackedKeys.add(key);
        this.ackedIncrements.set(customerId, (this.ackedIncrements.get(customerId) ?? 0) + 1);
      }
    } else if (!this.ackedKeys.has(key)) {
      this.pending.set(key, customerId);
    }
    return res;
  }

  async step(worker: number, i: number): Promise<Sample> {
    const base = this.baseUrl();
    const customerId = this.pick(worker * 7 + i);
    const kind = (worker + i) % 10;
    if (kind < 3) {
      // retry an unacknowledged increment first, else a new one
      const retry = this.pending.entries().next();
      if (!retry.done && kind === 0) return this.increment(retry.value[1], retry.value[0]);
      return this.increment(customerId, randomUUID());
    }
    if (kind < 6) return timedFetch(`${base}/api/customers/${customerId}`, { headers: this.admin });
    if (kind < 8) return timedFetch(`${base}/api/customers?status=Active&sortBy=totalOrderValue&limit=20`, { headers: this.admin });
    if (kind < 9) return timedFetch(`${base}/api/customers/search?q=load`, { headers: this.admin });
    const note = `note-${randomUUID()}`;
    const res = await timedFetch(`${base}/api/customers/${customerId}/notes`, {
      method: 'POST',
      headers: this.admin,
      body: JSON.stringify({ note }),
    });
    if (res.status === 201) this.ackedNotes.set(customerId, [...(this.ackedNotes.get(customerId) ?? []), note]);
    return res;
  }

  run(concurrency: number, bound: LoadBound, samples: Sample[] = []): Promise<Sample[]> {
    return runClosedLoop(concurrency, bound, (w, i) => this.step(w, i), samples);
  }

  /** Retries every unacknowledged increment (same key) until all are acknowledged; throws after `timeout` ms. */
  async drainPending(timeout: number): Promise<void> {
    await eventually(
      async () => {
        await Promise.all([...this.pending.entries()].slice(0, 20).map(([key, id]) => this.increment(id, key)));
        return this.pending.size === 0;
      },
      { timeout, interval: 250, what: `every increment acknowledged (${this.pending.size} not yet)` },
    );
  }
}
