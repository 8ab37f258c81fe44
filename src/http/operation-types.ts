import type { Request, Response } from 'express';
import type { BodyOf, HeadersOf, JsonResponseOf, JsonSuccessStatusOf, OperationId, PathOf, QueryOf } from '../api-types.js';

/** Type-only tag naming the operation a request or response belongs to (no runtime property). */
declare const operation: unique symbol;
interface OfOperation<Op extends OperationId> {
  readonly [operation]?: Op;
}

/**
 * A request as the operation's handler sees it: path parameters, query and body typed from the
 * spec. The router binds a handler only behind the request validator, which has checked (and
 * coerced) exactly these parts, so the types describe what is there.
 */
export type OperationRequest<Op extends OperationId> = Request<PathOf<Op>, unknown, BodyOf<Op>, QueryOf<Op>> & OfOperation<Op>;

/** JSON answers of the operation's 2xx responses; operations without one (CSV, metrics, docs) keep Express's own `send`. */
type JsonBodyOf<Op extends OperationId> = [JsonSuccessStatusOf<Op>] extends [never] ? unknown : JsonResponseOf<Op>;

/** A response whose JSON body is checked against the operation's 2xx schemas (see respond.ts). */
export type OperationResponse<Op extends OperationId> = Response<JsonBodyOf<Op>> & OfOperation<Op>;

/** The handler of one operation, bound to it by operationId. */
export type OperationHandler<Op extends OperationId> = (req: OperationRequest<Op>, res: OperationResponse<Op>) => Promise<void> | void;

/** One handler per operationId in `K`, each typed by its own operation. */
export type HandlerMap<K extends OperationId> = { [Op in K]: OperationHandler<Op> };

/** A request header the operation declares (validated when present), by its name in the spec. */
export function headerOf<Op extends OperationId, H extends keyof HeadersOf<Op> & string>(
  req: OperationRequest<Op>,
  name: H,
): HeadersOf<Op>[H] | undefined {
  return req.get(name) as HeadersOf<Op>[H] | undefined;
}
