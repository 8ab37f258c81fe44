import { MongoClient, type CommandFailedEvent, type CommandSucceededEvent, type Db } from 'mongodb';
import type { Config } from '../config.js';
import { ServiceUnavailableError } from '../errors.js';
import type { WriteLocks } from './write-lock.js';

export interface Database {
  client: MongoClient;
  db: Db;
  /** FerretDB v1 applies updates as read-modify-write; see write-lock.ts. */
  isFerretDb: boolean;
}

/** Creates the client (pool sizes, short server selection so an outage answers 503 quickly). */
export function createMongoClient(config: Config['mongo']): MongoClient {
  return new MongoClient(config.uri, {
    minPoolSize: config.minPoolSize,
    maxPoolSize: config.maxPoolSize,
    serverSelectionTimeoutMS: config.serverSelectionTimeoutMs,
    // a refused connection fails at once; a handshake with a busy database may take a while
    connectTimeoutMS: 5_000,
    // notice a database that is back within a second (recovery needs no restart)
    heartbeatFrequencyMS: 1_000,
    socketTimeoutMS: 30_000,
    // fail fast: an unreachable database answers 503 within about one server-selection timeout
    // (callers retry); a retried read would wait twice
    retryWrites: false,
    retryReads: false,
    appName: 'crms',
    // command monitoring feeds the database latency metrics (observeCommands)
    monitorCommands: true,
  });
}

/** Receives the latency of every database command the client runs. */
export type CommandObserver = (command: string, outcome: 'success' | 'failure', durationSeconds: number) => void;

/**
 * Reports each command's latency (the driver's command monitoring: `commandSucceeded` and
 * `commandFailed` carry the name and the duration in ms). Returns a function that detaches it.
 */
export function observeCommands(client: MongoClient, observe: CommandObserver): () => void {
  const succeeded = (event: CommandSucceededEvent) => observe(event.commandName, 'success', event.duration / 1000);
  const failed = (event: CommandFailedEvent) => observe(event.commandName, 'failure', event.duration / 1000);
  client.on('commandSucceeded', succeeded);
  client.on('commandFailed', failed);
  return () => {
    client.off('commandSucceeded', succeeded);
    client.off('commandFailed', failed);
  };
}

/** Connects and identifies the server; throws when it cannot be reached. */
export async function connectDatabase(config: Config['mongo'], client = createMongoClient(config)): Promise<Database> {
  await client.connect();
  const db = client.db(config.dbName);
  const info = await db.admin().command({ buildInfo: 1 });
  return { client, db, isFerretDb: typeof info['ferretdbVersion'] === 'string' };
}

/**
 * The driver option that gives a read a server-side time limit (`maxTimeMS`), or none. Past it the
 * database stops the work and answers MaxTimeMSExpired (a 503, see unavailable.ts).
 */
export function readTimeLimit(ms: number | undefined): { maxTimeMS?: number } {
  return ms === undefined ? {} : { maxTimeMS: ms };
}

/**
 * One time limit shared by the reads that make one answer: each read, as it starts, gets what is
 * left of it as its `maxTimeMS`, and once nothing is left the answer is a 503 without another read.
 * An answer made of reads one after another (the analytics on FerretDB: nine of them) is thereby
 * bounded as a whole, not each read on its own, whose limits add up (docs/benchmark.md,
 * "Measurements behind the code").
 */
export function readDeadline(ms: number | undefined): () => { maxTimeMS?: number } {
  if (ms === undefined) return () => ({});
  const end = Date.now() + ms;
  return () => {
    const left = end - Date.now();
    if (left <= 0) throw new ServiceUnavailableError();
    return { maxTimeMS: left };
  };
}

/** Round trip to the database, for readiness. */
export async function pingDatabase(db: Db): Promise<number> {
  const started = performance.now();
  await db.command({ ping: 1 });
  return Math.round((performance.now() - started) * 10) / 10;
}

/**
 * One small write through the path the service's writes take (the write lease where there is one),
 * for readiness: a database can answer pings and reads while it refuses writes.
 */
export async function probeWrites(db: Db, locks: WriteLocks): Promise<void> {
  const probes = db.collection<{ _id: string; at: Date }>('health');
  await locks.withLock('health:write-probe', () =>
    probes.updateOne({ _id: 'write-probe' }, { $set: { at: new Date() } }, { upsert: true }),
  );
}
