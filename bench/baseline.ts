/**
 * The benchmark's baseline: bare `node:http` and the same MongoDB driver, each route doing the one
 * naive query of its scenario (no validation, no auth, no envelope beyond JSON.stringify):
 *   GET   /id/:id                       findOne({_id})
 *   GET   /list?status&type&sortBy&sortOrder&skip&limit
 *                                       find(filter).sort({field, _id}).skip().limit() + countDocuments(filter)
 *   GET   /search?q&limit               unanchored case-insensitive regex over fullName/email/contactNumber + countDocuments
 *   GET   /analytics                    the same figures computed on every request (no cache)
 *   PATCH /inc/:id                      updateOne({_id}, {$inc: {totalOrders: 1, totalOrderValue: 100}})
 *
 *   BENCH_MONGODB_URI, BENCH_DB, PORT; prints "listening <port>" when ready (and sends it to an IPC parent).
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { MongoClient, ObjectId, type Document, type Filter, type Sort } from 'mongodb';
import { CUSTOMERS_COLLECTION } from '../src/data/customer-document.js';
import { runAll } from '../src/data/run-all.js';

const uri = process.env['BENCH_MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
// timeoutMS (client-side operation timeout, sent as maxTimeMS): the database drops a query the load
// generator has given up on (BENCH_REQUEST_TIMEOUT_S), instead of piling it up (see bench/run.ts)
const client = await MongoClient.connect(uri, { maxPoolSize: 50, timeoutMS: Number(process.env['BENCH_BASELINE_TIMEOUT_MS'] ?? 55_000) });
const db = client.db(process.env['BENCH_DB'] ?? 'crms_bench_100000');
const customers = db.collection(CUSTOMERS_COLLECTION);
const isFerretDb = typeof (await db.admin().command({ buildInfo: 1 }))['ferretdbVersion'] === 'string';

const send = (res: ServerResponse, status: number, body: unknown) => {
  const text = JSON.stringify(body);
  res.writeHead(status, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(text) });
  res.end(text);
};

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
const DAY = 24 * 3600 * 1000;
const SUMS = ['totalOrders', 'totalOrderValue', 'totalComplaints', 'openComplaints'] as const;

async function analytics(): Promise<Document> {
  const now = Date.now();
  // FerretDB v1 computes only the first accumulator of a $group (FerretDB#4616): one per pipeline
  // there, one after another as CRMS does (each reads the whole collection into FerretDB's memory)
  const groups = isFerretDb
    ? await runAll(
        true,
        [['count', 1] as const, ...SUMS.map((f) => [f, `$${f}`] as const)].map(
          ([name, expr]) =>
            () =>
              customers.aggregate([{ $group: { _id: { s: '$customerStatus', t: '$customerType' }, [name]: { $sum: expr } } }]).toArray(),
        ),
      )
    : [
        await customers
          .aggregate([
            {
              $group: {
                _id: { s: '$customerStatus', t: '$customerType' },
                count: { $sum: 1 },
                ...Object.fromEntries(SUMS.map((f) => [f, { $sum: `$${f}` }])),
              },
            },
          ])
          .toArray(),
      ];
  const [open, new7, new30, top] = await runAll<[number, number, number, Document[]]>(isFerretDb, [
    () => customers.countDocuments({ openComplaints: { $gt: 0 } }),
    () => customers.countDocuments({ customerSince: { $gte: new Date(now - 7 * DAY) } }),
    () => customers.countDocuments({ customerSince: { $gte: new Date(now - 30 * DAY) } }),
    () => customers.find({}, { sort: { totalOrderValue: -1, _id: -1 }, limit: 5 }).toArray(),
  ]);
  return { groups, open, new7, new30, top };
}

async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
  const url = new URL(req.url ?? '/', 'http://localhost');
  const [, route, arg] = url.pathname.split('/');
  const q = url.searchParams;
  if (req.method === 'GET' && route === 'id' && arg) {
    const doc = await customers.findOne({ _id: new ObjectId(arg) });
    return send(res, doc ? 200 : 404, doc);
  }
  if (req.method === 'GET' && route === 'list') {
    const filter: Filter<Document> = {};
    if (q.get('status')) filter['customerStatus'] = q.get('status');
    if (q.get('type')) filter['customerType'] = q.get('type');
    const dir = q.get('sortOrder') === 'asc' ? 1 : -1;
    const sort: Sort = { [q.get('sortBy') ?? 'createdAt']: dir, _id: dir };
    const [items, total] = await Promise.all([
      customers.find(filter, { sort, skip: Number(q.get('skip') ?? 0), limit: Number(q.get('limit') ?? 20) }).toArray(),
      customers.countDocuments(filter),
    ]);
    return send(res, 200, { items, total });
  }
  if (req.method === 'GET' && route === 'search') {
    const re = { $regex: escape(q.get('q') ?? ''), $options: 'i' };
    const filter = { $or: [{ fullName: re }, { email: re }, { contactNumber: re }] };
    const [items, total] = await Promise.all([
      customers.find(filter, { limit: Number(q.get('limit') ?? 20) }).toArray(),
      customers.countDocuments(filter),
    ]);
    return send(res, 200, { items, total });
  }
  if (req.method === 'GET' && route === 'analytics') return send(res, 200, await analytics());
  if (req.method === 'PATCH' && route === 'inc' && arg) {
    for await (const chunk of req) void chunk; // drain the body like a real handler would read it
    const result = await customers.updateOne({ _id: new ObjectId(arg) }, { $inc: { totalOrders: 1, totalOrderValue: 100 } });
    return send(res, result.matchedCount ? 200 : 404, { ok: true });
  }
  send(res, 404, { error: 'not found' });
}

const server = createServer((req, res) => {
  handle(req, res).catch((err: unknown) => send(res, 500, { error: String(err) }));
});
server.keepAliveTimeout = 65_000;
server.listen(Number(process.env['PORT'] ?? 0), '127.0.0.1', () => {
  const address = server.address();
  const port = typeof address === 'object' && address ? address.port : 0;
  process.stdout.write(`listening ${port}\n`);
  // the benchmark starts it with PORT=0 and an IPC channel, and learns the port as from CRMS
  if (process.send) {
    process.send({ crms: 'listening', port });
    process.channel?.unref();
  }
});
const stop = () => server.close(() => void client.close().then(() => process.exit(0)));
process.on('SIGTERM', stop);
process.on('SIGINT', stop);
