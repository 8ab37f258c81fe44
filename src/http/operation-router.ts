import { Router, type RequestHandler } from 'express';
import { operationSpanAnnotator } from '../telemetry/tracing.js';

type Method = 'get' | 'put' | 'post' | 'patch' | 'delete';
const METHODS: readonly Method[] = ['get', 'put', 'post', 'patch', 'delete'];

export interface SpecPaths {
  paths?: object;
}

export interface BoundOperation {
  method: Method;
  path: string;
  expressPath: string;
  operationId: string;
}

/** `/api/customers/{customerId}/notes` → `/api/customers/:customerId/notes`. */
export function toExpressPath(path: string): string {
  return path.replace(/\{([A-Za-z0-9_]+)\}/g, ':$1');
}

/** Static segments before parameters, so `/api/customers/search` is never taken for `/{customerId}`. */
function specificity(a: BoundOperation, b: BoundOperation): number {
  const key = (o: BoundOperation) => o.expressPath.split('/').map((s) => (s.startsWith(':') ? '~' : s)).join('/');
  return key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0;
}

/** Every operation of the spec with its method, path and operationId. */
export function specOperations(spec: SpecPaths): BoundOperation[] {
  const operations: BoundOperation[] = [];
  const paths = (spec.paths ?? {}) as Record<string, Partial<Record<Method, { operationId?: string }>>>;
  for (const [path, item] of Object.entries(paths)) {
    for (const method of METHODS) {
      const operationId = item[method]?.operationId;
      if (operationId) operations.push({ method, path, expressPath: toExpressPath(path), operationId });
    }
  }
  return operations.sort(specificity);
}

/**
 * The router of the API: exactly one route per operation of the spec, bound to its handler by
 * operationId (requests reach it only after the validator accepted them). A spec operation
 * without a handler stops start-up; the route table is inspectable for the inventory test.
 */
export function operationRouter(spec: SpecPaths, handlers: Readonly<Record<string, RequestHandler>>): Router {
  const router = Router();
  for (const op of specOperations(spec)) {
    const handler = handlers[op.operationId];
    if (!handler) throw new Error(`No handler for ${op.method.toUpperCase()} ${op.path} (${op.operationId})`);
    const annotate = operationSpanAnnotator(op);
    if (annotate) router[op.method](op.expressPath, annotate, handler);
    else router[op.method](op.expressPath, handler);
  }
  return router;
}
