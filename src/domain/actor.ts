/**
 * The administrator on whose behalf a service acts: the id recorded in histories and `updatedBy`,
 * and the caller's `Authorization` value, forwarded only to the Auth Service when a status change
 * is delivered on the caller's behalf. The HTTP layer's authenticated user satisfies it.
 */
export interface Actor {
  userId: string;
  authorization: string;
}
