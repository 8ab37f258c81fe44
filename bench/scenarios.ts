/**
 * What the benchmark asks: the data set (seeded once per N, reused while it matches) and the
 * scenarios, each a CRMS request and the bare baseline's equivalent of it.
 */
import { MongoClient, type Db, type ObjectId } from 'mongodb';
import { CUSTOMERS_COLLECTION } from '../src/data/customer-document.js';
import { encodeCursor } from '../src/domain/cursor.js';
import { filterFingerprint } from '../src/services/customer-filters.js';
import { EVENTS_DB_NAME, EVENTS_INSTANCE, EVENTS_SCENARIO, THROUGHPUT, type Events } from './events.js';
import type { LoadSpec } from './measurement.js';
import { seed, seededCount } from './seed.js';
import { CONNECTIONS, DB_NAME, HEAVY_CONNECTIONS, N, PAGE_SIZE, URI, selected } from './settings.js';
import type { Target } from './targets.js';
import { TRACED_INSTANCE, TRACED_SCENARIO, TRACING_ENABLED } from './tracing.js';

export const INCREMENT = 'internal statistics increment';
export const INCREMENT_UNLOCKED = 'internal statistics increment, write locks off';
export const ANALYTICS_COLD = 'analytics cold';
export const ANALYTICS_CACHED = 'analytics cached';

/** Run before each request or load of a side (e.g. a subscription made or deleted on the target). */
type Prepare = { prepare?: (target: Target) => Promise<void> };

export interface Scenario {
  name: string;
  description: string;
  crms: LoadSpec & Prepare & { target: Exclude<Target['name'], 'baseline'> };
  /**
   * The baseline's request; 'reuse-analytics-cold': its measurement of the cold analytics scenario.
   * With `target`: a request to that CRMS instance instead of the bare baseline (CRMS against itself,
   * e.g. compressed against uncompressed answers).
   */
  baseline: (LoadSpec & Prepare & { target?: Exclude<Target['name'], 'baseline'> }) | 'reuse-analytics-cold';
}

/** What the scenarios are built from, read from the seeded database. */
export interface DataSet {
  /** The database, described for the report. */
  database: string;
  isFerretDb: boolean;
  /** The local FerretDB of scripts/db.sh (its stale reads can be cancelled). */
  localFerretDb: boolean;
  /** Up to 5,000 customer ids, requested in rotation. */
  ids: string[];
  /** A page in the middle of the whole list (newest first), and the cursor the API issues for it. */
  deepPage: number;
  cursor: string;
  /** Customer ids of the events instance's database, when the events are measured (bench/events.ts). */
  eventIds?: string[];
}

/** Seeds `db` with N customers unless it has them already. */
async function seedUnlessSeeded(db: Db): Promise<void> {
  if (process.env['BENCH_RESEED'] === '1' || (await seededCount(db)) !== N) {
    process.stderr.write(`[bench] seeding ${N.toLocaleString('en')} customers into ${db.databaseName}\n`);
    await seed({ db, count: N });
  } else {
    process.stderr.write(`[bench] reusing the seeded ${db.databaseName}\n`);
  }
}

const sampleIds = async (db: Db) =>
  (
    await db
      .collection(CUSTOMERS_COLLECTION)
      .find({}, { projection: { _id: 1 }, limit: 5000 })
      .toArray()
  ).map((d) => (d._id as ObjectId).toHexString());

/**
 * The events instance's database: seeded like the main one, and without subscriptions, deliveries or
 * events, which a run stopped halfway may have left (each run starts from the same state).
 */
async function prepareEventsDatabase(db: Db): Promise<string[]> {
  await seedUnlessSeeded(db);
  for (const name of ['webhook_subscriptions', 'webhook_deliveries', 'events']) await db.collection(name).deleteMany({});
  return sampleIds(db);
}

/** Seeds N customers unless that data set is there already, and reads what the scenarios need. */
export async function prepareDataSet(): Promise<DataSet> {
  const client = await MongoClient.connect(URI);
  try {
    const db = client.db(DB_NAME);
    const info = await db.admin().command({ buildInfo: 1 });
    let database =
      typeof info['ferretdbVersion'] === 'string'
        ? `FerretDB ${String(info['ferretdbVersion'])} (PostgreSQL backend), MongoDB wire ${String(info['version'])}`
        : `MongoDB ${String(info['version'])}`;
    const isFerretDb = database.startsWith('FerretDB');
    await seedUnlessSeeded(db);
    const localFerretDb = isFerretDb && process.env['BENCH_MONGODB_URI'] === undefined;
    if (localFerretDb) {
      database +=
        ', as `scripts/db.sh start` sets it up for every use: GIN indexes on the equality-lookup fields (`_id`, `userId`, `authSyncPending`) in each PostgreSQL table, which FerretDB v1 needs for a lookup by equality not to read the whole collection; reads still running in PostgreSQL after every client gave up cancelled every 10 s (`scripts/db.sh cancel-stale`: FerretDB v1 answers MaxTimeMSExpired but lets the query run on)';
    }
    const customers = db.collection(CUSTOMERS_COLLECTION);
    const ids = await sampleIds(db);
    const deepPage = Math.max(2, Math.floor(N / 2 / PAGE_SIZE));
    const skip = (deepPage - 1) * PAGE_SIZE;
    // the last customer of the page before, found here without a server-side sort (FerretDB would
    // materialise and sort the whole collection in its memory): stream two fields, sort in this process
    const positions: { id: ObjectId; at: Date }[] = [];
    for await (const d of customers.find({}, { projection: { createdAt: 1 }, batchSize: 10_000 })) {
      positions.push({ id: d._id as ObjectId, at: d['createdAt'] as Date });
    }
    positions.sort((a, b) => b.at.getTime() - a.at.getTime() || b.id.toHexString().localeCompare(a.id.toHexString()));
    const before = positions[skip - 1];
    if (!before) throw new Error('data set too small for the deep page');
    // the cursor the API would have issued after page deepPage - 1 (same sorting, no filters)
    const cursor = encodeCursor({
      sortBy: 'createdAt',
      sortOrder: 'desc',
      value: before.at,
      id: before.id.toHexString(),
      page: deepPage,
      filters: filterFingerprint({}),
    });
    const eventIds = selected(EVENTS_SCENARIO) || selected(THROUGHPUT) ? await prepareEventsDatabase(client.db(EVENTS_DB_NAME)) : undefined;
    return { database, isFerretDb, localFerretDb, ids, deepPage, cursor, ...(eventIds ? { eventIds } : {}) };
  } finally {
    await client.close();
  }
}

function rotate<T>(list: T[]): () => T {
  let i = 0;
  return () => list[i++ % list.length] as T;
}

/** A path per request, built from the next item of `list` (round robin). */
const rotating = (list: string[], path: (item: string) => string) => {
  const next = rotate(list);
  return () => path(next());
};

const SEARCHES = ['pri', 'sharma', 'kumar', 'anjali', 'iyer', 'meh', 'rao', '98450', 'gupta', 'nair', 'vikram', 'das'];
const INCREMENT_BODY = JSON.stringify({ increment: { totalOrders: 1, totalOrderValue: 100 } });
const LIST_QUERY = 'status=Active&type=Premium&sortBy=totalOrderValue&sortOrder=desc';

/** The scenarios of this run, in order (BENCH_SCENARIOS keeps those whose names start so). */
export function scenariosFor({ ids, deepPage, cursor, isFerretDb, eventIds }: DataSet, events: Events): Scenario[] {
  // FerretDB v1 pushes only equality filters down: a sort, range, regex or filtered count reads and
  // materialises the whole collection in its own memory, so those scenarios get few connections there
  const heavy = isFerretDb ? HEAVY_CONNECTIONS : CONNECTIONS;
  const skip = (deepPage - 1) * PAGE_SIZE;
  const byId = (target: Scenario['crms']['target']): Pick<Scenario, 'crms' | 'baseline'> => ({
    crms: { target, path: rotating(ids, (id) => `/api/customers/${id}`) },
    baseline: { path: rotating(ids, (id) => `/id/${id}`) },
  });
  const increment = (name: string, description: string, target: Scenario['crms']['target']): Scenario => ({
    name,
    description,
    crms: { target, method: 'PATCH', body: INCREMENT_BODY, path: rotating(ids, (id) => `/api/customers/internal/${id}/statistics`) },
    baseline: { method: 'PATCH', body: INCREMENT_BODY, path: rotating(ids, (id) => `/inc/${id}`) },
  });
  const all: Scenario[] = [
    { name: 'GET by id', description: `GET /api/customers/{id}, ${ids.length} ids in rotation`, ...byId('crms') },
    ...(TRACING_ENABLED
      ? [
          {
            name: TRACED_SCENARIO,
            description: 'the same GET on an instance with tracing on (bench/tracing.ts); the plain GET by id runs with tracing off',
            ...byId(TRACED_INSTANCE),
          },
        ]
      : []),
    {
      name: 'list page 1 (filter+sort)',
      description: `GET /api/customers?${LIST_QUERY}&limit=${PAGE_SIZE}`,
      crms: { target: 'crms', path: () => `/api/customers?${LIST_QUERY}&limit=${PAGE_SIZE}`, connections: heavy },
      baseline: { path: () => `/list?${LIST_QUERY}&limit=${PAGE_SIZE}`, connections: heavy },
    },
    {
      name: `deep page by offset (page ${deepPage})`,
      description: `GET /api/customers?page=${deepPage}&limit=${PAGE_SIZE} (newest first; skips ${skip.toLocaleString('en')})`,
      crms: { target: 'crms', path: () => `/api/customers?page=${deepPage}&limit=${PAGE_SIZE}`, connections: heavy },
      baseline: { path: () => `/list?skip=${skip}&limit=${PAGE_SIZE}`, connections: heavy },
    },
    {
      name: `deep page by cursor (page ${deepPage})`,
      description: 'GET /api/customers?cursor=… (the same page by keyset); baseline: the same skip/limit',
      crms: { target: 'crms', path: () => `/api/customers?limit=${PAGE_SIZE}&cursor=${cursor}`, connections: heavy },
      baseline: { path: () => `/list?skip=${skip}&limit=${PAGE_SIZE}`, connections: heavy },
    },
    {
      name: 'search',
      description: `GET /api/customers/search?q=… (${SEARCHES.length} terms in rotation); baseline: unanchored case-insensitive regex`,
      crms: { target: 'crms', path: rotating(SEARCHES, (q) => `/api/customers/search?q=${q}&limit=${PAGE_SIZE}`), connections: heavy },
      baseline: { path: rotating(SEARCHES, (q) => `/search?q=${q}&limit=${PAGE_SIZE}`), connections: heavy },
    },
    {
      name: ANALYTICS_COLD,
      description: 'GET /api/customers/analytics on an instance with CACHE_TTL=0, 1 connection',
      crms: { target: 'crms-nocache', path: () => '/api/customers/analytics', connections: 1 },
      baseline: { path: () => '/analytics', connections: 1 },
    },
    {
      name: ANALYTICS_CACHED,
      description: 'GET /api/customers/analytics (CACHE_TTL=300, in process); baseline: computing (the cold baseline)',
      crms: { target: 'crms', path: () => '/api/customers/analytics' },
      baseline: 'reuse-analytics-cold',
    },
    // response compression (the `compression` middleware, COMPRESSION_ENABLED): CRMS against itself,
    // the same request with and without Accept-Encoding on the same instance, so that the CPU/req
    // ratio is the cost of compressing. Answers the database does not slow down (on the local FerretDB
    // a list page of 100 takes seconds, and a few requests measure nothing): the contract (a large
    // JSON answer, no database) and a CSV export on an equality filter (streamed).
    ...[
      { name: 'compression: openapi.json', path: '/openapi.json', connections: CONNECTIONS },
      { name: 'compression: CSV export (VIP)', path: '/api/customers/export.csv?type=VIP', connections: heavy },
    ].map(({ name, path, connections }): Scenario => ({
      name,
      description: `GET ${path} with \`Accept-Encoding: gzip, br\` (CRMS compresses: brotli); baseline: the same request to the same instance without Accept-Encoding (sent as is)`,
      crms: { target: 'crms', path: () => path, headers: { 'accept-encoding': 'gzip, br' }, connections },
      baseline: { target: 'crms', path: () => path, connections },
    })),
    increment(INCREMENT, 'PATCH /api/customers/internal/{id}/statistics {increment}, ids in rotation', 'crms'),
    // on FerretDB, DB_WRITE_LOCKS=auto takes a lease per write (two more database writes per
    // increment, src/data/write-lock.ts); MongoDB updates atomically and runs without it
    ...(isFerretDb
      ? [
          increment(
            INCREMENT_UNLOCKED,
            'the same PATCH on an instance with DB_WRITE_LOCKS=off: the request path CRMS runs on MongoDB, where no lease is taken (on FerretDB two concurrent increments of one customer could then lose one; the bench does not check the counts)',
            'crms-unlocked',
          ),
        ]
      : []),
    // the cost of a subscriber on the write path: the same instance and database with a subscription
    // and without one (bench/events.ts)
    ...(eventIds
      ? [
          {
            name: EVENTS_SCENARIO,
            description: `PATCH /api/customers/internal/{id}/statistics {increment} on \`${EVENTS_INSTANCE}\` (its own database, ${EVENTS_DB_NAME}) with a subscription to customer.statistics_changed (a sink on loopback answering 204); baseline: the same instance with no subscription`,
            crms: {
              target: EVENTS_INSTANCE,
              method: 'PATCH',
              body: INCREMENT_BODY,
              path: rotating(eventIds, (id) => `/api/customers/internal/${id}/statistics`),
              prepare: (target) => events.subscribe(target),
            },
            baseline: {
              target: EVENTS_INSTANCE,
              method: 'PATCH',
              body: INCREMENT_BODY,
              path: rotating(eventIds, (id) => `/api/customers/internal/${id}/statistics`),
              prepare: (target) => events.unsubscribe(target),
            },
          } satisfies Scenario,
        ]
      : []),
  ];
  return all.filter((sc) => selected(sc.name));
}
