/**
 * Bulk-loads N realistic customers into a database for the benchmark: Indian names, +91 numbers,
 * skewed statuses and types, order and complaint statistics, and the real search keys
 * (src/domain/search-keys.ts). Inserts in unordered batches, then creates the service's indexes.
 *
 *   node dist/bench/seed.js [N]        (BENCH_CUSTOMERS, BENCH_MONGODB_URI, BENCH_DB)
 */
import { MongoClient, type Db } from 'mongodb';
import { CUSTOMERS_COLLECTION, type CustomerDocument, type CustomerStatus, type CustomerType } from '../src/data/customer-document.js';
import { ensureIndexes } from '../src/data/indexes.js';
import { customerRecord } from '../support/customer-records.js';

const FIRST = [
  'Aarav',
  'Vivaan',
  'Aditya',
  'Vihaan',
  'Arjun',
  'Sai',
  'Reyansh',
  'Ayaan',
  'Krishna',
  'Ishaan',
  'Rohan',
  'Rahul',
  'Amit',
  'Suresh',
  'Ramesh',
  'Vikram',
  'Karthik',
  'Manoj',
  'Rajesh',
  'Sanjay',
  'Anil',
  'Deepak',
  'Harish',
  'Naveen',
  'Priya',
  'Ananya',
  'Diya',
  'Aadhya',
  'Saanvi',
  'Pari',
  'Isha',
  'Kavya',
  'Meera',
  'Lakshmi',
  'Pooja',
  'Sneha',
  'Divya',
  'Neha',
  'Anjali',
  'Shreya',
  'Nandini',
  'Swati',
  'Revathi',
  'Gayatri',
  'Sunita',
  'Kiran',
  'Farhan',
  'Imran',
  'Zoya',
  'Ayesha',
  'Gurpreet',
  'Harpreet',
  'Simran',
  'Jaswinder',
  'Thomas',
  'Mary',
  'Joseph',
  'Anitha',
  'Bhavna',
  'Chetan',
];
const LAST = [
  'Sharma',
  'Verma',
  'Gupta',
  'Singh',
  'Kumar',
  'Patel',
  'Shah',
  'Mehta',
  'Iyer',
  'Iyengar',
  'Nair',
  'Menon',
  'Pillai',
  'Reddy',
  'Rao',
  'Naidu',
  'Chowdhury',
  'Banerjee',
  'Mukherjee',
  'Chatterjee',
  'Das',
  'Bose',
  'Ghosh',
  'Sen',
  'Joshi',
  'Kulkarni',
  'Deshpande',
  'Patil',
  'Jadhav',
  'Pawar',
  'Agarwal',
  'Jain',
  'Bansal',
  'Malhotra',
  'Kapoor',
  'Khanna',
  'Chopra',
  'Sethi',
  'Gill',
  'Sandhu',
  'Khan',
  'Sheikh',
  'Qureshi',
  'Fernandes',
  "D'Souza",
  'Thomas',
  'Varghese',
  'Krishnan',
  'Subramanian',
  'Venkatesh',
  'Hegde',
  'Shetty',
  'Kamath',
  'Bhat',
  'Mishra',
  'Tiwari',
  'Pandey',
  'Yadav',
];
const DOMAINS = ['gmail.com', 'gmail.com', 'gmail.com', 'yahoo.co.in', 'outlook.com', 'rediffmail.com', 'hotmail.com', 'example.in'];
const DAY = 24 * 3600 * 1000;

/** A small deterministic PRNG (mulberry32), so every run seeds the same data. */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rnd: () => number, list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;

function weighted<T>(rnd: () => number, choices: readonly [T, number][]): T {
  let r = rnd();
  for (const [value, weight] of choices) {
    if (r < weight) return value;
    r -= weight;
  }
  return (choices.at(-1) as [T, number])[0];
}

const STATUS: [CustomerStatus, number][] = [
  ['Active', 0.86],
  ['Inactive', 0.1],
  ['Suspended', 0.04],
];
const TYPE: [CustomerType, number][] = [
  ['Regular', 0.8],
  ['Premium', 0.15],
  ['VIP', 0.05],
];

function phone(rnd: () => number): string | undefined {
  const r = rnd();
  if (r < 0.08) return undefined;
  const national = `${6 + Math.floor(rnd() * 4)}${String(Math.floor(rnd() * 1e9)).padStart(9, '0')}`;
  if (r < 0.6) return `+91${national}`;
  if (r < 0.85) return `+91 ${national.slice(0, 5)} ${national.slice(5)}`;
  return national;
}

/** Customer number `i` of the data set (pure: the same i gives the same customer). */
export function customerAt(i: number, now: number): CustomerDocument {
  const rnd = prng(i * 2654435761 + 1);
  const first = pick(rnd, FIRST);
  const last = pick(rnd, LAST);
  const fullName = `${first} ${last}`;
  const email = `${first}.${last.replace(/'/g, '')}${i}@${pick(rnd, DOMAINS)}`.toLowerCase();
  const contactNumber = phone(rnd);
  const customerType = weighted(rnd, TYPE);
  const customerStatus = weighted(rnd, STATUS);
  // order counts: most customers few, a long tail many; higher tiers buy more
  const tierFactor = customerType === 'VIP' ? 6 : customerType === 'Premium' ? 2.5 : 1;
  const totalOrders = rnd() < 0.15 ? 0 : Math.min(2000, Math.floor((-Math.log(1 - rnd()) * 6 + 1) * tierFactor));
  const averageValue = 150 + rnd() * 3500 * (customerType === 'VIP' ? 2 : 1);
  const totalOrderValue = Math.round(totalOrders * averageValue * 100) / 100;
  const totalComplaints = rnd() < 0.8 ? 0 : 1 + Math.floor(rnd() * Math.min(10, totalOrders + 1));
  const openComplaints = totalComplaints === 0 ? 0 : Math.floor(rnd() * (Math.min(totalComplaints, 3) + 1));
  // 3 years of sign-ups, a few per cent in the last month
  const ageDays = rnd() < 0.04 ? rnd() * 30 : rnd() * 3 * 365;
  const customerSince = new Date(now - ageDays * DAY);
  const lastOrderDate = totalOrders > 0 ? new Date(now - rnd() * ageDays * DAY) : undefined;
  const lastComplaintDate = totalComplaints > 0 ? new Date(now - rnd() * ageDays * DAY) : undefined;
  return customerRecord({
    userId: i.toString(16).padStart(24, '0'),
    email,
    fullName,
    contactNumber,
    customerStatus,
    customerType,
    totalOrders,
    totalOrderValue,
    totalComplaints,
    openComplaints,
    lastOrderDate,
    lastComplaintDate,
    customerSince,
    tags: customerType === 'VIP' ? ['vip'] : [],
    preferences: { newsletter: rnd() < 0.3, notifications: true, language: pick(rnd, ['en', 'en', 'hi', 'ta', 'te', 'bn']) },
    createdAt: customerSince,
  });
}

export interface SeedOptions {
  db: Db;
  count: number;
  batchSize?: number;
  /** Batches in flight at once. */
  parallel?: number;
  log?: (line: string, final?: boolean) => void;
}

const defaultLog = (line: string, final = false) => process.stderr.write(`\r\x1b[2K${line}${final ? '\n' : ''}`);

function bar(done: number, total: number, width = 30): string {
  const filled = Math.round((done / total) * width);
  return `[${'#'.repeat(filled)}${'.'.repeat(width - filled)}]`;
}

/** Drops the collection, inserts `count` customers in batches with a progress bar, then creates the indexes. */
export async function seed({ db, count, batchSize = 2000, parallel = 2, log = defaultLog }: SeedOptions): Promise<void> {
  await db
    .collection(CUSTOMERS_COLLECTION)
    .drop()
    .catch(() => undefined);
  await db
    .collection('bench_meta')
    .drop()
    .catch(() => undefined);
  const now = Date.now();
  const started = performance.now();
  let next = 0;
  let done = 0;
  const worker = async () => {
    while (next < count) {
      const from = next;
      const to = Math.min(count, from + batchSize);
      next = to;
      const docs: CustomerDocument[] = [];
      for (let i = from; i < to; i++) docs.push(customerAt(i, now));
      await db.collection<CustomerDocument>(CUSTOMERS_COLLECTION).insertMany(docs, { ordered: false });
      done += docs.length;
      const seconds = (performance.now() - started) / 1000;
      const rate = done / seconds;
      log(
        `[seed] ${bar(done, count)} ${done.toLocaleString('en')}/${count.toLocaleString('en')} ${Math.round(rate).toLocaleString('en')} docs/s ETA ${Math.round((count - done) / rate)} s`,
      );
    }
  };
  await Promise.all(Array.from({ length: parallel }, worker));
  const insertSeconds = (performance.now() - started) / 1000;
  log(`[seed] ${count.toLocaleString('en')} customers inserted in ${insertSeconds.toFixed(1)} s`, true);
  const indexStarted = performance.now();
  log('[seed] creating indexes…', true);
  await ensureIndexes(db);
  const indexSeconds = (performance.now() - indexStarted) / 1000;
  log(`[seed] indexes created in ${indexSeconds.toFixed(1)} s`, true);
  await db.collection('bench_meta').insertOne({ count, seededAt: new Date(), insertSeconds, indexSeconds, version: SEED_VERSION });
}

/** Bumped whenever customerAt() changes, so stale data sets are re-seeded. */
export const SEED_VERSION = 1;

export async function seededCount(db: Db): Promise<number | undefined> {
  const meta = await db.collection('bench_meta').findOne({ version: SEED_VERSION });
  return meta ? Number(meta['count']) : undefined;
}

const isEntryPoint = process.argv[1] !== undefined && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isEntryPoint) {
  const count = Number(process.argv[2] ?? process.env['BENCH_CUSTOMERS'] ?? 100_000);
  const uri = process.env['BENCH_MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
  const client = await MongoClient.connect(uri);
  try {
    await seed({ db: client.db(process.env['BENCH_DB'] ?? `crms_bench_${count}`), count });
  } finally {
    await client.close();
  }
}
