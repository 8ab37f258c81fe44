import type { components, operations, webhooks } from '../generated/src/crms.js';

/** Shapes of the API, generated from openapi/ (never written by hand). */
export type Schemas = components['schemas'];

/** The operations of the spec's `webhooks` (the events CRMS sends, not routes it serves). */
type EventOperation = webhooks[keyof webhooks]['post'];

/** The operationIds of the spec's paths (the routes CRMS serves). */
export type OperationId = { [Op in keyof operations]: operations[Op] extends EventOperation ? never : Op }[keyof operations];

/** `{}` for the parameter groups an operation does not have (generated as `?: never`). */
type Present<T> = [NonNullable<T>] extends [never] ? Record<never, never> : NonNullable<T>;

export type PathOf<Op extends OperationId> = Present<operations[Op]['parameters']['path']>;
export type QueryOf<Op extends OperationId> = Present<operations[Op]['parameters']['query']>;
export type HeadersOf<Op extends OperationId> = Present<operations[Op]['parameters']['header']>;
export type BodyOf<Op extends OperationId> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;

type ResponsesOf<Op extends OperationId> = operations[Op]['responses'];
type SuccessStatus = 200 | 201 | 202 | 204;

/** The 2xx statuses of an operation whose answer is JSON. */
export type JsonSuccessStatusOf<Op extends OperationId> = {
  [S in keyof ResponsesOf<Op>]: S extends SuccessStatus
    ? ResponsesOf<Op>[S] extends { content: { 'application/json': unknown } }
      ? S
      : never
    : never;
}[keyof ResponsesOf<Op>];

/** The JSON body of an operation's 2xx answer with status `S` (the guide's success envelope). */
export type JsonResponseOf<
  Op extends OperationId,
  S extends JsonSuccessStatusOf<Op> = JsonSuccessStatusOf<Op>,
> = ResponsesOf<Op>[S] extends { content: { 'application/json': infer B } } ? B : never;

/** The `data` of an operation's success envelope with status `S`. */
export type ResponseDataOf<Op extends OperationId, S extends JsonSuccessStatusOf<Op>> =
  JsonResponseOf<Op, S> extends { data: infer D } ? D : never;
