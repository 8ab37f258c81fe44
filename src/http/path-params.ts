import { ValidationError } from '../errors.js';

/** A `{customerId}` path parameter: a customer id is 24 hexadecimal digits (400 otherwise). */
export function parseCustomerId(value: string): string {
  if (!/^[0-9a-fA-F]{24}$/.test(value)) {
    throw new ValidationError([{ field: 'customerId', message: 'Must be a 24-character hexadecimal ObjectId' }]);
  }
  return value.toLowerCase();
}
