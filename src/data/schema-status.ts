import type { Db } from 'mongodb';
import { countBelowCurrentSchema } from './customer-upgrade.js';

/** How often the count is made again: records below the version appear only when the previous implementation writes. */
export const SCHEMA_RECOUNT_MS = 15 * 60_000;

/**
 * How many customer records are below the current schema version, for the start-up log, readiness and
 * `/metrics`. The count (customer-upgrade.ts) reads every record on FerretDB (it has no index for an
 * `$in`), so it is made once when the instance starts and then again only when the last one is older
 * than `recountMs`, in the background: a probe or scrape gets the last count at once, never a scan.
 * Only the very first call waits for a count. Undefined when no count has succeeded yet.
 */
export class SchemaStatus {
  private last: number | undefined;
  private countedAt = Number.NEGATIVE_INFINITY;
  private inFlight: Promise<void> | undefined;

  constructor(
    private readonly db: Db,
    private readonly onError: (err: unknown) => void = () => {},
    private readonly recountMs = SCHEMA_RECOUNT_MS,
    private readonly maxTimeMS = 60_000,
  ) {}

  async belowCurrent(): Promise<number | undefined> {
    const first = this.countedAt === Number.NEGATIVE_INFINITY;
    if (Date.now() - this.countedAt >= this.recountMs) this.refresh();
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
