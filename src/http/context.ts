import type { Request } from 'express';
import type { ApiError } from '../errors.js';

/** Who is calling: a user with a verified access token, or a sibling service with the API key. */
export type Principal =
  | { kind: 'user'; userId: string; email: string | undefined; role: 'customer' | 'administrator'; authorization: string }
  | { kind: 'service'; header: 'X-Service-API-Key' | 'X-API-Key' }
  /** A metrics scraper holding `METRICS_TOKEN` (accepted by `GET /metrics` only). */
  | { kind: 'scraper' };

/** Keyed by the request object: handlers hold it under their operation's request type. */
const principals = new WeakMap<object, Principal>();
const authErrors = new WeakMap<Request, ApiError>();
const requestIds = new WeakMap<object, string>();

export function setPrincipal(req: Request, principal: Principal): void {
  principals.set(req, principal);
}

export function principalOf(req: Request): Principal | undefined {
  return principals.get(req);
}

/** The authenticated user of a bearer-secured operation (the security handler guarantees one). */
export function userOf(req: object): Extract<Principal, { kind: 'user' }> {
  const principal = principals.get(req);
  if (principal?.kind !== 'user') throw new Error('userOf() called on a request without an authenticated user');
  return principal;
}

/** The validator reports security failures as bare 401/403s; the typed cause is kept here for the error mapper. */
export function setAuthError(req: Request, error: ApiError): void {
  authErrors.set(req, error);
}

export function authErrorOf(req: Request): ApiError | undefined {
  return authErrors.get(req);
}

export function setRequestId(req: Request, id: string): void {
  requestIds.set(req, id);
}

export function requestIdOf(req: object): string {
  return requestIds.get(req) ?? 'unknown';
}
