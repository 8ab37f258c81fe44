import { MongoServerError, type Collection, type Db } from 'mongodb';

export interface IdempotencyRecord {
  _id: string;
  requestHash: string;
  state: 'pending' | 'done';
  status?: number;
  response?: unknown;
  createdAt: Date;
  expiresAt: Date;
}

/** Idempotency keys of the internal statistics endpoint, kept for `retentionMs` (≥ 24 h). */
export class IdempotencyRepository {
  private readonly collection: Collection<IdempotencyRecord>;

  constructor(
    db: Db,
    private readonly retentionMs = 24 * 3600 * 1000,
  ) {
    this.collection = db.collection<IdempotencyRecord>('idempotency_keys');
  }

  /** Claims the key for this request; returns the existing record when someone already holds it. */
  async claim(key: string, requestHash: string, now = new Date()): Promise<IdempotencyRecord | null> {
    try {
      await this.collection.insertOne({
        _id: key,
        requestHash,
        state: 'pending',
        createdAt: now,
        expiresAt: new Date(now.getTime() + this.retentionMs),
      });
      return null;
    } catch (err) {
      if (!(err instanceof MongoServerError) || err.code !== 11000) throw err;
    }
    const existing = await this.collection.findOne({ _id: key });
    if (existing && existing.expiresAt.getTime() < now.getTime()) {
      await this.collection.deleteOne({ _id: key, createdAt: existing.createdAt });
      return this.claim(key, requestHash, now);
    }
    return existing;
  }

  async complete(key: string, status: number, response: unknown): Promise<void> {
    await this.collection.updateOne({ _id: key }, { $set: { state: 'done', status, response } });
  }

  async release(key: string): Promise<void> {
    await this.collection.deleteOne({ _id: key, state: 'pending' });
  }

  /** Removes expired keys (the database may lack TTL indexes, so this runs periodically). */
  async purgeExpired(now = new Date()): Promise<number> {
    const result = await this.collection.deleteMany({ expiresAt: { $lt: now } });
    return result.deletedCount;
  }
}
