import type { Client } from 'openapi-fetch';
import type { paths, User, UserResponse } from '../../generated/src/clients/auth.js';
import { SiblingContract } from './contract.js';
import { siblingHttpClient } from './http.js';
import type { CallContext, Sibling } from './sibling.js';

export type AuthUser = User;
export type DesiredAuthState = 'active' | 'inactive';

/** How the Auth Service took an activate/deactivate call. */
export type SetActiveOutcome = 'applied' | 'already-in-state';

const USER_DATA = 'Unable to fetch user data';
const GET_USER = 'GET /api/internal/user/{userId}';
const USER_UPDATE = 'Unable to update the user in the Auth Service';

/** The administrator's `Authorization` value (`Bearer …`) a call carries: the caller's own, or one CRMS signed. */
export interface AdminBearer {
  authorization: string;
  credentials: 'caller' | 'crms';
}

/** Typed client of the Auth Service operations CRMS uses (`openapi/clients/auth.yaml`). */
export class AuthClient {
  private readonly http: Client<paths>;
  private readonly userBody: (body: unknown) => UserResponse;
  private readonly activatedBody: (body: unknown) => UserResponse;
  private readonly deactivatedBody: (body: unknown) => UserResponse;

  constructor(
    baseUrl: string,
    private readonly sibling: Sibling,
    private readonly apiKey: string,
  ) {
    this.http = siblingHttpClient<paths>(baseUrl);
    const contract = new SiblingContract('auth');
    this.userBody = contract.validator<UserResponse>('getInternalUser');
    this.activatedBody = contract.validator<UserResponse>('activateUser');
    this.deactivatedBody = contract.validator<UserResponse>('deactivateUser');
  }

  /** The user, or null when the Auth Service does not know it (404, or 400 for an id it cannot parse). */
  async getUser(userId: string, context: CallContext): Promise<AuthUser | null> {
    const spec = {
      operation: GET_USER,
      idempotent: true,
      credentials: 'crms' as const,
      failureMessage: USER_DATA,
      validate: this.userBody,
      send: (signal: AbortSignal) =>
        this.http.GET('/api/internal/user/{userId}', {
          params: { path: { userId }, header: { 'X-Request-Id': context.requestId } },
          headers: { 'X-Service-API-Key': this.apiKey },
          signal,
        }),
    };
    const outcome = await this.sibling.call(spec, context);
    if (outcome.ok) return outcome.data.data.user;
    if (outcome.status === 404 || outcome.status === 400) return null;
    throw this.sibling.refusal(spec, outcome.status, context);
  }

  /**
   * The user data the Auth Service gave for `getUser` cannot be used (it breaks the rules CRMS
   * applies to it): a 502 naming the Auth Service, logged with `path` under `/data/user`.
   */
  unusableUser(path: string, problem: string, context: CallContext): Error {
    return this.sibling.unusable({ operation: GET_USER, failureMessage: USER_DATA }, `/data/user${path}`, problem, context);
  }

  /**
   * Activates or deactivates the user with an administrator's bearer (see {@link AdminBearer}). A 400
   * saying the user is already in that state means the goal holds. PUTs are never retried here:
   * the Auth-sync outbox retries them later.
   */
  async setActive(
    userId: string,
    state: DesiredAuthState,
    { authorization, credentials }: AdminBearer,
    context: CallContext,
  ): Promise<SetActiveOutcome> {
    const path = state === 'active' ? '/api/admin/users/{userId}/activate' : '/api/admin/users/{userId}/deactivate';
    const spec = {
      operation: `PUT ${path}`,
      idempotent: false,
      credentials,
      failureMessage: USER_UPDATE,
      validate: state === 'active' ? this.activatedBody : this.deactivatedBody,
      send: (signal: AbortSignal) =>
        this.http.PUT(path, {
          params: { path: { userId }, header: { 'X-Request-Id': context.requestId } },
          headers: { Authorization: authorization },
          signal,
        }),
    };
    const outcome = await this.sibling.call(spec, context);
    if (outcome.ok) return 'applied';
    if (outcome.status === 400 && saysAlreadyInState(outcome.body)) return 'already-in-state';
    throw this.sibling.refusal(spec, outcome.status, context);
  }
}

/** "User is already active" / "User is already inactive": the Auth Service's 400 for a no-op. */
function saysAlreadyInState(body: unknown): boolean {
  if (typeof body !== 'object' || body === null) return false;
  const message = (body as { message?: unknown }).message;
  return typeof message === 'string' && /\balready\b/i.test(message);
}

/**
 * The user's registration time as an ISO-8601 date-time CRMS accepts as input (offset-less = UTC),
 * from any of the forms the Auth Service serves (`openapi/clients/auth.yaml`): ISO with `T` or a
 * space, an offset with or without its colon, or epoch milliseconds. Undefined when Auth has none.
 * A value that is not a date stays as it is, for the caller's rules to refuse.
 */
export function registrationTime(user: AuthUser): string | undefined {
  const value = user.createdAt;
  if (value === null || value === undefined) return undefined;
  if (typeof value === 'number') {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value) : date.toISOString();
  }
  return value.replace(/^(\d{4}-\d{2}-\d{2}) /, '$1T').replace(/([+-]\d{2})(\d{2})$/, '$1:$2');
}
