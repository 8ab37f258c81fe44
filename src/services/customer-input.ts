import { readFileSync } from 'node:fs';
import { Ajv2020, type ErrorObject, type ValidateFunction } from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import type { BodyOf } from '../api-types.js';
import { ValidationError, type FieldError } from '../errors.js';
import { generatedFile } from '../generated-files.js';

export type CreateCustomerBody = BodyOf<'createCustomerRecord'>;

const addFormats = addFormatsModule as unknown as typeof addFormatsModule.default;
const SPEC_ID = 'urn:crms:api';

let compiled: ValidateFunction<CreateCustomerBody> | undefined;

/**
 * `CreateCustomerRequest` of the bundled spec, compiled as the request validator compiles it
 * (JSON Schema 2020-12, ajv-formats in `fast` mode, all errors).
 */
function createCustomerSchema(): ValidateFunction<CreateCustomerBody> {
  if (compiled) return compiled;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats(ajv, { mode: 'fast' });
  ajv.addSchema({ ...(JSON.parse(readFileSync(generatedFile('openapi.json'), 'utf8')) as object), $id: SPEC_ID });
  compiled = ajv.compile<CreateCustomerBody>({ $ref: `${SPEC_ID}#/components/schemas/CreateCustomerRequest` });
  return compiled;
}

function fieldError(error: ErrorObject): FieldError {
  const missing = error.keyword === 'required' ? (error.params as { missingProperty?: string }).missingProperty : undefined;
  const field = missing ?? (error.instancePath.split('/').filter(Boolean).join('.') || 'body');
  const message = missing ? 'Is required' : (error.message ?? 'is invalid');
  return { field, message: message.charAt(0).toUpperCase() + message.slice(1) };
}

/**
 * The rules of a new customer record (`POST /api/customers/internal/create`), whoever supplies
 * it: the Auth Service's registration call (also checked by the request validator before) or a
 * self-heal from the Auth Service's user data. Throws {@link ValidationError} naming every field.
 */
export function checkCreateCustomer(body: unknown): CreateCustomerBody {
  const validate = createCustomerSchema();
  if (validate(body)) return body;
  throw new ValidationError((validate.errors ?? []).map(fieldError));
}
