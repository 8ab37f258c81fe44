import express, { type NextFunction, type Request, type Response } from 'express';
import { UnsupportedMediaTypeError } from '../errors.js';

export const BODY_LIMIT = '100kb';

const FORBIDDEN_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

/** Refuses bodies that are not JSON (415) before anything parses them. */
export function requireJsonBodies() {
  return (req: Request, _res: Response, next: NextFunction): void => {
    const hasBody = Number(req.get('content-length') ?? 0) > 0 || req.get('transfer-encoding') !== undefined;
    if (hasBody && !req.is('application/json')) {
      next(new UnsupportedMediaTypeError());
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
