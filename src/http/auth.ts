import { timingSafeEqual, createHash, createSecretKey, type KeyObject } from 'node:crypto';
import type { Request } from 'express';
import jwt from 'jsonwebtoken';
import { LRUCache } from 'lru-cache';
import type { Config } from '../config.js';
import { ForbiddenError, UnauthorizedError, type ApiError } from '../errors.js';
import { setAuthError, setPrincipal, type Principal } from './context.js';

type UserPrincipal = Extract<Principal, { kind: 'user' }>;

/** Who may call an operation, by its tag in the spec. */
export type Audience = 'customer' | 'admin' | 'internal' | 'public';

export function audienceOfTags(tags: readonly string[] | undefined): Audience {
  if (tags?.includes('Admin') || tags?.includes('Webhooks')) return 'admin';
  if (tags?.includes('Customer')) return 'customer';
  if (tags?.includes('Internal')) return 'internal';
  return 'public';
}

function normaliseRole(role: unknown): UserPrincipal['role'] | undefined {
  if (typeof role !== 'string') return undefined;
  const r = role.trim().toLowerCase();
  if (r === 'customer') return 'customer';
  if (r === 'administrator' || r === 'admin') return 'administrator';
  return undefined;
}

/**
 * The HMAC key as a KeyObject, made once per secret: given a string, jsonwebtoken tries to parse
 * it as a PEM public key on every call (createPublicKey, which throws for a shared secret), a cost
 * paid per request (figures: docs/benchmark.md).
 */
const secretKeys = new Map<string, KeyObject>();
function secretKeyOf(secret: string): KeyObject {
  let key = secretKeys.get(secret);
  if (!key) {
    key = createSecretKey(Buffer.from(secret, 'utf8'));
    secretKeys.set(secret, key);
  }
  return key;
}

/** A token that verified, with its expiry (seconds since the epoch). */
interface VerifiedToken {
  readonly user: UserPrincipal;
  readonly exp: number;
}

/** How many verified tokens each configuration remembers (least recently used dropped first). */
export const VERIFIED_TOKEN_CACHE_SIZE = 10_000;

/**
 * Tokens that verified, by their exact compact form, per JWT configuration. A client sends the same
 * token with every request until it expires; its HMAC and claims are checked once and afterwards
 * only its expiry (docs/decisions/0004-verified-token-cache.md). Only tokens that verified
 * are kept, so forged or malformed tokens cannot fill the cache, and a changed byte is a new key.
 */
const verifiedTokens = new WeakMap<Config['jwt'], LRUCache<string, VerifiedToken>>();
function verifiedTokensOf(config: Config['jwt']): LRUCache<string, VerifiedToken> {
  let cache = verifiedTokens.get(config);
  if (!cache) {
    cache = new LRUCache<string, VerifiedToken>({ max: VERIFIED_TOKEN_CACHE_SIZE });
    verifiedTokens.set(config, cache);
  }
  return cache;
}

/** jsonwebtoken's own expiry rule: expired from `exp + clockTolerance` on, in whole seconds. */
function hasExpired(exp: number, config: Config['jwt']): boolean {
  return Math.floor(Date.now() / 1000) >= exp + config.clockToleranceSeconds;
}

/**
 * Verifies an access token signed by the Auth Service: algorithm pinned, `exp` required,
 * small clock skew, refresh tokens (`tokenId`, or `type`/`token_type` "refresh") refused, user id from `userId` (or `sub`).
 * A token that verified before is answered from the cache while it has not expired.
 */
export function verifyAccessToken(authorization: string | undefined, config: Config['jwt']): UserPrincipal {
  const match = authorization ? /^Bearer ([A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*)$/i.exec(authorization.trim()) : null;
  if (!authorization) throw new UnauthorizedError('Authorization header with a Bearer token is required');
  if (!match?.[1]) throw new UnauthorizedError('Authorization header must be "Bearer <JWT>"');
  const token = match[1];
  const cache = verifiedTokensOf(config);
  const known = cache.get(token);
  if (known) {
    if (!hasExpired(known.exp, config)) return { ...known.user };
    cache.delete(token);
    throw new UnauthorizedError('The access token has expired');
  }
  const verified = verifyTokenSignatureAndClaims(token, config);
  cache.set(token, verified);
  return { ...verified.user };
}

/** Claims that name a token's kind; a refresh token is marked `refresh` in one of them (any case). */
const TOKEN_KIND_CLAIMS = ['type', 'token_type', 'typ'] as const;

/** The Auth Service's refresh tokens carry `tokenId`, or say so in `type` / `token_type` (`typ` elsewhere). */
function isRefreshToken(payload: jwt.JwtPayload): boolean {
  if ('tokenId' in payload) return true;
  return TOKEN_KIND_CLAIMS.some((claim) => {
    const kind: unknown = payload[claim];
    return typeof kind === 'string' && kind.trim().toLowerCase() === 'refresh';
  });
}

function verifyTokenSignatureAndClaims(token: string, config: Config['jwt']): VerifiedToken {
  let payload: string | jwt.JwtPayload;
  try {
    payload = jwt.verify(token, secretKeyOf(config.secret), {
      algorithms: [config.algorithm],
      clockTolerance: config.clockToleranceSeconds,
    });
  } catch (err) {
    const expired = err instanceof jwt.TokenExpiredError;
    throw new UnauthorizedError(expired ? 'The access token has expired' : 'The access token is invalid');
  }
  if (typeof payload === 'string') throw new UnauthorizedError('The access token is invalid');
  if (typeof payload.exp !== 'number') throw new UnauthorizedError('The access token must carry an expiry (exp)');
  if (isRefreshToken(payload)) throw new UnauthorizedError('A refresh token cannot be used as an access token');
  const userId = typeof payload['userId'] === 'string' && payload['userId'] ? payload['userId'] : payload.sub;
  if (typeof userId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(userId)) {
    throw new UnauthorizedError('The access token does not name a valid user');
  }
  const role = normaliseRole(payload['role']);
  if (!role) throw new UnauthorizedError('The access token does not carry a known role');
  const email = typeof payload['email'] === 'string' ? payload['email'] : undefined;
  return { user: { kind: 'user', userId, email, role, authorization: `Bearer ${token}` }, exp: payload.exp };
}

type Verification = { authorization: string | undefined } & ({ user: UserPrincipal } | { error: unknown });
const verifications = new WeakMap<Request, Verification>();

/**
 * verifyAccessToken of the request's Authorization header, done once per request: the rate limiter
 * keys by the verified user before the security handler needs the same answer. A request whose
 * header changed in between is verified again.
 */
export function verifyRequestToken(req: Request, config: Config['jwt']): UserPrincipal {
  const authorization = req.get('authorization');
  let verification = verifications.get(req);
  if (!verification || verification.authorization !== authorization) {
    try {
      verification = { authorization, user: verifyAccessToken(authorization, config) };
    } catch (error) {
      verification = { authorization, error };
    }
    verifications.set(req, verification);
  }
  if ('error' in verification) throw verification.error;
  return verification.user;
}

const digest = (value: string) => createHash('sha256').update(value).digest();

/** Compares an API key in constant time (hashing first makes the lengths equal). */
export function apiKeyMatches(candidate: string | undefined, expected: string): boolean {
  if (candidate === undefined) return false;
  return timingSafeEqual(digest(candidate), digest(expected));
}

interface OperationSchema {
  tags?: string[];
}

function operationOf(req: Request): OperationSchema {
  const openapi = (req as Request & { openapi?: { schema?: OperationSchema } }).openapi;
  return openapi?.schema ?? {};
}

/** Security handlers for express-openapi-validator, one per security scheme of the spec. */
export function securityHandlers(config: Config) {
  const fail = (req: Request, error: ApiError): never => {
    setAuthError(req, error);
    throw Object.assign(new Error(error.errors[0]?.message ?? error.message), { status: error.status });
  };
  const apiKeyHandler =
    (header: 'X-Service-API-Key' | 'X-API-Key') =>
    (req: Request): boolean => {
      if (!apiKeyMatches(req.get(header), config.services.apiKey)) {
        fail(req, new UnauthorizedError('A valid service API key is required', header, 'Invalid or missing service API key'));
      }
      setPrincipal(req, { kind: 'service', header });
      return true;
    };
  return {
    bearerAuth: (req: Request): boolean => {
      let user: UserPrincipal;
      try {
        user = verifyRequestToken(req, config.jwt);
      } catch (err) {
        return fail(req, err as ApiError);
      }
      if (audienceOfTags(operationOf(req).tags) === 'admin' && user.role !== 'administrator') {
        fail(req, new ForbiddenError());
      }
      setPrincipal(req, user);
      return true;
    },
    serviceApiKey: apiKeyHandler('X-Service-API-Key'),
    serviceApiKeyAlt: apiKeyHandler('X-API-Key'),
    metricsToken: (req: Request): boolean => {
      const token = /^Bearer\s+(\S+)$/i.exec(req.get('authorization') ?? '')?.[1];
      if (!config.metricsToken || !apiKeyMatches(token, config.metricsToken)) {
        fail(req, new UnauthorizedError('The service API key or the metrics token is required'));
      }
      setPrincipal(req, { kind: 'scraper' });
      return true;
    },
  };
}
