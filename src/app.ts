import cors from 'cors';
import compression from 'compression';
import express, { type Express, type NextFunction, type Request, type Response } from 'express';
import { middleware as openApiValidator } from 'express-openapi-validator';
import helmet from 'helmet';
import type { Logger } from 'pino';
import type { Config } from './config.js';
import { ApiError } from './errors.js';
import { createOperationHandlers, type HandlerDeps } from './handlers/index.js';
import { securityHandlers } from './http/auth.js';
import { jsonBody, requireJsonBodies, withBodyAfterSecurity } from './http/body.js';
import { consoleRouter } from './http/console.js';
import { errorHandler } from './http/error-handler.js';
import { httpMetrics } from './http/http-metrics.js';
import { rateLimiter } from './http/rate-limit.js';
import { requestLogger } from './http/request-logger.js';
import { requestId } from './http/request-id.js';
import { operationRouter } from './http/operation-router.js';
import { loadApiSpec } from './http/spec.js';
import type { RedisConnection } from './data/redis.js';

/** What the app is built from (the Container of src/container.ts is one). */
export interface AppDeps extends HandlerDeps {
  config: Config;
  logger: Logger;
  /** Shared rate-limit state across instances, when `REDIS_URL` is set. */
  redis: RedisConnection | undefined;
}

/** JSON answers need nothing from a browser; the documentation pages set their own policy (http/docs.ts). */
const API_CSP = {
  defaultSrc: ["'none'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

/** Builds the Express application; it does not listen (server.ts and the tests do). */
export function createApp(deps: AppDeps): Express {
  const { config, logger, metrics, redis } = deps;
  const app = express();
  app.disable('x-powered-by');
  app.set('query parser', 'simple');

  app.use(requestId());
  app.use(requestLogger(logger));
  app.use(httpMetrics(metrics));
  app.use(helmet({ contentSecurityPolicy: { useDefaults: false, directives: API_CSP } }));
  app.use(
    cors({
      origin: config.cors.origins.includes('*') ? '*' : config.cors.origins,
      credentials: config.cors.credentials,
      exposedHeaders: ['X-Request-Id', 'ETag', 'Retry-After', 'RateLimit', 'RateLimit-Policy'],
    }),
  );
  // responses of 1 KiB and more, as the client accepts (the CSV stream too); already-encoded ones
  // (the console's precompressed assets) pass as they are
  if (config.compression) app.use(compression({ threshold: 1024 }));
  app.use(rateLimiter({ config, logger, redis }));
  app.use(requireJsonBodies());

  // the admin web app is not part of the API contract: served before the validator
  if (config.console.enabled) app.use('/console', consoleRouter({ authUrl: config.console.authUrl }));

  const spec = loadApiSpec();
  const validator = openApiValidator({
    apiSpec: structuredClone(spec),
    validateRequests: { allowUnknownQueryParameters: false, coerceTypes: false, removeAdditional: false, allErrors: true },
    validateResponses: config.validateResponses ? { removeAdditional: false } : false,
    validateSecurity: { handlers: securityHandlers(config) },
    validateFormats: true,
    ignoreUndocumented: false,
  });
  app.use(withBodyAfterSecurity(validator, jsonBody()));
  app.use(operationRouter(spec, createOperationHandlers(deps, config.docs)));

  app.use((req: Request, _res: Response, next: NextFunction) => {
    next(new ApiError(404, 'Route not found', [{ field: 'path', message: `No route matches ${req.method} ${req.path}` }]));
  });
  app.use(errorHandler(logger));
  return app;
}
