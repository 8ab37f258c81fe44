import type { Db } from 'mongodb';
import { countBelowCurrentSchema } from './customer-upgrade.js';

/**
 * How many customer records are below the current schema version, for readiness and `/metrics`:
 * the index-served count of customer-upgrade.ts, bounded by `maxTimeMS`. A probe or scrape never
 * waits for a recount: it gets the last count at once and, when that is older than `ttlMs`, starts
 * one in the background (so a database where the count is slow, such as FerretDB, which scans for
 * it, never slows readiness down). Only the very first call waits for a count. Undefined when no
 * count has succeeded yet.
 */
export class SchemaStatus {
  private last: number | undefined;
  private countedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly ttlMs = 10_000,
    private readonly maxTimeMS = 5_000,
  ) {}

  async belowCurrent(): Promise<number | undefined> {
    const first = this.countedAt === Number.NEGATIVE_INFINITY;
    if (Date.now() - this.countedAt >= this.ttlMs) this.refresh();
    if (first) await this.inFlight;
    return this.last;
  }

  private refresh(): void {
    // a failed count is not retried before the next interval either
    this.countedAt = Date.now();
    this.inFlight ??= countBelowCurrentSchema(this.db, this.maxTimeMS)
      .then((value) => {
        this.last = value;
      })
      .catch((err: unknown) => this.onError(err))
      .finally(() => {
        this.inFlight = undefined;
      });
  }
}
