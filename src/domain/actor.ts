import type { Precondition } from './customer-record.js';

/**
 * The administrator on whose behalf a service acts: the id recorded in histories and `updatedBy`,
 * and the caller's `Authorization` value, forwarded only to the Auth Service when a status change
 * is delivered on the caller's behalf. The HTTP layer's authenticated user satisfies it.
 */
export interface Actor {
  userId: string;
  authorization: string;
}

/**
 * What every administrator's write carries besides its own values: who acts, the record version
 * the client saw (`If-Match`; undefined writes on whatever is current) and the request id for logs
 * and calls to the siblings. Handlers build it once per request (see http/admin-write.ts).
 */
export interface AdminWrite {
  admin: Actor;
  ifMatch?: Precondition | undefined;
  requestId: string;
}
