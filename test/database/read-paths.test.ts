import { MongoClient, type CommandStartedEvent, type Document } from 'mongodb';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, testMongoUri, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

/**
 * The query shape of every read path (docs/read-paths.md), captured from the driver's command
 * monitoring while the real app serves the request. On a real MongoDB each captured command is also
 * explained: the winning plan must use an index (IXSCAN/COUNT_SCAN/IDHACK…), never a COLLSCAN, and
 * list/search finds must not sort in memory. FerretDB has no such planner: those checks are skipped.
 */
async function onRealMongoDb(): Promise<boolean> {
  const client = await MongoClient.connect(testMongoUri(), { serverSelectionTimeoutMS: 3000 });
  try {
    const info = await client.db('admin').command({ buildInfo: 1 });
    return typeof info['ferretdbVersion'] !== 'string';
  } finally {
    await client.close();
  }
}
const realMongo = await onRealMongoDb();
if (!realMongo) {
  console.log(
    'read-paths: explain() checks SKIPPED (the database is FerretDB, which has no query planner to explain); only query shapes are asserted',
  );
}
const onMongo = realMongo ? test : test.skip;

let t: TestApp;
const admin = bearer(adminToken());
let commands: CommandStartedEvent[] = [];
const record = (event: CommandStartedEvent) => {
  if (event.command[event.commandName] === 'customers') commands.push(event);
};
let customerId = '';
let userId = '';

beforeAll(async () => {
  t = await startTestApp({ CACHE_TTL: '0' });
  for (const [name, email, phone] of [
    ['John Doe', 'john.doe@example.com', '+919876543210'],
    ['Jane Smith', 'jane.smith@example.com', '+919876543211'],
    ['Ravi Kumar', 'ravi.k@example.in', undefined],
  ] as const) {
    ({ customerId, userId } = await createCustomer(t.http, { fullName: name, email, ...(phone ? { contactNumber: phone } : {}) }));
  }
  t.database.client.on('commandStarted', record);
});
afterAll(async () => {
  t.database.client.off('commandStarted', record);
  await t.close();
});

/** The customers commands the request sent. */
async function capture(request: () => PromiseLike<{ status: number }>): Promise<CommandStartedEvent[]> {
  commands = [];
  const res = await request();
  expect(res.status).toBe(200);
  return commands;
}

/** The reads of one Auth-sync pass and one /metrics scrape (the backlog gauge), with nothing pending. */
async function authSyncReads(): Promise<CommandStartedEvent[]> {
  commands = [];
  await t.services.authSync.runOnce();
  expect((await t.http.get('/metrics').set('X-Service-API-Key', TEST_API_KEY)).status).toBe(200);
  return commands.filter((e) => JSON.stringify(e.command).includes('authSync'));
}

/** The find commands, with the sort as ordered [field, direction] pairs (the driver sends a Map). */
const finds = (events: CommandStartedEvent[]) =>
  events
    .filter((e) => e.commandName === 'find')
    .map((e): Document => {
      const sort: unknown = e.command['sort'];
      return {
        ...e.command,
        sort:
          sort instanceof Map
            ? [...(sort as Map<string, number>).entries()]
            : sort === undefined
              ? undefined
              : Object.entries(sort as Document),
      };
    });
const ordered = (sort: Document) => Object.entries(sort);

/** The read parts of a captured command, ready for `explain`. */
function explainable(event: CommandStartedEvent): Document {
  const keep = ['find', 'filter', 'sort', 'skip', 'limit', 'projection', 'aggregate', 'pipeline', 'count', 'query', 'hint'];
  const cmd = Object.fromEntries(Object.entries(event.command).filter(([k]) => keep.includes(k)));
  return event.commandName === 'aggregate' ? { ...cmd, cursor: {} } : cmd;
}

function winningStages(explain: unknown, inWinning = false, out: string[] = []): string[] {
  if (Array.isArray(explain)) {
    for (const item of explain) winningStages(item, inWinning, out);
  } else if (explain && typeof explain === 'object') {
    for (const [key, value] of Object.entries(explain as Record<string, unknown>)) {
      if (key === 'rejectedPlans') continue;
      const winning = inWinning || key === 'winningPlan';
      if (winning && key === 'stage' && typeof value === 'string') out.push(value);
      winningStages(value, winning, out);
    }
  }
  return out;
}

async function explainStages(event: CommandStartedEvent): Promise<string[]> {
  const result = await t.database.db.command({ explain: explainable(event), verbosity: 'queryPlanner' });
  return winningStages(result);
}

const INDEX_STAGES = [
  'IXSCAN',
  'COUNT_SCAN',
  'IDHACK',
  'EXPRESS_IXSCAN',
  'EXPRESS_IDHACK',
  'DISTINCT_SCAN',
  'RECORD_STORE_FAST_COUNT',
  'COUNT',
];

async function expectIndexServed(events: CommandStartedEvent[], options: { noSort?: boolean } = {}) {
  for (const event of events) {
    const stages = await explainStages(event);
    expect({ command: explainable(event), stages }).toEqual({
      command: explainable(event),
      stages: expect.not.arrayContaining(['COLLSCAN']),
    });
    expect(stages.some((s) => INDEX_STAGES.includes(s))).toBe(true);
    if (options.noSort && event.commandName === 'find') expect(stages).not.toContain('SORT');
  }
}

/** Customers only: the records CRMS created for administrators left out (a residual condition, docs/read-paths.md). */
const A = { isAdministrator: { $ne: true } };

const LIST_CASES: [string, Document, Document][] = [
  ['', {}, { createdAt: -1, _id: -1 }],
  ['?status=Active&sortBy=totalOrders&sortOrder=asc', { customerStatus: 'Active' }, { totalOrders: 1, _id: 1 }],
  ['?type=Regular&sortBy=totalOrderValue', { customerType: 'Regular' }, { totalOrderValue: -1, _id: -1 }],
  [
    '?status=Active&type=Regular&sortBy=lastOrderDate&sortOrder=desc',
    { customerStatus: 'Active', customerType: 'Regular' },
    { lastOrderDate: -1, _id: -1 },
  ],
  [
    '?status=Suspended&type=VIP&sortBy=createdAt&sortOrder=asc',
    { customerStatus: 'Suspended', customerType: 'VIP' },
    { createdAt: 1, _id: 1 },
  ],
];

describe('When the reads reach the database, their query shapes are index-served', () => {
  test('then GET /api/customers/{id} is a find on _id (index _id_)', async () => {
    const events = await capture(() => t.http.get(`/api/customers/${customerId}`).set(admin));
    expect(finds(events)).toEqual([expect.objectContaining({ filter: { _id: expect.anything() }, limit: 1 })]);
    expect(String(finds(events)[0]?.['filter']._id)).toBe(customerId);
  });

  test('then GET /api/customers/internal/user/{userId} is a find on userId (index userId_unique)', async () => {
    const events = await capture(() => t.http.get(`/api/customers/internal/user/${userId}`).set('X-Service-API-Key', TEST_API_KEY));
    expect(finds(events)).toEqual([expect.objectContaining({ filter: { userId }, limit: 1 })]);
  });

  test.each(LIST_CASES)(
    'then GET /api/customers%s is an equality filter with a {field, _id} sort and limit+1, and the same filter counted',
    async (query, filter, sort) => {
      const events = await capture(() => t.http.get(`/api/customers${query}`).set(admin));
      expect(finds(events)).toEqual([expect.objectContaining({ filter: { ...filter, ...A }, sort: ordered(sort), limit: 21 })]);
      const counts = events.filter((e) => e.commandName !== 'find');
      if (Object.keys(filter).length === 0) {
        // totalItems without a filter: the collection's metadata count (no query, no scan) less the
        // administrators' records, an equality on the index isAdministrator
        expect(counts.map((e) => e.commandName).sort()).toEqual(['aggregate', 'count']);
        expect(counts.find((e) => e.commandName === 'count')?.command['query']).toBeUndefined();
        expect(counts.find((e) => e.commandName === 'aggregate')?.command['pipeline'][0]).toEqual({ $match: { isAdministrator: true } });
      } else {
        expect(counts).toHaveLength(1);
        expect(counts[0]?.commandName).toBe('aggregate');
        expect(counts[0]?.command['pipeline'][0]).toEqual({ $match: { ...filter, ...A } });
      }
    },
  );

  test('then the Auth-sync pass and the backlog gauge are an equality on the top-level authSyncPending (index authSyncPending)', async () => {
    const events = await authSyncReads();
    const [pass] = finds(events);
    expect(pass?.['filter']).toMatchObject({ authSyncPending: true, 'authSync.nextAttemptAt': { $lte: expect.any(Date) } });
    expect(pass?.['sort']).toEqual([['authSync.nextAttemptAt', 1]]);
    expect(events.filter((e) => e.commandName === 'aggregate').map((e) => e.command['pipeline'][0])).toEqual([
      { $match: { authSyncPending: true } },
    ]);
  });

  test('then a cursor page puts the keyset predicate after the filter, without skip', async () => {
    const first = await t.http.get('/api/customers?limit=1&status=Active&sortBy=totalOrders').set(admin);
    const cursor = first.body.data.pagination.nextCursor as string;
    const events = await capture(() => t.http.get(`/api/customers?limit=1&status=Active&sortBy=totalOrders&cursor=${cursor}`).set(admin));
    const [find] = finds(events);
    expect(find?.['skip'] ?? 0).toBe(0);
    expect(find?.['sort']).toEqual([
      ['totalOrders', -1],
      ['_id', -1],
    ]);
    expect(find?.['filter']).toEqual({
      $and: [
        { customerStatus: 'Active', ...A },
        { $or: [{ totalOrders: { $lt: 0 } }, { totalOrders: 0, _id: { $lt: expect.anything() } }, { totalOrders: null }] },
      ],
    });
  });

  test('then search is one anchored, escaped prefix per word on searchKeys (index searchKeys), with the same filter counted', async () => {
    const one = await capture(() => t.http.get('/api/customers/search?q=Joh').set(admin));
    expect(finds(one)).toEqual([expect.objectContaining({ filter: { searchKeys: { $regex: '^joh' }, ...A }, limit: 20 })]);
    const words = await capture(() => t.http.get(`/api/customers/search?q=${encodeURIComponent('john d.o')}`).set(admin));
    expect(finds(words)[0]?.['filter']).toEqual({
      $and: [{ searchKeys: { $regex: '^john' } }, { searchKeys: { $regex: '^d\\.o' } }],
      ...A,
    });
    const phone = await capture(() => t.http.get(`/api/customers/search?q=${encodeURIComponent('+91 98765')}`).set(admin));
    expect(finds(phone)[0]?.['filter']).toEqual({ searchKeys: { $regex: '^9198765' }, ...A });
    expect(phone.filter((e) => e.commandName === 'aggregate').map((e) => e.command['pipeline'][0])).toEqual([
      { $match: { searchKeys: { $regex: '^9198765' }, ...A } },
    ]);
    // with includeAdministrators=true the condition is dropped
    const all = await capture(() => t.http.get('/api/customers/search?q=Joh&includeAdministrators=true').set(admin));
    expect(finds(all)[0]?.['filter']).toEqual({ searchKeys: { $regex: '^joh' } });
    // searchTerm on the list: the same clause beside the equality filters
    const listed = await capture(() => t.http.get('/api/customers?searchTerm=jan&status=Active').set(admin));
    expect(finds(listed)[0]?.['filter']).toEqual({ customerStatus: 'Active', searchKeys: { $regex: '^jan' }, ...A });
  });

  test('then every list, count, search and analytics read carries the server-side time limit (MONGODB_QUERY_TIMEOUT_MS)', async () => {
    const isRead = (e: { commandName: string }) => ['find', 'aggregate', 'count'].includes(e.commandName);
    const events = [
      ...(await capture(() => t.http.get('/api/customers?status=Active&sortBy=totalOrders').set(admin))),
      ...(await capture(() => t.http.get('/api/customers').set(admin))),
      ...(await capture(() => t.http.get('/api/customers/search?q=joh').set(admin))),
    ];
    const reads = events.filter(isRead);
    expect(new Set(reads.map((e) => e.commandName))).toEqual(new Set(['find', 'aggregate', 'count']));
    for (const e of reads)
      expect({ command: e.commandName, maxTimeMS: e.command['maxTimeMS'] }).toEqual({ command: e.commandName, maxTimeMS: 20_000 });
    // the analytics' reads share one limit: each gets what is left of the 20 s when it starts
    const analytics = (await capture(() => t.http.get('/api/customers/analytics').set(admin))).filter(isRead);
    expect(new Set(analytics.map((e) => e.commandName))).toEqual(new Set(['find', 'aggregate'])); // countDocuments aggregates
    const limits = analytics.map((e) => Number(e.command['maxTimeMS']));
    for (const limit of limits) expect(limit).toBeGreaterThan(15_000);
    for (const limit of limits) expect(limit).toBeLessThanOrEqual(20_000);
    expect([...limits].sort((a, b) => b - a)).toEqual(limits);
    // on FerretDB they run one after another, so the later ones get less
    if (!realMongo) expect(new Set(limits).size).toBeGreaterThan(1);
  });

  test('then the analytics are one $group pass over the current records (one per sum on FerretDB), index-served counts and the top 5, and one read of the records below the schema version', async () => {
    const events = await capture(() => t.http.get('/api/customers/analytics').set(admin));
    const isGroup = (e: CommandStartedEvent) =>
      e.commandName === 'aggregate' &&
      (e.command['pipeline'] as Document[]).some((stage) => '$group' in stage && !('n' in stage['$group']));
    const groups = events.filter(isGroup);
    expect(groups.length).toBe(realMongo ? 1 : 5);
    for (const g of groups) {
      expect(g.command['pipeline'][0]).toEqual({ $match: { schemaVersion: 1, ...A } });
      expect(g.command['pipeline'][1].$group._id).toEqual({ status: '$customerStatus', type: '$customerType' });
    }
    const counts = events
      .filter((e) => e.commandName === 'aggregate' && !isGroup(e))
      .map((e) => e.command['pipeline'][0].$match as Record<string, unknown>);
    expect(counts.map((m) => Object.keys(m)[0]).sort()).toEqual(['customerSince', 'customerSince', 'openComplaints']);
    for (const m of counts) expect(m).toMatchObject({ schemaVersion: 1, ...A });
    expect(finds(events)).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          filter: { schemaVersion: 1, ...A },
          sort: [
            ['totalOrderValue', -1],
            ['_id', -1],
          ],
          limit: 5,
        }),
        expect.objectContaining({ filter: { schemaVersion: { $ne: 1 }, ...A } }),
      ]),
    );
    expect(finds(events)).toHaveLength(2);
  });
});

describe('When the reads are explained on a real MongoDB', () => {
  onMongo('get by id and by userId use an index', async () => {
    await expectIndexServed(await capture(() => t.http.get(`/api/customers/${customerId}`).set(admin)));
    await expectIndexServed(
      await capture(() => t.http.get(`/api/customers/internal/user/${userId}`).set('X-Service-API-Key', TEST_API_KEY)),
    );
  });

  onMongo('every list filter/sort combination and its count use an index, without an in-memory sort', async () => {
    for (const [query] of LIST_CASES) {
      await expectIndexServed(await capture(() => t.http.get(`/api/customers${query}`).set(admin)), { noSort: true });
    }
    const first = await t.http.get('/api/customers?limit=1&sortBy=totalOrderValue').set(admin);
    const cursor = first.body.data.pagination.nextCursor as string;
    await expectIndexServed(await capture(() => t.http.get(`/api/customers?limit=1&sortBy=totalOrderValue&cursor=${cursor}`).set(admin)));
  });

  onMongo('the Auth-sync pass and its backlog count use an index', async () => {
    await expectIndexServed(await authSyncReads());
  });

  onMongo('search uses the searchKeys index range', async () => {
    await expectIndexServed(await capture(() => t.http.get('/api/customers/search?q=joh').set(admin)));
    await expectIndexServed(await capture(() => t.http.get(`/api/customers/search?q=${encodeURIComponent('john doe')}`).set(admin)));
  });

  onMongo('analytics: counts and top 5 use indexes (the $group pass reads every customer by design)', async () => {
    const events = await capture(() => t.http.get('/api/customers/analytics').set(admin));
    const isSegmentPass = (e: CommandStartedEvent) =>
      e.commandName === 'aggregate' &&
      (e.command['pipeline'] as Document[]).some((stage) => '$group' in stage && !('n' in stage['$group']));
    await expectIndexServed(events.filter((e) => !isSegmentPass(e)));
  });
});
