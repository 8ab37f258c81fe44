import type { Db } from 'mongodb';
import { MongoDBStorage, Umzug } from 'umzug';
import { countBelowCurrentSchema } from '../customer-upgrade.js';
import { ensureIndexes } from '../indexes.js';
import { CURRENT_SCHEMA_VERSION } from '../stored-customer.js';
import { markPendingAuthSync } from './auth-sync-pending.js';
import { upgradeCustomerRecords, type RecordsOptions, type RecordsReport } from './customer-records.js';

/**
 * The versioned migrations of the stored data, run by umzug with its MongoDB storage: the names of
 * the migrations already applied are kept in the changelog collection {@link MIGRATIONS_COLLECTION}
 * (plain inserts and reads, which MongoDB 6+ and FerretDB v1 both serve; no TTL index, lock or
 * transaction needed). Each migration works record by record with conditional writes, so it is safe
 * to run again after a crash and while CRMS serves traffic.
 */
export const MIGRATIONS_COLLECTION = 'crms_migrations';

/** The migration that brings the customer records to the current schema version. */
export const RECORDS_MIGRATION = `0001-customer-records-schema-v${CURRENT_SCHEMA_VERSION}`;

/** The migration that gives pending Auth-sync entries their top-level lookup key (auth-sync-pending.ts). */
export const AUTH_SYNC_PENDING_MIGRATION = '0002-auth-sync-pending-field';

/** Every migration, in the order they run. */
export const MIGRATIONS = [RECORDS_MIGRATION, AUTH_SYNC_PENDING_MIGRATION] as const;

interface MigrationContext {
  db: Db;
  options: RecordsOptions;
  report?: RecordsReport;
  authSyncMarked?: number;
}

function migrator(context: MigrationContext): Umzug<MigrationContext> {
  return new Umzug<MigrationContext>({
    migrations: [
      {
        name: RECORDS_MIGRATION,
        up: async ({ context: ctx }) => {
          ctx.report = await upgradeCustomerRecords(ctx.db, ctx.options);
        },
      },
      {
        name: AUTH_SYNC_PENDING_MIGRATION,
        up: async ({ context: ctx }) => {
          ctx.authSyncMarked = await markPendingAuthSync(ctx.db);
        },
      },
    ],
    storage: new MongoDBStorage({ collection: context.db.collection(MIGRATIONS_COLLECTION) }),
    context,
    logger: undefined,
  });
}

export interface MigrateResult {
  dryRun: boolean;
  schemaVersion: number;
  /** Migrations not recorded in the changelog before this run. */
  pending: string[];
  /** Migrations this run applied and recorded (none in a dry run). */
  applied: string[];
  /** The pass over the customer records (also made when the changelog already lists the migration, for records written since). */
  records: RecordsReport;
  /** Records still below the current schema version after the run. */
  remaining: number;
  /** Pending Auth-sync entries given their lookup key by this run (migration 0002). */
  authSyncMarked: number;
}

/**
 * Applies the pending migrations (or, with `dryRun`, only reports what they would change). The
 * indexes are created first (among them `schemaVersion`, which makes finding the records to upgrade
 * an index range). When the records migration is recorded already but records below the version
 * exist (written by the previous implementation since it ran), they are upgraded by the same pass.
 */
export async function migrate(db: Db, options: RecordsOptions = {}): Promise<MigrateResult> {
  const dryRun = options.dryRun ?? false;
  if (!dryRun) await ensureIndexes(db);
  const context: MigrationContext = { db, options };
  const umzug = migrator(context);
  const pending = (await umzug.pending()).map((m) => m.name);
  let applied: string[] = [];
  if (!dryRun && pending.length > 0) {
    applied = (await umzug.up()).map((m) => m.name);
  }
  const records = context.report ?? (await upgradeCustomerRecords(db, options));
  return {
    dryRun,
    schemaVersion: CURRENT_SCHEMA_VERSION,
    pending,
    applied,
    records,
    remaining: dryRun ? records.found : await countBelowCurrentSchema(db),
    authSyncMarked: context.authSyncMarked ?? 0,
  };
}
