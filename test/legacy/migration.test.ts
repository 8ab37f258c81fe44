import { spawn } from 'node:child_process';
import fc from 'fast-check';
import { Int32, type Document, type ObjectId } from 'mongodb';
import { migrate, MIGRATIONS, MIGRATIONS_COLLECTION } from '../../src/data/migrations/index.js';
import { countBelowCurrentSchema } from '../../src/data/customer-upgrade.js';
import { CURRENT_SCHEMA_VERSION } from '../../src/data/stored-customer.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, testMongoUri, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';
import { edgeLegacyRecords, exampleLegacyRecords, legacyCustomer } from './support/legacy-documents.js';
import { readEverything } from './support/read-everything.js';

/**
 * `make migrate` on a data set in every legacy shape: dry run counts, a crash in the
 * middle and the run after it, a second run with nothing to change, concurrent writes (by CRMS and by
 * the previous implementation) never overwritten, search finding the legacy customers afterwards.
 */
let t: TestApp;
const admin = bearer(adminToken());

beforeAll(async () => {
  t = await startTestApp({ CACHE_TTL: '0', RATE_LIMIT_MAX: '100000' });
});
afterAll(async () => {
  await t.close();
});

const db = () => t.database.db;
const customers = () => db().collection('customers');
const idOf = (doc: Document) => (doc['_id'] as ObjectId).toHexString();

/** 40 generated legacy records (fixed seed) plus the examples, inserted with the driver. */
async function seedLegacy(): Promise<Document[]> {
  await customers().deleteMany({});
  await db().collection(MIGRATIONS_COLLECTION).deleteMany({});
  const generated = Array.from({ length: 40 }, (_, i) => fc.sample(legacyCustomer(i), { numRuns: 1, seed: 1300 + i })[0]!);
  const docs = [...generated, ...Object.values(exampleLegacyRecords())];
  await customers().insertMany(docs);
  return docs;
}

const isNotesArray = (d: Document) => Array.isArray(d['notes']);
const isSoftDeleted = (d: Document) => d['metadata']?.['deletedAt'] instanceof Date;

describe('When an operator runs make migrate', () => {
  test('when run with --dry-run, then it reports what it would change by kind, with counts, and writes nothing', async () => {
    const docs = await seedLegacy();
    const native = await createCustomer(t.http, { fullName: 'Native Customer' });
    const result = await migrate(db(), { dryRun: true, batchSize: 16 });
    expect(result.pending).toEqual([...MIGRATIONS]);
    expect(result.applied).toEqual([]);
    expect(result.records.found).toBe(docs.length);
    expect(result.records.changed).toBe(docs.length);
    expect(result.records.byKind.schemaVersion).toBe(docs.length);
    expect(result.records.byKind.searchKeys).toBe(docs.length);
    expect(result.records.byKind.version).toBe(docs.length);
    expect(result.records.byKind.notesArray).toBe(docs.filter(isNotesArray).length);
    expect(result.records.byKind.softDeleted).toBe(docs.filter(isSoftDeleted).length);
    expect(result.records.byKind.metadataTimestamps).toBe(docs.filter((d) => d['createdAt'] === undefined).length);
    expect(result.records.byKind.softDeleted).toBeGreaterThan(0);
    expect(result.records.byKind.notesArray).toBeGreaterThan(0);
    // nothing written: still every legacy record below the version, no changelog entry
    expect(await countBelowCurrentSchema(db())).toBe(docs.length);
    expect(await db().collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(0);
    expect((await customers().findOne({ _id: docs[0]!['_id'] }))?.['schemaVersion']).toBeUndefined();
    // the record CRMS created is at the current version already
    expect((await customers().findOne({ userId: native.userId }))?.['schemaVersion']).toBe(CURRENT_SCHEMA_VERSION);
  });

  test('when a run crashes after some batches, then the next run upgrades the rest, and a third run has nothing to change', async () => {
    const docs = await seedLegacy();
    const crash = new Error('simulated crash after 3 batches');
    await expect(
      migrate(db(), {
        batchSize: 7,
        afterBatch: (batch) => {
          if (batch === 3) throw crash;
        },
      }),
    ).rejects.toThrow(crash.message);
    expect(await countBelowCurrentSchema(db())).toBe(docs.length - 21);
    expect(await db().collection(MIGRATIONS_COLLECTION).countDocuments()).toBe(0);

    const second = await migrate(db(), { batchSize: 7 });
    expect(second.applied).toEqual([...MIGRATIONS]);
    expect(second.records.found).toBe(docs.length - 21);
    expect(second.records.changed).toBe(docs.length - 21);
    expect(second.remaining).toBe(0);

    const third = await migrate(db(), { batchSize: 7 });
    expect(third.pending).toEqual([]);
    expect(third.applied).toEqual([]);
    expect(third.records.found).toBe(0);
    expect(third.records.changed).toBe(0);
    expect(third.remaining).toBe(0);
    expect(
      await db()
        .collection(MIGRATIONS_COLLECTION)
        .find({}, { projection: { _id: 0 } })
        .toArray(),
    ).toEqual(MIGRATIONS.map((migrationName) => ({ migrationName })));
  });

  test('when migrated, then the records have the shape CRMS writes, nothing is lost, every read serves them and search finds them', async () => {
    const docs = await seedLegacy();
    const result = await migrate(db());
    expect(result.remaining).toBe(0);

    for (const doc of docs) {
      const stored = (await customers().findOne({ _id: doc['_id'] }, { promoteValues: false }))!;
      expect(stored['schemaVersion']).toEqual(new Int32(CURRENT_SCHEMA_VERSION));
      expect(Object.entries(stored).filter(([, v]) => v === null)).toEqual([]);
      for (const counter of ['totalOrders', 'totalComplaints', 'openComplaints', 'version']) expect(stored[counter]).toBeInstanceOf(Int32);
      expect(stored['searchKeys']).toEqual(expect.arrayContaining([(doc['email'] as string).toLowerCase()]));
      const legacyNotes = isNotesArray(doc)
        ? (doc['notes'] as { note: string; addedBy: string; addedAt: Date }[]).filter((n) => n.note.trim() !== '')
        : [];
      expect(
        (stored['noteHistory'] as { note: string; addedBy: string; addedAt: Date }[]).map((n) => [n.note, n.addedBy, n.addedAt]),
      ).toEqual(legacyNotes.map((n) => [n.note.slice(0, 1000), n.addedBy, n.addedAt]));
      if (legacyNotes.length > 0) expect(stored['notes']).toBe(legacyNotes.at(-1)!.note.slice(0, 1000));
      const metadata = doc['metadata'] as Document | undefined;
      expect(stored['createdAt']).toEqual(doc['createdAt'] ?? metadata?.['createdAt']);
      expect(stored['updatedAt']).toEqual(doc['updatedAt'] ?? metadata?.['lastModifiedAt']);
      expect(stored['metadata']?.['createdAt']).toBeUndefined();
      if (isSoftDeleted(doc)) {
        expect(stored['customerStatus']).toBe('Inactive');
        expect(stored['statusHistory']).toEqual([
          expect.objectContaining({ to: 'Inactive', changedAt: metadata!['deletedAt'], changedBy: metadata!['deletedBy'] ?? 'unknown' }),
        ]);
      }
    }

    await readEverything(t, docs);
    const examples = exampleLegacyRecords();
    const search = async (q: string) =>
      ((await t.http.get('/api/customers/search').query({ q }).set(admin)).body.data.results as { email: string }[]).map((r) => r.email);
    expect(await search(examples['notesArrayWithMetadataTimestamps']!['email'] as string)).toEqual(['notes.array@example.com']);
    expect(await search('ravi')).toContain('soft.deleted@example.com');
    expect(await search('9876543211')).toContain('soft.deleted@example.com');
    expect(await search('asha rao')).toContain('notes.array@example.com');
    // an ETag served before the migration still matches after it
    const id = idOf(docs[0]!);
    const etag = (await t.http.get(`/api/customers/${id}`).set(admin)).headers['etag'];
    expect(etag).toBe(`"${id}-1"`);
  }, 240_000);

  test('when CRMS and the previous implementation write during the migration, then neither write is overwritten', async () => {
    await seedLegacy();
    const examples = exampleLegacyRecords();
    const viaCrms = examples['notesArrayWithMetadataTimestamps']!;
    const viaLegacy: Document = {
      ...examples['softDeleted']!,
      notes: [{ note: 'First legacy note', addedBy: 'admin_1', addedAt: new Date('2024-01-01T00:00:00Z') }],
    };
    await customers().insertMany([viaCrms, viaLegacy]);
    let crmsAnswer = 0;
    const result = await migrate(db(), {
      batchSize: 10,
      beforeWrite: async (id) => {
        // between the migration's read of the record and its conditional write
        if (id.equals(viaCrms['_id'] as ObjectId)) {
          crmsAnswer = (
            await t.http
              .post(`/api/customers/${idOf(viaCrms)}/notes`)
              .set(admin)
              .send({ note: 'Written by CRMS meanwhile' })
          ).status;
        }
        if (id.equals(viaLegacy['_id'] as ObjectId)) {
          await customers().updateOne({ _id: id }, {
            $push: {
              notes: {
                note: 'Pushed by the previous implementation meanwhile',
                addedBy: 'admin_2',
                addedAt: new Date('2025-01-01T00:00:00Z'),
              },
            },
            $set: { fullName: 'Ravi K. Kumar' },
          } as Document);
        }
      },
    });
    expect(crmsAnswer).toBe(201);
    expect(result.remaining).toBe(0);
    expect(result.records.alreadyCurrent).toBeGreaterThanOrEqual(1);
    expect(result.records.retriedAfterConcurrentWrite).toBeGreaterThanOrEqual(2);

    const crms = (await t.http.get(`/api/customers/${idOf(viaCrms)}`).set(admin)).body.data;
    expect(crms.noteHistory.map((n: { note: string }) => n.note)).toEqual([
      'Asked for a callback',
      'Upgraded to Premium after review',
      'Written by CRMS meanwhile',
    ]);
    const legacy = (await t.http.get(`/api/customers/${idOf(viaLegacy)}`).set(admin)).body.data;
    expect(legacy.fullName).toBe('Ravi K. Kumar');
    expect(legacy.noteHistory.map((n: { note: string; addedBy: string }) => [n.note, n.addedBy])).toEqual([
      ['First legacy note', 'admin_1'],
      ['Pushed by the previous implementation meanwhile', 'admin_2'],
    ]);
    expect(legacy.notes).toBe('Pushed by the previous implementation meanwhile');
    expect(
      ((await t.http.get('/api/customers/search').query({ q: 'ravi k' }).set(admin)).body.data.results as { fullName: string }[]).map(
        (r) => r.fullName,
      ),
    ).toContain('Ravi K. Kumar');
  });

  test('when the migrate command is killed in the middle, then running it again finishes the job and a third run says there is nothing to change', async () => {
    const docs = await seedLegacy();
    const env = { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: db().databaseName };
    const cli = ['dist/src/cli/main.js', 'migrate', '--batch-size', '3'];
    // killed (SIGKILL: no clean-up) once it reports its second batch
    await new Promise<void>((resolve, reject) => {
      const child = spawn(process.execPath, cli, { env, stdio: ['ignore', 'pipe', 'pipe'] });
      let err = '';
      child.stderr.on('data', (chunk: Buffer) => {
        err += chunk.toString();
        if (err.includes('batch 2 done')) child.kill('SIGKILL');
      });
      child.on('error', reject);
      child.on('exit', (code, signal) =>
        signal === 'SIGKILL' ? resolve() : reject(new Error(`exited ${code} before it was killed: ${err}`)),
      );
    });
    const left = await countBelowCurrentSchema(db());
    expect(left).toBeLessThanOrEqual(docs.length - 6);
    expect(left).toBeGreaterThan(0);

    const run = (args: string[]) =>
      new Promise<{ code: number | null; stdout: string }>((resolve, reject) => {
        const child = spawn(process.execPath, [...cli.slice(0, 2), ...args], { env, stdio: ['ignore', 'pipe', 'pipe'] });
        let stdout = '';
        child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
        child.on('error', reject);
        child.on('exit', (code) => resolve({ code, stdout }));
      });
    const dry = await run(['--dry-run']);
    expect(dry.code).toBe(0);
    expect(dry.stdout).toContain(`Dry run: ${left} record(s) below schema version ${CURRENT_SCHEMA_VERSION}; would change ${left}:`);
    const again = await run([]);
    expect(again.code).toBe(0);
    expect(again.stdout).toContain(`changed ${left}:`);
    expect(again.stdout).toContain('Records still below schema version 1: 0');
    const third = await run([]);
    expect(third.code).toBe(0);
    expect(third.stdout).toContain('No pending migrations in the changelog.');
    expect(third.stdout).toContain('nothing to change');
    expect(await countBelowCurrentSchema(db())).toBe(0);
  }, 120_000);

  test('when pending Auth-sync entries were written before their top-level lookup key existed, then the migration gives them the key and legacy records upgraded while pending get it too', async () => {
    await seedLegacy();
    const native = await createCustomer(t.http, { fullName: 'Pending Before The Key' });
    const at = new Date('2026-03-01T00:00:00Z');
    const entry = { desiredState: 'inactive', actingAdminId: 'a1', attempts: 1, nextAttemptAt: at, updatedAt: at };
    // what the earlier CRMS wrote: the entry, no key; and the index its dotted filter used
    await customers().updateOne(
      { userId: native.userId },
      { $set: { customerStatus: 'Suspended', authSync: { status: 'pending', ...entry } } },
    );
    const synced = await createCustomer(t.http, { fullName: 'Synced Before The Key' });
    await customers().updateOne({ userId: synced.userId }, { $set: { authSync: { status: 'synced', ...entry } } });
    const legacy = (await customers().findOne({ schemaVersion: { $exists: false } }))!;
    await customers().updateOne({ _id: legacy['_id'] }, { $set: { authSync: { status: 'pending', ...entry } } });
    await customers().createIndex({ 'authSync.status': 1, 'authSync.nextAttemptAt': 1 }, { name: 'authSync_pending' });

    const result = await migrate(db());
    expect(result.authSyncMarked).toBe(1);
    expect((await customers().findOne({ userId: native.userId }))?.['authSyncPending']).toBe(true);
    expect((await customers().findOne({ userId: synced.userId }))?.['authSyncPending']).toBeUndefined();
    expect((await customers().findOne({ _id: legacy['_id'] }))?.['authSyncPending']).toBe(true);
    expect(await customers().countDocuments({ authSyncPending: true })).toBe(2);
    const indexes = (await customers().listIndexes().toArray()).map((i) => i['name']);
    expect(indexes).toContain('authSyncPending');
    expect(indexes).not.toContain('authSync_pending');
  });

  test('when legacy records with odd values, unusable e-mails, no userId or too many tags are migrated, then the dry run names the repairs and what cannot be repaired, and the run repairs what it can', async () => {
    await customers().deleteMany({});
    await db().collection(MIGRATIONS_COLLECTION).deleteMany({});
    const edges = edgeLegacyRecords();
    await customers().insertMany(Object.values(edges));
    const dry = await migrate(db(), { dryRun: true });
    expect(dry.records.byKind).toMatchObject({
      email: 1,
      statusOrType: 2,
      emailUnusable: 2,
      noUserId: 4,
      tooManyTags: 1,
    });
    expect(dry.records.byKind.numbers).toBeGreaterThanOrEqual(3);

    // the command line lists what it cannot repair apart
    const env = { ...process.env, MONGODB_URI: testMongoUri(), MONGODB_DB_NAME: db().databaseName };
    const out = await new Promise<string>((resolve, reject) => {
      const child = spawn(process.execPath, ['dist/src/cli/main.js', 'migrate', '--dry-run', '--no-progress'], {
        env,
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      let stdout = '';
      child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
      child.on('error', reject);
      child.on('exit', () => resolve(stdout));
    });
    const [repairs, unrepaired] = out.split('Cannot be repaired here');
    expect(repairs).toMatch(/e-mail trimmed and lower-cased +1\n/);
    expect(unrepaired).toMatch(/e-mail empty or not an address.* +2\n/);
    expect(unrepaired).toMatch(/no valid userId.* +4\n/);
    expect(unrepaired).toMatch(/more than 50 tags.* +1\n/);

    const result = await migrate(db());
    expect(result.remaining).toBe(0);
    const stored = async (name: string) => (await customers().findOne({ _id: edges[name]!['_id'] }))!;
    expect((await stored('mixedCaseEmail'))['email']).toBe('mixed.case@example.com');
    expect(await stored('stringNumbers')).toMatchObject({ totalComplaints: 3, openComplaints: 1 });
    expect(await stored('negatives')).toMatchObject({ totalOrders: 0, totalOrderValue: 0, totalComplaints: 0, openComplaints: 0 });
    expect(await stored('unknownStatusAndType')).toMatchObject({ customerStatus: 'Active', customerType: 'Regular' });
    expect(await stored('lowerCaseStatusAndType')).toMatchObject({ customerStatus: 'Suspended', customerType: 'VIP' });
    for (const name of ['noUserId', 'secondNoUserId', 'nullUserId']) expect(await stored(name)).not.toHaveProperty('userId');
    expect((await stored('invalidUserId'))['userId']).toBe('user.with.dots');
    expect((await stored('manyTags'))['tags']).toHaveLength(64);
    expect((await stored('emptyEmail'))['email']).toBe('');
    await readEverything(t, Object.values(edges));
  }, 120_000);
});
