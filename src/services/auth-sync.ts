import { randomUUID } from 'node:crypto';
import type { Logger } from 'pino';
import type { AdminBearer, AuthClient } from '../clients/index.js';
import { SiblingUnavailableError } from '../clients/index.js';
import type { Config } from '../config.js';
import type { AuthSyncOutbox, ClaimedCustomer } from '../data/auth-sync-outbox.js';
import type { CustomerRecord } from '../domain/customer-record.js';
import { ApiError } from '../errors.js';
import type { Actor } from '../domain/actor.js';
import { systemClock, type Clock } from '../domain/clock.js';
import { signAdminToken } from './admin-token.js';
import { BackgroundLoop } from './background-loop.js';
import type { AuthSyncPort, AuthSyncStatus } from './status-service.js';

/** Entries one worker pass claims at most, and how many it delivers at the same time. */
const BATCH_SIZE = 20;
const CONCURRENCY = 4;
/** Longest wait between two attempts of one entry. */
const MAX_RETRY_DELAY_MS = 5 * 60 * 1000;
/** A claim outlives the Auth call it covers by this much before another instance may take over. */
const CLAIM_GRACE_MS = 5_000;

/** Wait before attempt n+1 after n failed ones: exponential from the worker interval, half jittered. */
export function syncRetryDelay(failedAttempts: number, intervalMs: number, random = Math.random): number {
  const ceiling = Math.min(intervalMs * 2 ** Math.min(failedAttempts - 1, 30), MAX_RETRY_DELAY_MS);
  return Math.round(ceiling / 2 + random() * (ceiling / 2));
}

function reasonOf(err: unknown): string {
  if (err instanceof SiblingUnavailableError) return err.reason;
  if (err instanceof ApiError) return `Auth Service: ${err.errors[0]?.message ?? err.message}`;
  return err instanceof Error ? err.message : String(err);
}

/**
 * Propagates status changes to the Auth Service through the outbox on the customer document.
 *
 * - `syncNow`: right after the status write, with the administrator's own bearer; the entry was
 *   claimed by that same write, so no worker delivers it concurrently.
 * - The worker (`start`/`stop`): every `AUTH_SYNC_INTERVAL_MS` it claims due entries atomically (one
 *   instance wins each) and delivers the latest desired state with a token CRMS signs for the acting
 *   administrator. Failures back off exponentially; state lives in the database, so a restart or
 *   another instance carries on where this one stopped.
 */
export class AuthSync implements AuthSyncPort {
  private readonly instanceId = randomUUID();
  private readonly claimMs: number;
  private readonly loop: BackgroundLoop;
  private stopping = new AbortController();

  constructor(
    private readonly outbox: AuthSyncOutbox,
    private readonly auth: AuthClient,
    private readonly config: Config,
    private readonly logger: Logger,
    /** Decides which entries are due and when a failed one is tried again. */
    private readonly clock: Clock = systemClock,
    /** Called after each pass of the worker (not of runOnce called directly). */
    passed: () => void = () => {},
  ) {
    this.claimMs = config.services.timeoutMs + CLAIM_GRACE_MS;
    this.loop = new BackgroundLoop(
      () => this.runOnce(),
      config.authSyncIntervalMs,
      (err) => this.logger.warn({ err }, 'auth sync pass failed'),
      passed,
    );
  }

  claimForImmediateAttempt(now: Date): { claimedBy: string; claimedUntil: Date } {
    return { claimedBy: this.newClaim(), claimedUntil: new Date(now.getTime() + this.claimMs) };
  }

  async syncNow(customer: CustomerRecord, admin: Actor, requestId: string): Promise<{ state: AuthSyncStatus; customer: CustomerRecord }> {
    const sync = customer.authSync;
    if (sync?.status !== 'pending' || !sync.claimedBy) return { state: sync?.status ?? 'synced', customer };
    try {
      return await this.deliver(customer as ClaimedCustomer, { authorization: admin.authorization, credentials: 'caller' }, requestId);
    } catch (err) {
      // the status is saved and the claim expires: the worker takes over; the request still succeeds
      this.logger.error({ err, requestId, customerId: customer.id }, 'auth sync bookkeeping failed');
      return { state: 'pending', customer };
    }
  }

  /** Starts the background worker (idempotent). */
  start(): void {
    if (this.stopping.signal.aborted) return;
    this.loop.start(this.config.authSyncIntervalMs);
  }

  /** Stops the worker, aborting an Auth call in flight; its entry is released for a later attempt. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.loop.stop();
  }

  /** One pass over the due entries (also used by tests to avoid waiting for the timer). */
  async runOnce(): Promise<void> {
    const due = await this.outbox.findDue(this.clock.now(), BATCH_SIZE);
    const queue = [...due];
    const workers = Array.from({ length: Math.min(CONCURRENCY, queue.length) }, async () => {
      for (let doc = queue.shift(); doc && !this.stopping.signal.aborted; doc = queue.shift()) {
        await this.retry(doc);
      }
    });
    await Promise.all(workers);
  }

  private async retry(doc: CustomerRecord): Promise<void> {
    const claimed = await this.outbox.claim(doc, this.newClaim(), new Date(this.clock.now().getTime() + this.claimMs));
    if (!claimed) return;
    const token = signAdminToken(this.config, claimed.authSync.actingAdminId);
    const requestId = `crms-auth-sync-${randomUUID()}`;
    const { state } = await this.deliver(
      claimed,
      { authorization: `Bearer ${token}`, credentials: 'crms' },
      requestId,
      this.stopping.signal,
    );
    this.logger.info(
      { customerId: claimed.id, desiredState: claimed.authSync.desiredState, state, attempts: claimed.authSync.attempts + 1, requestId },
      'auth sync retried',
    );
  }

  private async deliver(
    customer: ClaimedCustomer,
    bearer: AdminBearer,
    requestId: string,
    signal?: AbortSignal,
  ): Promise<{ state: AuthSyncStatus; customer: CustomerRecord }> {
    const sync = customer.authSync;
    try {
      await this.auth.setActive(customer.userId, sync.desiredState, bearer, {
        requestId,
        ...(signal ? { signal } : {}),
      });
    } catch (err) {
      if (!(err instanceof ApiError)) this.logger.error({ err, requestId }, 'unexpected error while syncing with the Auth Service');
      const attempts = sync.attempts + 1;
      const now = this.clock.now();
      const released = await this.outbox.release(
        customer.id,
        sync.claimedBy,
        {
          attempts,
          nextAttemptAt: new Date(now.getTime() + syncRetryDelay(attempts, this.config.authSyncIntervalMs)),
          lastError: reasonOf(err),
        },
        now,
      );
      return { state: 'pending', customer: released ?? customer };
    }
    const synced = await this.outbox.markSynced(customer.id, sync.claimedBy, sync.desiredState, this.clock.now());
    // no match: a newer status change replaced the entry meanwhile; it stays pending for its own delivery
    return synced ? { state: 'synced', customer: synced } : { state: 'pending', customer };
  }

  private newClaim(): string {
    return `${this.instanceId}:${randomUUID()}`;
  }
}
