import { parse as parseQueryString } from 'node:querystring';
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { ValidationError, type FieldError } from '../errors.js';

/**
 * The request validator coerces query strings to numbers with JavaScript's `Number`, which also
 * reads `1e1`, `0x10`, `0b1`, ` 5 ` and `Infinity`. The contract's numbers are plain decimals:
 * this check runs after the validator (bounds and types already checked) on the raw values.
 */
const PLAIN_INTEGER = /^-?\d+$/;
const PLAIN_DECIMAL = /^-?\d+(?:\.\d+)?$/;

export interface NumericQueryParameter {
  name: string;
  integer: boolean;
}

interface SchemaLike {
  $ref?: string;
  type?: unknown;
}

interface ParameterLike {
  $ref?: string;
  name?: string;
  in?: string;
  schema?: SchemaLike;
}

export interface SpecComponents {
  components?: { parameters?: Record<string, unknown>; schemas?: Record<string, unknown> };
}

function resolve<T extends { $ref?: string }>(
  spec: SpecComponents,
  value: T | undefined,
  section: 'parameters' | 'schemas',
): T | undefined {
  const ref = value?.$ref;
  if (!ref) return value;
  const prefix = `#/components/${section}/`;
  if (!ref.startsWith(prefix)) return undefined;
  return spec.components?.[section]?.[ref.slice(prefix.length)] as T | undefined;
}

/** The query parameters of an operation whose schema is an integer or a number. */
export function numericQueryParameters(spec: SpecComponents, parameters: readonly unknown[]): NumericQueryParameter[] {
  const numeric: NumericQueryParameter[] = [];
  for (const raw of parameters) {
    const parameter = resolve(spec, raw as ParameterLike, 'parameters');
    if (!parameter?.name || parameter.in !== 'query') continue;
    const schema = resolve(spec, parameter.schema, 'schemas');
    const types = Array.isArray(schema?.type) ? (schema.type as unknown[]) : [schema?.type];
    if (types.includes('integer')) numeric.push({ name: parameter.name, integer: true });
    else if (types.includes('number')) numeric.push({ name: parameter.name, integer: false });
  }
  return numeric;
}

/** 400 for a numeric query value written other than as a plain decimal; undefined for "no check needed". */
export function plainDecimalQuery(numeric: readonly NumericQueryParameter[]): RequestHandler | undefined {
  if (numeric.length === 0) return undefined;
  return (req: Request, _res: Response, next: NextFunction): void => {
    const at = req.originalUrl.indexOf('?');
    if (at === -1) return next();
    const hash = req.originalUrl.indexOf('#', at);
    const query = parseQueryString(req.originalUrl.slice(at + 1, hash === -1 ? undefined : hash));
    const errors: FieldError[] = [];
    for (const { name, integer } of numeric) {
      const value = query[name];
      if (value === undefined) continue;
      const values = Array.isArray(value) ? value : [value];
      if (values.some((v) => !(integer ? PLAIN_INTEGER : PLAIN_DECIMAL).test(v))) {
        errors.push({
          field: name,
          message: integer ? 'Must be a plain decimal integer (digits only)' : 'Must be a plain decimal number (such as 1500 or 1500.50)',
        });
      }
    }
    next(errors.length > 0 ? new ValidationError(errors) : undefined);
  };
}
