import type { components, operations } from '../generated/src/crms.js';

/** Shapes of the API, generated from openapi/ (never written by hand). */
export type Schemas = components['schemas'];
export type QueryOf<Op extends keyof operations> = NonNullable<operations[Op]['parameters']['query']>;
export type BodyOf<Op extends keyof operations> = operations[Op] extends {
  requestBody: { content: { 'application/json': infer B } };
}
  ? B
  : operations[Op] extends { requestBody?: { content: { 'application/json': infer B } } }
    ? B
    : never;
