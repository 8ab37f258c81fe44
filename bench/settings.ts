/** The settings of `make bench`, from the environment (see bench/run.ts for the list). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import jwt from 'jsonwebtoken';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const N = Number(process.env['BENCH_CUSTOMERS'] ?? 100_000);
export const DURATION = Number(process.env['BENCH_DURATION'] ?? 10);
export const CONNECTIONS = Number(process.env['BENCH_CONNECTIONS'] ?? 10);
export const URI = process.env['BENCH_MONGODB_URI'] ?? 'mongodb://127.0.0.1:27017/';
export const DB_NAME = `crms_bench_${N}`;
export const JWT_SECRET = 'bench-jwt-secret-0123456789abcdef0123456789';
export const API_KEY = 'bench-service-api-key-0123456789';
export const PAGE_SIZE = 20;
export const LOG_DIR = join(ROOT, '.local', 'bench');
/** Connections for scenarios the local database answers by reading the whole collection (see scenarios.ts). */
export const HEAVY_CONNECTIONS = Number(process.env['BENCH_HEAVY_CONNECTIONS'] ?? 1);
export const REQUEST_TIMEOUT_S = Number(process.env['BENCH_REQUEST_TIMEOUT_S'] ?? 60);
/** Loads stop when the machine's available memory falls below this (it is shared with other work). */
export const MEMORY_FLOOR_MIB = Number(process.env['BENCH_MEMORY_FLOOR_MIB'] ?? 4096);
/** Seconds over which the database's CPU is measured with no request, without and with CRMS running. */
export const IDLE_SECONDS = Number(process.env['BENCH_IDLE_SECONDS'] ?? 30);
/** BENCH_SCENARIOS="GET by id,internal": only the scenarios whose names start so; report in .local/bench. */
export const ONLY = (process.env['BENCH_SCENARIOS'] ?? '')
  .split(',')
  .map((s) => s.trim().toLowerCase())
  .filter(Boolean);
/** Whether this run measures the scenario or figure named so (see ONLY). */
export const selected = (name: string) => ONLY.length === 0 || ONLY.some((o) => name.toLowerCase().startsWith(o));
/** Delivery throughput: events produced (BENCH_EVENTS), and how long to wait for them (BENCH_EVENTS_TIMEOUT_S). */
export const EVENTS = Number(process.env['BENCH_EVENTS'] ?? 2000);
export const EVENTS_TIMEOUT_S = Number(process.env['BENCH_EVENTS_TIMEOUT_S'] ?? 600);

/** The credentials of the requests: an administrator's token, and the service key of the internal routes. */
export const ADMIN = {
  authorization: `Bearer ${jwt.sign({ userId: 'bbbbbbbbbbbbbbbbbbbbbbbb', email: 'admin@example.com', role: 'Administrator' }, JWT_SECRET, {
    algorithm: 'HS256',
    expiresIn: '2h',
  })}`,
};
export const INTERNAL = { 'x-service-api-key': API_KEY };

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
