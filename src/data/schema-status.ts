import type { Db } from 'mongodb';
import { countBelowCurrentSchema } from './customer-upgrade.js';

/**
 * How many customer records are below the current schema version, for readiness and `/metrics`:
 * the index-served count of customer-upgrade.ts, bounded by `maxTimeMS`, remembered for `ttlMs`
 * so frequent probes and scrapes cost one count per interval. Undefined when the count failed.
 */
export class SchemaStatus {
  private cached: { value: number; at: number } | undefined;
  private inFlight: Promise<number | undefined> | undefined;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly ttlMs = 10_000,
    private readonly maxTimeMS = 1_000,
  ) {}

  belowCurrent(): Promise<number | undefined> {
    if (this.cached && Date.now() - this.cached.at < this.ttlMs) return Promise.resolve(this.cached.value);
    this.inFlight ??= countBelowCurrentSchema(this.db, this.maxTimeMS)
      .then((value) => {
        this.cached = { value, at: Date.now() };
        return value;
      })
      .catch((err: unknown) => {
        this.onError(err);
        return undefined;
      })
      .finally(() => {
        this.inFlight = undefined;
      });
    return this.inFlight;
  }
}
