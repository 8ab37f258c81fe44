import { SingleBar, Presets } from 'cli-progress';
import { Option, type Command } from 'commander';
import { demoStatusChange } from '../data/demo-updates.js';
import { ConflictError } from '../errors.js';
import type { Services } from '../services/index.js';
import { demoCustomer } from './demo-data.js';
import { CliError, positiveInteger, withServices } from './support.js';

/** Who the demo's notes, type and status changes are attributed to. */
export const DEMO_ADMIN_ID = 'demo-admin';
/** Customers written at once (each is a few writes, serialised per customer). */
const CONCURRENCY = 4;

export interface SeedResult {
  created: number;
  /** Demo user ids that already had a record (a second `--force` seed). */
  skipped: number;
  /** Customers in the database before seeding. */
  existing: number;
}

/**
 * Writes `count` demo customers through the service layer, as the platform would have produced
 * them: created as the Auth Service registers a user, statistics as the Order and Complaint services
 * push them, type, tags, preferences, notes and status as an administrator sets them (with their
 * history). Status changes are written without queueing an Auth Service sync: demo users exist in
 * no Auth Service. Refuses a database that already holds customers unless `force`; a forced seed
 * continues the demo numbering after the customers already there.
 */
export async function seedDemoCustomers(
  services: Services,
  options: { count: number; force: boolean; onStart?: () => void; onProgress?: (done: number) => void },
): Promise<SeedResult> {
  const { pagination } = await services.customers.list({ limit: 1 });
  const existing = pagination.totalItems;
  if (existing > 0 && !options.force) {
    throw new CliError(`the database already holds ${existing} customers; pass --force to add ${options.count} demo customers anyway`);
  }
  options.onStart?.();
  const now = new Date();
  let next = 0;
  let done = 0;
  let created = 0;
  let skipped = 0;
  const worker = async () => {
    while (next < options.count) {
      const index = existing + next++;
      if (await writeDemoCustomer(services, index, now)) created++;
      else skipped++;
      options.onProgress?.(++done);
    }
  };
  await Promise.all(Array.from({ length: Math.min(CONCURRENCY, options.count) }, worker));
  return { created, skipped, existing };
}

/** One demo customer through the services; false when its user already has a record. */
async function writeDemoCustomer(services: Services, index: number, now: Date): Promise<boolean> {
  const demo = demoCustomer(index, now);
  let id;
  try {
    id = (await services.customers.create(demo.registration)).id;
  } catch (err) {
    if (err instanceof ConflictError) return false;
    throw err;
  }
  await services.statistics.update(id, demo.statistics);
  const admin = { userId: DEMO_ADMIN_ID };
  await services.customers.update({
    customerId: id,
    body: {
      customerType: demo.customerType,
      tags: demo.tags,
      preferences: demo.preferences,
      ...(demo.notes[0] ? { notes: demo.notes[0] } : {}),
    },
    admin,
  });
  for (const note of demo.notes) await services.customers.addNote({ customerId: id, note, admin });
  if (demo.customerStatus !== 'Active') {
    const status = demo.customerStatus;
    await services.customers.mutate(id, (doc) =>
      demoStatusChange(doc.customerStatus, status, demo.statusReason, DEMO_ADMIN_ID, new Date()),
    );
  }
  return true;
}

export function registerSeed(program: Command): void {
  program
    .command('seed')
    .description('load realistic demo customers into the configured database (MONGODB_URI), through the service layer')
    .addOption(new Option('-n, --count <n>', 'how many demo customers').argParser(positiveInteger('--count', 100_000)).default(100))
    .option('--force', 'write even when the database already holds customers', false)
    .addHelpText(
      'after',
      '\nReads the same environment as the service (MONGODB_URI, MONGODB_DB_NAME, …). Refuses a database that\n' +
        'already holds customers unless --force. Example: ENVIRONMENT=development crms seed --count 200',
    )
    .action(async (options: { count: number; force: boolean }) => {
      await withServices(async (services) => {
        const bar = new SingleBar(
          { format: 'seeding {bar} {value}/{total} customers | {eta}s left', hideCursor: true, clearOnComplete: false },
          Presets.shades_classic,
        );
        let result: SeedResult;
        try {
          result = await seedDemoCustomers(services, {
            count: options.count,
            force: options.force,
            onStart: () => bar.start(options.count, 0),
            onProgress: (done) => bar.update(done),
          });
        } finally {
          bar.stop();
        }
        const skipped = result.skipped > 0 ? ` (${result.skipped} skipped: their demo users already had records)` : '';
        process.stdout.write(
          `seeded ${result.created} demo customers${skipped}; the database now holds ${result.existing + result.created}\n`,
        );
      });
    });
}
