import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import { requestTraceFields } from '../telemetry/tracing.js';
import { principalOf, requestIdOf } from './context.js';

/** The route template of the matched operation (never the raw URL, which may hold ids). */
export function routeTemplate(req: Request): string {
  const openapi = (req as Request & { openapi?: { openApiRoute?: string } }).openapi;
  return openapi?.openApiRoute ?? 'unmatched';
}

function callerOf(req: Request): string {
  const principal = principalOf(req);
  if (!principal) return 'anonymous';
  switch (principal.kind) {
    case 'user':
      return `${principal.role}:${principal.userId}`;
    case 'service':
      return `service:${principal.header}`;
    case 'scraper':
      return 'metrics-scraper';
  }
}

/** One log line per request: method, route template, status, duration, request id, caller. */
export function requestLogger(logger: Logger) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const durationMs = Number(process.hrtime.bigint() - started) / 1e6;
      const line = {
        requestId: requestIdOf(req),
        method: req.method,
        route: routeTemplate(req),
        status: res.statusCode,
        durationMs: Math.round(durationMs * 10) / 10,
        caller: callerOf(req),
        ...requestTraceFields(req),
      };
      if (res.statusCode >= 500) logger.error(line, 'request failed');
      else logger.info(line, 'request completed');
    });
    next();
  };
}
