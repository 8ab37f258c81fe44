/** The settings of `make bench`, from the environment (see bench/run.ts for the list). */
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';

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

export const round = (n: number, digits = 2) => Math.round(n * 10 ** digits) / 10 ** digits;
