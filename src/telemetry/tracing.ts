import type { Attributes, Span, Tracer } from '@opentelemetry/api';
import type { NextFunction, Request, RequestHandler, Response } from 'express';

/**
 * What the request path needs from tracing, set by `preload.ts` only when tracing is on. Every
 * helper here answers from one module-level check when it is off: no span, no context lookup, no
 * OpenTelemetry module loaded (this file imports types only).
 */
export interface TracingRuntime {
  tracer: Tracer;
  activeSpan(): Span | undefined;
  /** Runs `fn` with `span` as the active span. */
  withSpan<T>(span: Span, fn: () => T): T;
  /** Sets the route the HTTP server span is named after (`METHOD route`) and reports as `http.route`. */
  setRoute(route: string): void;
  markError(span: Span, message: string): void;
  shutdown(): Promise<void>;
}

let runtime: TracingRuntime | undefined;
/** The HTTP server span of each request (set by the HTTP instrumentation's request hook). */
const requestSpans = new WeakMap<object, Span>();

export function activateTracing(value: TracingRuntime): void {
  runtime = value;
}

export function tracingActive(): boolean {
  return runtime !== undefined;
}

export function rememberRequestSpan(request: object, span: Span): void {
  requestSpans.set(request, span);
}

/** `traceId` and `spanId` of the request's server span for its log line; undefined when tracing is off. */
export function requestTraceFields(req: Request): { traceId: string; spanId: string } | undefined {
  if (!runtime) return undefined;
  const span = requestSpans.get(req);
  if (!span) return undefined;
  const { traceId, spanId } = span.spanContext();
  return { traceId, spanId };
}

/**
 * The pino mixin that puts the active span's trace id and span id on every log line written while
 * a request is being served; undefined when tracing is off (the logger then has no mixin at all).
 */
export function traceLogMixin(): (() => object) | undefined {
  const current = runtime;
  if (!current) return undefined;
  return () => {
    const span = current.activeSpan();
    if (!span) return {};
    const { traceId, spanId } = span.spanContext();
    return { traceId, spanId };
  };
}

/**
 * A middleware for one operation that names its server span after the route template and records
 * the operationId and the customer id (never personal data); undefined when tracing is off.
 */
export function operationSpanAnnotator(operation: { path: string; operationId: string }): RequestHandler | undefined {
  const current = runtime;
  if (!current) return undefined;
  return (req: Request, _res: Response, next: NextFunction) => {
    current.setRoute(operation.path);
    const span = requestSpans.get(req);
    if (span) {
      const attributes: Attributes = { 'http.route': operation.path, 'crms.operation_id': operation.operationId };
      const customerId = req.params['customerId'];
      if (typeof customerId === 'string') attributes['crms.customer_id'] = customerId;
      span.setAttributes(attributes);
      span.updateName(`${req.method} ${operation.path}`);
    }
    next();
  };
}

/**
 * Runs one sibling call in its own span (`<service> <operation>`) carrying the sibling, the
 * operation and the circuit breaker's state before and after; the outbound HTTP spans (with the
 * propagated `traceparent`) are its children. Without tracing: `fn()`.
 */
export async function inSiblingSpan<T>(sibling: string, operation: string, breakerState: () => string, fn: () => Promise<T>): Promise<T> {
  const current = runtime;
  if (!current) return fn();
  const before = breakerState();
  const span = current.tracer.startSpan(`${sibling} ${operation}`, {
    attributes: { 'crms.sibling': sibling, 'crms.sibling.operation': operation, 'crms.sibling.breaker_state': before },
  });
  try {
    return await current.withSpan(span, fn);
  } catch (err) {
    current.markError(span, err instanceof Error ? err.message : String(err));
    throw err;
  } finally {
    const after = breakerState();
    if (after !== before) span.setAttribute('crms.sibling.breaker_state_after', after);
    span.end();
  }
}

/** Flushes and stops the SDK (spans still buffered are exported); nothing when tracing is off. */
export async function shutdownTracing(): Promise<void> {
  await runtime?.shutdown();
}
