import { AsyncLocalStorage } from 'node:async_hooks';
import { randomUUID } from 'node:crypto';
import { MongoServerError, type Collection, type Db } from 'mongodb';
import { ServiceUnavailableError } from '../errors.js';
import { isDatabaseUnavailable } from './unavailable.js';

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

  // leases of this process whose release failed while the database was unavailable, by key: the
  // next writer of the key here takes it over at once instead of waiting out its expiry
  const unreleased = new Map<string, string>();

  async function acquire(key: string): Promise<string> {
    const owner = randomUUID();
    const deadline = Date.now() + ACQUIRE_DEADLINE_MS;
    let wait = 2;
    for (;;) {
      try {
        await locks.insertOne({ _id: key, owner, expiresAt: new Date(Date.now() + LEASE_MS) });
        unreleased.delete(key);
        return owner;
      } catch (err) {
        if (!(err instanceof MongoServerError) || err.code !== 11000) throw err;
      }
      const holder = await locks.findOne({ _id: key });
      // an expired lease (a crashed holder) or one this process could not release is taken over
      if (holder && (holder.expiresAt.getTime() < Date.now() || unreleased.get(key) === holder.owner)) {
        await locks.deleteOne({ _id: key, owner: holder.owner });
        continue;
      }
      if (Date.now() > deadline) {
        throw new ServiceUnavailableError('The customer record is busy; please retry', 'customer', 1);
      }
      await sleep(wait + Math.random() * wait);
      wait = Math.min(wait * 2, 50);
    }
  }

  // keys held by the current async call chain: taking a held lock again is re-entrant
  const held = new AsyncLocalStorage<ReadonlySet<string>>();
  // writers of this process queue per key (FIFO) so that only one of them at a time competes
  // for the database lease: no polling storm, no starvation under load
  const queues = new Map<string, Promise<void>>();
  // how many writes found the database unavailable; a writer that saw this change while it waited
  // in a queue fails fast, one that arrives later tries the database (no back-off outlives an outage)
  let unavailableCount = 0;

  async function queued<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = queues.get(key) ?? Promise.resolve();
    let release = () => {};
    const mine = new Promise<void>((resolve) => (release = resolve));
    const tail = previous.then(() => mine);
    queues.set(key, tail);
    await previous;
    try {
      return await fn();
    } finally {
      release();
      if (queues.get(key) === tail) queues.delete(key);
    }
  }

  function noteUnavailable(err: unknown): boolean {
    if (!isDatabaseUnavailable(err)) return false;
    unavailableCount++;
    return true;
  }

  return {
    enabled,
    async withLock(key, fn) {
      const current = held.getStore() ?? new Set<string>();
      if (current.has(key)) return fn();
      const seen = unavailableCount;
      return queued(key, async () => {
        // writers queued behind one that found the database unreachable fail fast too, so an
        // outage answers 503 within the server-selection timeout instead of one timeout per waiter
        if (unavailableCount !== seen) throw new ServiceUnavailableError();
        let owner: string;
        try {
          owner = await acquire(key);
        } catch (err) {
          noteUnavailable(err);
          throw err;
        }
        let unavailable = false;
        try {
          return await held.run(new Set([...current, key]), fn);
        } catch (err) {
          unavailable = noteUnavailable(err);
          throw err;
        } finally {
          const release = locks.deleteOne({ _id: key, owner }).catch((err: unknown) => {
            if (isDatabaseUnavailable(err)) unreleased.set(key, owner);
          });
          // with the database unreachable the answer does not wait for the release
          if (!unavailable) await release;
        }
      });
    },
  };
}
