import express, { type NextFunction, type Request, type RequestHandler, type Response } from 'express';
import { parse as typeParse } from 'content-type';
import { UnsupportedMediaTypeError } from '../errors.js';

export const BODY_LIMIT = '100kb';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** The charset of a Content-Type header (lower-case), or undefined when it names none. */
function charsetOf(contentType: string | undefined): string | undefined {
  if (!contentType) return undefined;
  try {
    return typeParse(contentType).parameters['charset']?.toLowerCase();
  } catch {
    return undefined;
  }
}

/**
 * Refuses bodies that are not JSON, or JSON in a charset other than UTF-8 (415), before anything
 * parses them: the JSON parser would decode UTF-7, UTF-16 and others, and a UTF-7 body can smuggle
 * characters past anything that inspects the raw bytes.
 */
export function requireJsonBodies() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is('application/json')) {
      next(new UnsupportedMediaTypeError());
      return;
    }
    const charset = hasBody ? charsetOf(req.get('content-type')) : undefined;
    if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') {
      next(new UnsupportedMediaTypeError(`Request bodies must be UTF-8 (charset=${charset} is not accepted)`));
      return;
    }
    next();
  };
}

/** JSON parser with the body limit; keys that could reach an object's prototype make the body malformed. */
export function jsonBody() {
  return express.json({
    limit: BODY_LIMIT,
    strict: true,
    reviver(key: string, value: unknown) {
      if (FORBIDDEN_KEYS.has(key)) throw new SyntaxError(`Forbidden key "${key}"`);
      return value;
    },
  });
}

/**
 * The validator's middlewares with `bodyParsers` placed right after its security middleware: the
 * operation's credentials are checked before its body is read, so a client without them is
 * answered 401/403 at once instead of being waited for while it sends a body.
 */
export function withBodyAfterSecurity(validator: readonly RequestHandler[], ...bodyParsers: RequestHandler[]): RequestHandler[] {
  const at = validator.findIndex((middleware) => middleware.name === 'securityMiddleware');
  if (at === -1) throw new Error('express-openapi-validator has no securityMiddleware: bodies cannot be read after authentication');
  return [...validator.slice(0, at + 1), ...bodyParsers, ...validator.slice(at + 1)];
}
