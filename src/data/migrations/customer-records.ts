import type { Db, Document, ObjectId } from 'mongodb';
import { CUSTOMERS_COLLECTION } from '../customer-document.js';
import { belowCurrentSchemaFilter, countBelowCurrentSchema, planUpgrade, upgradeRecord, type UpgradeKind } from '../customer-upgrade.js';

/** What a run over the customer records did (or, in a dry run, would do). */
export interface RecordsReport {
  dryRun: boolean;
  /** Records below the current schema version when the run started. */
  found: number;
  /** Records written (or that would be written). */
  changed: number;
  /** Records another writer upgraded first (CRMS upgrades a record before writing to it). */
  alreadyCurrent: number;
  /** Conditional writes that lost to a concurrent write and were recomputed from the new state. */
  retriedAfterConcurrentWrite: number;
  /** Per kind of change, how many records it concerns. */
  byKind: Partial<Record<UpgradeKind, number>>;
  batches: number;
}

export interface RecordsOptions {
  dryRun?: boolean;
  /** Records read and written per batch (default 500). */
  batchSize?: number;
  /** Called with the total when the run starts and after each record. */
  progress?: { start(total: number): void; increment(): void; stop(): void };
  /** Called after each batch; throwing stops the run there (what is written stays written). */
  afterBatch?: (batch: number, report: RecordsReport) => void | Promise<void>;
  /** Runs between reading a record and its conditional write (tests write concurrently here). */
  beforeWrite?: (id: ObjectId) => Promise<void>;
}

export const DEFAULT_BATCH_SIZE = 500;

/**
 * Brings every customer record below the current schema version to the shape this CRMS writes, in
 * batches in `_id` order. Each record is written by one conditional replacement on the exact state it
 * was read in (customer-upgrade.ts), so the records themselves are the progress: a run stopped at any
 * point (crash, kill) leaves each record either upgraded or untouched, and the next run picks up the
 * ones still below the version. Safe while CRMS and the previous implementation serve traffic.
 */
export async function upgradeCustomerRecords(db: Db, options: RecordsOptions = {}): Promise<RecordsReport> {
  const dryRun = options.dryRun ?? false;
  const batchSize = options.batchSize ?? DEFAULT_BATCH_SIZE;
  const collection = db.collection<Document>(CUSTOMERS_COLLECTION);
  const report: RecordsReport = {
    dryRun,
    found: await countBelowCurrentSchema(db),
    changed: 0,
    alreadyCurrent: 0,
    retriedAfterConcurrentWrite: 0,
    byKind: {},
    batches: 0,
  };
  options.progress?.start(report.found);
  let after: ObjectId | undefined;
  try {
    for (;;) {
      const batch = await collection
        .find(
          { ...belowCurrentSchemaFilter(), ...(after ? { _id: { $gt: after } } : {}) },
          { sort: { _id: 1 }, limit: batchSize, promoteValues: false },
        )
        .toArray();
      if (batch.length === 0) break;
      for (const raw of batch) {
        const plan = planUpgrade(raw);
        if (plan) {
          if (dryRun) {
            tally(report, plan.kinds);
          } else {
            const result = await upgradeRecord(collection, raw['_id'] as ObjectId, raw, options.beforeWrite);
            report.retriedAfterConcurrentWrite += result.conflicts;
            if (result.outcome === 'upgraded') tally(report, result.conflicts === 0 ? plan.kinds : (planUpgrade(raw)?.kinds ?? []));
            else report.alreadyCurrent++;
          }
        }
        options.progress?.increment();
      }
      after = batch.at(-1)?.['_id'] as ObjectId;
      report.batches++;
      await options.afterBatch?.(report.batches, report);
      if (batch.length < batchSize) break;
    }
  } finally {
    options.progress?.stop();
  }
  return report;
}

function tally(report: RecordsReport, kinds: UpgradeKind[]): void {
  report.changed++;
  for (const kind of kinds) report.byKind[kind] = (report.byKind[kind] ?? 0) + 1;
}
