import cliProgress from 'cli-progress';
import { InvalidArgumentError, type Command } from 'commander';
import { loadDatabaseConfig } from '../config.js';
import { UPGRADE_KINDS, type UpgradeKind } from '../data/customer-upgrade.js';
import { connectDatabase, createMongoClient } from '../data/mongo.js';
import { migrate, MIGRATIONS_COLLECTION, type MigrateResult } from '../data/migrations/index.js';
import { DEFAULT_BATCH_SIZE, type RecordsOptions } from '../data/migrations/customer-records.js';

interface MigrateOptions {
  dryRun: boolean;
  batchSize: number;
  progress: boolean;
}

const positiveInt = (value: string): number => {
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1 || n > 100_000) throw new InvalidArgumentError('must be an integer from 1 to 100000');
  return n;
};

const out = (line = '') => process.stdout.write(`${line}\n`);

/**
 * Progress: a bar on a terminal (stderr), one line per batch otherwise (logs, CI, `docker run`
 * without a TTY), so a long run shows it is moving either way.
 */
function progressReporter(enabled: boolean): Pick<RecordsOptions, 'progress' | 'afterBatch'> {
  if (enabled && process.stderr.isTTY) {
    const bar = new cliProgress.SingleBar(
      { format: 'records {bar} {percentage}% | {value}/{total} | ETA {eta_formatted}', hideCursor: true, stream: process.stderr },
      cliProgress.Presets.shades_classic,
    );
    return { progress: { start: (total) => bar.start(total, 0), increment: () => bar.increment(), stop: () => bar.stop() } };
  }
  let total = 0;
  let done = 0;
  return {
    progress: { start: (n) => (total = n), increment: () => done++, stop: () => undefined },
    afterBatch: (batch) => {
      if (enabled) process.stderr.write(`migrate: batch ${batch} done, ${done}/${total} records\n`);
    },
  };
}

function printReport(result: MigrateResult, dbName: string): void {
  const { records } = result;
  const verb = result.dryRun ? 'would change' : 'changed';
  out(`Database ${dbName}, schema version ${result.schemaVersion}, changelog collection ${MIGRATIONS_COLLECTION}`);
  out(result.pending.length > 0 ? `Pending migrations: ${result.pending.join(', ')}` : 'No pending migrations in the changelog.');
  if (!result.dryRun && result.applied.length > 0) out(`Applied and recorded: ${result.applied.join(', ')}`);
  if (result.authSyncMarked > 0) out(`Pending Auth-sync entries given their lookup field: ${result.authSyncMarked}`);
  if (records.found === 0) {
    out(`All records are at schema version ${result.schemaVersion}: nothing to change.`);
    return;
  }
  out(
    `${result.dryRun ? 'Dry run: ' : ''}${records.found} record(s) below schema version ${result.schemaVersion}; ${verb} ${records.changed}:`,
  );
  const kinds = Object.keys(UPGRADE_KINDS) as UpgradeKind[];
  const width = Math.max(...kinds.map((k) => UPGRADE_KINDS[k].length));
  for (const kind of kinds) {
    const n = records.byKind[kind] ?? 0;
    if (n > 0) out(`  ${UPGRADE_KINDS[kind].padEnd(width)}  ${String(n).padStart(8)}`);
  }
  out(`Soft-deleted records kept (Inactive, deletion time and actor in statusHistory): ${records.byKind.softDeleted ?? 0}`);
  if (records.alreadyCurrent > 0) out(`Upgraded meanwhile by CRMS itself (a write reached them first): ${records.alreadyCurrent}`);
  if (records.retriedAfterConcurrentWrite > 0) out(`Recomputed after a concurrent write: ${records.retriedAfterConcurrentWrite}`);
  if (!result.dryRun) out(`Records still below schema version ${result.schemaVersion}: ${result.remaining}`);
}

/** `crms migrate [--dry-run] [--batch-size N] [--no-progress]`: the versioned data migrations (src/data/migrations/). */
export function registerMigrate(program: Command): void {
  program
    .command('migrate')
    .description(
      'Migrate the stored customer records to the shape this CRMS writes (records of the previous implementation included). ' +
        'Idempotent and resumable; safe while CRMS serves traffic. Database from MONGODB_URI / MONGODB_DB_NAME.',
    )
    .option('--dry-run', 'report what would change, by kind, with counts; write nothing', false)
    .option('--batch-size <n>', 'records read and written per batch', positiveInt, DEFAULT_BATCH_SIZE)
    .option('--no-progress', 'no progress bar or per-batch lines')
    .action(async (options: MigrateOptions) => {
      const config = loadDatabaseConfig();
      // an operator's one-off run: wait for a database that is slow to answer rather than fail at once
      const settings = { ...config, minPoolSize: 0, serverSelectionTimeoutMs: Math.max(config.serverSelectionTimeoutMs, 10_000) };
      const database = await connectDatabase(settings, createMongoClient(settings));
      try {
        const result = await migrate(database.db, {
          dryRun: options.dryRun,
          batchSize: options.batchSize,
          ...progressReporter(options.progress),
        });
        printReport(result, config.dbName);
      } finally {
        await database.client.close();
      }
    });
}
