import type { NextFunction, Request, Response } from 'express';
import type { Metrics } from '../observability/metrics.js';
import { routeTemplate } from './request-logger.js';

/** Observes every request's duration by method, route template (never the raw URL) and status. */
export function httpMetrics(metrics: Metrics) {
  return (req: Request, res: Response, next: NextFunction): void => {
    const started = process.hrtime.bigint();
    res.on('finish', () => {
      const seconds = Number(process.hrtime.bigint() - started) / 1e9;
      metrics.observeHttpRequest(req.method, routeTemplate(req), res.statusCode, seconds);
    });
    next();
  };
}
