import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import { ServiceUnavailableError } from '../errors.js';

interface LockDocument {
  _id: string;
  owner: string;
  expiresAt: Date;
}

export interface WriteLocks {
  /** Runs `fn` while holding the lock for `key` (a no-op wrapper where the database updates atomically). */
  withLock<T>(key: string, fn: () => Promise<T>): Promise<T>;
  readonly enabled: boolean;
}

const LEASE_MS = 10_000;
const ACQUIRE_DEADLINE_MS = 5_000;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Per-document write serialisation.
 *
 * MongoDB applies `$inc`, `$push` and filtered updates atomically on one document, so there this is a
 * pass-through. FerretDB v1 (our local/CI database) implements every update as read → modify → write
 * with no guard between the read and the write, so two concurrent `$inc`s can lose one. There, writes
 * to one customer take a lease in the `locks` collection first: inserting `{_id: key}` is atomic (unique
 * `_id`), works across any number of CRMS instances, and an expired lease (a crashed holder) is taken over.
 */
export function createWriteLocks(db: Db, enabled: boolean): WriteLocks {
  if (!enabled) {
    return { enabled, withLock: (_key, fn) => fn() };
  }
  const locks: Collection<LockDocument> = db.collection<LockDocument>('locks');

  async function acquire(key: string): Promise<string> {
    const owner = randomUUID();
    const deadline = Date.now() + ACQUIRE_DEADLINE_MS;
    let wait = 2;
    for (;;) {
      try {
        await locks.insertOne({ _id: key, owner, expiresAt: new Date(Date.now() + LEASE_MS) });
        return owner;
      } catch (err) {
        if (!(err instanceof MongoServerError) || err.code !== 11000) throw err;
      }
      const holder = await locks.findOne({ _id: key });
      if (holder && holder.expiresAt.getTime() < Date.now()) {
        await locks.deleteOne({ _id: key, owner: holder.owner });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError('The customer record is busy; please retry', 'customer');
      }
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 50);
    }
  }

  // keys held by the current async call chain: taking a held lock again is re-entrant
  const held = new AsyncLocalStorage<ReadonlySet<string>>();

  return {
    enabled,
    async withLock(key, fn) {
      const current = held.getStore() ?? new Set<string>();
      if (current.has(key)) return fn();
      const owner = await acquire(key);
      try {
        return await held.run(new Set([...current, key]), fn);
      } finally {
        await locks.deleteOne({ _id: key, owner }).catch(() => undefined);
      }
    },
  };
}
