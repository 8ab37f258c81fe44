import { Router, type RequestHandler } from 'express';
import type { OperationId } from '../api-types.js';
import type { HandlerMap } from './operation-types.js';
import { numericQueryParameters, plainDecimalQuery, type SpecComponents } from './query-numbers.js';
import { operationSpanAnnotator } from '../telemetry/tracing.js';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'put', 'post', 'patch', 'delete'];

export interface SpecPaths extends SpecComponents {
  paths?: object;
}

export interface BoundOperation {
  method: Method;
  path: string;
  expressPath: string;
  operationId: string;
  /** The operation's parameters, path-item level first (as written in the spec, `$ref`s unresolved). */
  parameters: readonly unknown[];
  /** Response headers the spec fixes for every answer of the operation (a `const` schema on its 200). */
  fixedHeaders: Readonly<Record<string, string>>;
}

interface HeaderLike {
  $ref?: string;
  schema?: { const?: unknown };
}

/** `Cache-Control: no-store` and the like: headers of the 200 response whose schema is a string `const`. */
function fixedResponseHeaders(spec: SpecPaths, headers: Record<string, HeaderLike> | undefined): Record<string, string> {
  const fixed: Record<string, string> = {};
  const components = (spec as { components?: { headers?: Record<string, HeaderLike> } }).components?.headers ?? {};
  for (const [name, raw] of Object.entries(headers ?? {})) {
    const header = raw.$ref ? components[raw.$ref.replace('#/components/headers/', '')] : raw;
    const value = header?.schema?.const;
    if (typeof value === 'string') fixed[name] = value;
  }
  return fixed;
}

/** `/api/customers/{customerId}/notes` → `/api/customers/:customerId/notes`. */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** Static segments before parameters, so `/api/customers/search` is never taken for `/{customerId}`. */
function specificity(a: BoundOperation, b: BoundOperation): number {
  const key = (o: BoundOperation) =>
    o.expressPath
      .split('/')
      .map((s) => (s.startsWith(':') ? '~' : s))
      .join('/');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Every operation of the spec with its method, path and operationId. */
export function specOperations(spec: SpecPaths): BoundOperation[] {
  const operations: BoundOperation[] = [];
  type Operation = { operationId?: string; parameters?: unknown[]; responses?: Record<string, { headers?: Record<string, HeaderLike> }> };
  const paths = (spec.paths ?? {}) as Record<string, Partial<Record<Method, Operation>> & { parameters?: unknown[] }>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operationId = item[method]?.operationId;
      const parameters = [...(item.parameters ?? []), ...(item[method]?.parameters ?? [])];
      const fixedHeaders = fixedResponseHeaders(spec, item[method]?.responses?.['200']?.headers);
      if (operationId) operations.push({ method, path, expressPath: toExpressPath(path), operationId, parameters, fixedHeaders });
    }
  }
  return operations.sort(specificity);
}

/**
 * The router of the API: exactly one route per operation of the spec, bound to its handler by
 * operationId (requests reach it only after the validator accepted them; numeric query values
 * are then held to plain decimals, see query-numbers.ts). Response headers the spec fixes with a
 * `const` (e.g. `Cache-Control: no-store` on personal data) are set before the handler runs, on
 * every answer of the operation, errors included. A spec operation without a handler stops
 * start-up; the route table is inspectable for the inventory test.
 */
export function operationRouter(spec: SpecPaths, handlers: HandlerMap<OperationId>): Router {
  const router = Router();
  const byOperationId: Readonly<Record<string, unknown>> = handlers;
  for (const op of specOperations(spec)) {
    // The validator runs before every route and has checked the request against this operation,
    // so the handler's request type (path, query, body of its operationId) holds here.
    const handler = byOperationId[op.operationId] as RequestHandler | undefined;
    if (!handler) throw new Error(`No handler for ${op.method.toUpperCase()} ${op.path} (${op.operationId})`);
    const stages: RequestHandler[] = [];
    const annotate = operationSpanAnnotator(op);
    if (annotate) stages.push(annotate);
    const headers = Object.entries(op.fixedHeaders);
    if (headers.length > 0) {
      stages.push((_req, res, next) => {
        for (const [name, value] of headers) res.setHeader(name, value);
        next();
      });
    }
    const numbers = plainDecimalQuery(numericQueryParameters(spec, op.parameters));
    if (numbers) stages.push(numbers);
    router[op.method](op.expressPath, ...stages, handler);
  }
  return router;
}
