import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import {
  ApiError,
  ConflictError,
  InternalError,
  PayloadTooLargeError,
  ServiceUnavailableError,
  UnsupportedMediaTypeError,
  ValidationError,
  type FieldError,
} from '../errors.js';
import { duplicateKeyField } from '../data/duplicate-key.js';
import { isDatabaseUnavailable } from '../data/unavailable.js';
import { authErrorOf, requestIdOf } from './context.js';

interface ValidatorErrorItem {
  path?: string;
  message?: string;
  errorCode?: string;
}

interface ValidatorError {
  status: number;
  message?: string;
  path?: string;
  errors: ValidatorErrorItem[];
  headers?: Record<string, string>;
}

function isValidatorError(err: unknown): err is ValidatorError {
  return (
    typeof err === 'object' &&
    err !== null &&
    typeof (err as { status?: unknown }).status === 'number' &&
    Array.isArray((err as { errors?: unknown }).errors)
  );
}

/** `/body/preferences/language` → `preferences.language`; `/query/limit` → `limit`; `/headers/if-match` → `If-Match`. */
export function fieldFromPath(path: string | undefined): string {
  if (!path) return 'request';
  const parts = path.replace(/^\./, '/').split('/').filter(Boolean);
  const location = parts.shift();
  if (location === 'headers' && parts[0]) {
    return parts[0]
      .split('-')
      .map((w) => w.charAt(0).toUpperCase() + w.slice(1))
      .join('-');
  }
  if (parts.length === 0) return location ?? 'request';
  return parts.join('.');
}

function humanise(item: ValidatorErrorItem): string {
  const message = item.message ?? 'is invalid';
  const allowed = /must be equal to one of the allowed values: (.*)$/.exec(message);
  if (allowed?.[1]) return `Must be one of: ${allowed[1]}`;
  return message.charAt(0).toUpperCase() + message.slice(1);
}

function fromValidator(err: ValidatorError, req: Request): ApiError {
  const typed = authErrorOf(req);
  if (typed && (err.status === 401 || err.status === 403)) return typed;
  switch (err.status) {
    case 400: {
      const errors: FieldError[] = err.errors.map((e) => ({ field: fieldFromPath(e.path), message: humanise(e) }));
      return new ValidationError(errors.length > 0 ? errors : [{ field: 'request', message: err.message ?? 'Invalid request' }]);
    }
    case 401:
      return new ApiError(
        401,
        'Authentication required',
        [{ field: 'authorization', message: err.errors[0]?.message ?? err.message ?? 'Authentication required' }],
        { 'WWW-Authenticate': 'Bearer' },
      );
    case 403:
      return new ApiError(403, 'Access denied', [{ field: 'authorization', message: err.message ?? 'Access denied' }]);
    case 404:
      return new ApiError(404, 'Route not found', [{ field: 'path', message: `No route matches ${req.method} ${req.path}` }]);
    case 405:
      return new ApiError(
        405,
        'Method not allowed',
        [{ field: 'method', message: `${req.method} is not allowed on ${req.path}` }],
        err.headers ?? {},
      );
    case 413:
      return new PayloadTooLargeError('100kb');
    case 415:
      return new UnsupportedMediaTypeError();
    default:
      return new InternalError();
  }
}

/**
 * A body that could not be decompressed (`Content-Encoding: gzip|deflate|br` over bad data): the
 * JSON parser hands zlib's error on as a 400 (`Z_DATA_ERROR`, `Z_BUF_ERROR`, brotli's codes).
 */
function isUndecodableBody(err: unknown, req: Request): boolean {
  if (typeof err !== 'object' || err === null || isValidatorError(err)) return false;
  const { status, code } = err as { status?: unknown; code?: unknown };
  const encoding = req.get('content-encoding');
  return status === 400 && encoding !== undefined && encoding.trim().toLowerCase() !== 'identity' && typeof code === 'string';
}

/** Every error leaves through here: typed errors → status + envelope; anything else → a 500 envelope, logged. */
export function errorHandler(logger: Logger) {
  return (err: unknown, req: Request, res: Response, next: NextFunction): void => {
    if (res.headersSent) {
      next(err);
      return;
    }
    let apiError: ApiError;
    const bodyParserType = typeof err === 'object' && err !== null ? (err as { type?: unknown }).type : undefined;
    if (err instanceof ApiError) {
      apiError = err;
    } else if (bodyParserType === 'entity.parse.failed') {
      apiError = new ValidationError([{ field: 'body', message: 'Malformed JSON' }], 'Malformed JSON in request body');
    } else if (bodyParserType === 'entity.too.large') {
      apiError = new PayloadTooLargeError('100kb');
    } else if (bodyParserType === 'encoding.unsupported' || bodyParserType === 'charset.unsupported') {
      apiError = new UnsupportedMediaTypeError();
    } else if (bodyParserType === 'request.aborted' || bodyParserType === 'request.size.invalid') {
      apiError = new ValidationError([{ field: 'body', message: 'The request body was incomplete' }]);
    } else if (isUndecodableBody(err, req)) {
      apiError = new ValidationError(
        [{ field: 'body', message: `The request body is not valid ${req.get('content-encoding')} data` }],
        'Malformed request body',
      );
    } else if (duplicateKeyField(err) !== undefined) {
      // a unique index refused a write no rule of the service foresaw: the state conflicts, it is no crash
      logger.warn({ err, requestId: requestIdOf(req) }, 'write refused by a unique index');
      apiError = new ConflictError('Duplicate value', [
        { field: duplicateKeyField(err) ?? 'userId', message: 'Another customer record already has this value' },
      ]);
    } else if (isDatabaseUnavailable(err)) {
      logger.warn({ err, requestId: requestIdOf(req) }, 'database unavailable');
      apiError = new ServiceUnavailableError();
    } else if (isValidatorError(err)) {
      apiError = fromValidator(err, req);
      if (apiError.status === 500) {
        logger.error({ err, requestId: requestIdOf(req) }, 'response failed validation against the spec');
      }
    } else {
      logger.error({ err, requestId: requestIdOf(req) }, 'unhandled error');
      apiError = new InternalError();
    }
    for (const [header, value] of Object.entries(apiError.headers)) res.setHeader(header, value);
    // refused before its body was read (e.g. no credentials): close rather than wait for the rest
    if (!req.complete) res.setHeader('Connection', 'close');
    res.status(apiError.status).json({ success: false, message: apiError.message, errors: apiError.errors });
  };
}
