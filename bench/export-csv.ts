/**
 * Benchmark of `GET /api/customers/export.csv` (issue 8): seeds N customers into a fresh database,
 * exports them all through the real app over HTTP, and reports the process's RSS before, during (peak)
 * and after the export. A flat peak (independent of N) shows that the export streams with backpressure
 * instead of buffering. Run: `make bench-export` (N=100000) or `make bench-export BENCH_N=1000000`.
 */
import { spawnSync } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { writeFileSync, mkdirSync } from 'node:fs';
import { request, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';
import { createApp } from '../src/app.js';
import { loadConfig } from '../src/config.js';
import { CUSTOMERS_COLLECTION, type CustomerDocument } from '../src/data/customer-document.js';
import { CUSTOMER_TYPES } from '../src/domain/customer-record.js';
import { ensureIndexes } from '../src/data/indexes.js';
import { connectDatabase } from '../src/data/mongo.js';
import { customerRecord } from '../support/customer-records.js';
import { createLogger } from '../src/logger.js';
import { createContainer } from '../src/container.js';

const SEED_ONLY = process.argv[2] === '--seed';
const N = Number(SEED_ONLY ? process.argv[3] : (process.env['BENCH_N'] ?? process.argv[2] ?? 100_000));
const SEED_BATCH = 2000;
const SAMPLE_MS = 50;
const MB = 1024 * 1024;
const secret = `bench-secret-${randomBytes(16).toString('hex')}`;

const mb = (bytes: number) => Math.round((bytes / MB) * 10) / 10;
const gc = () => (globalThis as { gc?: () => void }).gc?.();

function customer(i: number, now: Date): CustomerDocument {
  const fullName = `Bench Customer ${i}`;
  const email = `bench.customer.${i}@example.com`;
  return customerRecord({
    userId: `bench${String(i).padStart(10, '0')}`,
    email,
    fullName,
    contactNumber: `+91 ${String(9_000_000_000 + i)}`,
    customerStatus: i % 10 === 0 ? 'Inactive' : 'Active',
    customerType: CUSTOMER_TYPES[i % CUSTOMER_TYPES.length] ?? 'Regular',
    totalOrders: i % 50,
    totalOrderValue: (i % 50) * 123.45,
    totalComplaints: i % 7,
    openComplaints: i % 3 === 0 ? 1 : 0,
    lastOrderDate: new Date(now.getTime() - (i % 365) * 86_400_000),
    customerSince: new Date(now.getTime() - (i % 1000) * 86_400_000),
    notes: i % 5 === 0 ? 'Prefers evening deliveries, "fragile" items, call first' : undefined,
    tags: i % 4 === 0 ? ['high-value', 'newsletter'] : [],
    preferences: { newsletter: i % 2 === 0, notifications: true, language: 'en' },
    createdAt: now,
  });
}

/** Streams the export over HTTP, counting bytes and rows without keeping them, sampling RSS meanwhile. */
function exportAll(port: number, token: string, onSample: () => void): Promise<{ status: number; bytes: number; rows: number }> {
  return new Promise((resolve, reject) => {
    const timer = setInterval(onSample, SAMPLE_MS);
    const req = request({ port, path: '/api/customers/export.csv', headers: { Authorization: `Bearer ${token}` } }, (res) => {
      let bytes = 0;
      let rows = 0;
      res.on('data', (chunk: Buffer) => {
        bytes += chunk.length;
        for (let i = chunk.indexOf(10); i !== -1; i = chunk.indexOf(10, i + 1)) rows++;
      });
      res.on('end', () => {
        clearInterval(timer);
        resolve({ status: res.statusCode ?? 0, bytes, rows: rows - 1 });
      });
      res.on('error', (err) => {
        clearInterval(timer);
        reject(err);
      });
    });
    req.on('error', (err) => {
      clearInterval(timer);
      reject(err);
    });
    req.end();
  });
}

function benchConfig(dbName: string) {
  return loadConfig({
    ...process.env,
    ENVIRONMENT: 'development',
    MONGODB_URI: process.env['MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/',
    MONGODB_DB_NAME: dbName,
    JWT_SECRET: secret,
    SERVICE_API_KEY: `bench-key-${randomBytes(16).toString('hex')}`,
    LOG_LEVEL: 'silent',
    VALIDATE_RESPONSES: 'false',
  });
}

/** Runs in a child process, so that the seeding's allocations do not inflate the measured process. */
async function seed(dbName: string): Promise<void> {
  const database = await connectDatabase(benchConfig(dbName).mongo);
  try {
    await ensureIndexes(database.db);
    const now = new Date();
    for (let from = 0; from < N; from += SEED_BATCH) {
      const batch = Array.from({ length: Math.min(SEED_BATCH, N - from) }, (_, k) => customer(from + k, now));
      await database.db.collection<CustomerDocument>(CUSTOMERS_COLLECTION).insertMany(batch, { ordered: false });
    }
  } finally {
    await database.client.close();
  }
}

async function main(): Promise<void> {
  const dbName = `crms_bench_${randomBytes(4).toString('hex')}`;
  const config = benchConfig(dbName);
  const logger = createLogger(config);
  const database = await connectDatabase(config.mongo);
  let server: Server | undefined;
  try {
    const seedStart = Date.now();
    const child = spawnSync(process.execPath, [fileURLToPath(import.meta.url), '--seed', String(N), dbName], { stdio: 'inherit' });
    if (child.status !== 0) throw new Error(`seeding failed (exit ${child.status})`);
    const seedSeconds = (Date.now() - seedStart) / 1000;

    const container = createContainer({ config, logger, database });
    const app = createApp(container);
    server = await new Promise<Server>((resolve) => {
      const s = app.listen(0, '127.0.0.1', () => resolve(s));
    });
    const port = (server.address() as AddressInfo).port;
    const token = jwt.sign({ userId: 'b'.repeat(24), role: 'Administrator' }, secret, { algorithm: 'HS256', expiresIn: 3600 });

    gc();
    const before = process.memoryUsage();
    let peakRss = before.rss;
    let peakHeap = before.heapUsed;
    const start = Date.now();
    const result = await exportAll(port, token, () => {
      const m = process.memoryUsage();
      peakRss = Math.max(peakRss, m.rss);
      peakHeap = Math.max(peakHeap, m.heapUsed);
    });
    const seconds = (Date.now() - start) / 1000;
    const afterNoGc = process.memoryUsage();
    gc();
    const after = process.memoryUsage();
    if (result.status !== 200 || result.rows !== N)
      throw new Error(`export answered ${result.status} with ${result.rows} rows, expected ${N}`);

    const report = {
      benchmark: 'GET /api/customers/export.csv',
      customers: N,
      database: database.isFerretDb ? 'FerretDB (local)' : 'MongoDB',
      node: process.version,
      date: new Date().toISOString(),
      seedSeconds,
      exportSeconds: seconds,
      rowsPerSecond: Math.round(N / seconds),
      csvMegabytes: mb(result.bytes),
      rssMegabytes: { before: mb(before.rss), peakDuringExport: mb(peakRss), afterExport: mb(afterNoGc.rss), afterGc: mb(after.rss) },
      heapUsedMegabytes: { before: mb(before.heapUsed), peakDuringExport: mb(peakHeap), afterGc: mb(after.heapUsed) },
      peakRssGrowthMegabytes: mb(peakRss - before.rss),
      peakRssGrowthAsShareOfCsv: Math.round(((peakRss - before.rss) / result.bytes) * 1000) / 1000,
    };
    console.log(JSON.stringify(report, null, 2));
    const out = join(dirname(fileURLToPath(import.meta.url)), '..', '..', 'bench', 'results', `export-csv-${N}.json`);
    if (process.env['BENCH_SAVE'] !== '0') {
      mkdirSync(dirname(out), { recursive: true });
      writeFileSync(out, `${JSON.stringify(report, null, 2)}\n`);
      console.log(`saved to ${out}`);
    }
    await container.stopBackgroundWork();
  } finally {
    const listening = server;
    if (listening) await new Promise((resolve) => listening.close(resolve));
    await database.db.dropDatabase().catch(() => undefined);
    await database.client.close();
  }
}

(SEED_ONLY ? seed(process.argv[4] ?? '') : main()).catch((err: unknown) => {
  console.error(err);
  process.exitCode = 1;
});
