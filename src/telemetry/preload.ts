/**
 * OpenTelemetry tracing, started before the application's modules run. `server.ts` imports this
 * module first: ES modules are evaluated in import order, so this body runs before Express, the
 * MongoDB driver or `node:http` are executed. When the environment does not ask for tracing
 * (settings.ts) it does nothing and loads nothing of the SDK.
 *
 * How the instrumentations hook an ESM service: they patch modules as `require` loads them
 * (require-in-the-middle). An ESM loader hook (import-in-the-middle, `--import`/`module.register`)
 * would only see modules loaded after it is registered, and the service's import graph is already
 * loaded by the time any of its code runs. Express and the MongoDB driver are CommonJS packages, so
 * this module `require`s them once with the SDK started: the require hook patches them, and the
 * service's `import`s then receive the same patched exports from the CommonJS cache. `node:http`
 * is patched on its prototypes, and `fetch` (undici) through diagnostics channels.
 */
import { IncomingMessage } from 'node:http';
import { createRequire } from 'node:module';
import type * as Api from '@opentelemetry/api';
import type * as Core from '@opentelemetry/core';
import type * as SdkNode from '@opentelemetry/sdk-node';
import type * as Http from '@opentelemetry/instrumentation-http';
import type * as Express from '@opentelemetry/instrumentation-express';
import type * as MongoDb from '@opentelemetry/instrumentation-mongodb';
import type * as Undici from '@opentelemetry/instrumentation-undici';
import { tracingRequested } from './settings.js';
import { activateTracing, rememberRequestSpan } from './tracing.js';

function startTracing(env: NodeJS.ProcessEnv): void {
  const require = createRequire(import.meta.url);
  // the service's name and traces only, unless the standard variables say otherwise: metrics stay
  // on /metrics (Prometheus), logs on stdout
  env['OTEL_SERVICE_NAME'] ??= env['SERVICE_NAME'] ?? 'customer-service';
  env['OTEL_METRICS_EXPORTER'] ??= 'none';
  env['OTEL_LOGS_EXPORTER'] ??= 'none';
  const api = require('@opentelemetry/api') as typeof Api;
  const core = require('@opentelemetry/core') as typeof Core;
  const { NodeSDK } = require('@opentelemetry/sdk-node') as typeof SdkNode;
  const { HttpInstrumentation } = require('@opentelemetry/instrumentation-http') as typeof Http;
  const { ExpressInstrumentation, ExpressLayerType } = require('@opentelemetry/instrumentation-express') as typeof Express;
  const { MongoDBInstrumentation } = require('@opentelemetry/instrumentation-mongodb') as typeof MongoDb;
  const { UndiciInstrumentation } = require('@opentelemetry/instrumentation-undici') as typeof Undici;

  const sdk = new NodeSDK({
    instrumentations: [
      new HttpInstrumentation({
        requestHook: (span, request) => {
          if (request instanceof IncomingMessage) rememberRequestSpan(request, span);
        },
        // search terms are personal data (a name, an e-mail, a phone number): never in a span
        redactedQueryParamsServer: ['q', 'searchTerm'],
        // probes and scrapes every few seconds would bury the traces of real requests
        ignoreIncomingRequestHook: (request) => /^\/(health|metrics)(\/|\?|$)/.test(request.url ?? ''),
      }),
      // the route's handler spans only: one span per middleware (request id, logging, helmet, CORS,
      // rate limit, validator…) would more than double the cost of a traced request and say little
      new ExpressInstrumentation({ ignoreLayersType: [ExpressLayerType.MIDDLEWARE] }),
      new MongoDBInstrumentation({ enhancedDatabaseReporting: false }),
      new UndiciInstrumentation(),
    ],
  });
  sdk.start();
  for (const name of ['node:http', 'express', 'mongodb']) require(name);

  const tracer = api.trace.getTracer('crms');
  activateTracing({
    tracer,
    activeSpan: () => api.trace.getActiveSpan(),
    withSpan: (span, fn) => api.context.with(api.trace.setSpan(api.context.active(), span), fn),
    setRoute: (route) => {
      const metadata = core.getRPCMetadata(api.context.active());
      if (metadata?.type === core.RPCType.HTTP) metadata.route = route;
    },
    markError: (span, message) => span.setStatus({ code: api.SpanStatusCode.ERROR, message }),
    shutdown: () => sdk.shutdown(),
  });
}

if (tracingRequested(process.env)) startTracing(process.env);
