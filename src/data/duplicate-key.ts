import { MongoServerError } from 'mongodb';

/**
 * A write refused by a unique index (E11000), as a field name for the error envelope, or undefined
 * for any other error. MongoDB names the index (`keyPattern`); FerretDB v1 names only the
 * collection, and its only unique index of a request-driven write is the `userId` one.
 */
export function duplicateKeyField(err: unknown): string | undefined {
  if (!(err instanceof MongoServerError) || err.code !== 11000) return undefined;
  const keyPattern = (err as MongoServerError & { keyPattern?: Record<string, unknown> }).keyPattern;
  const fromPattern = keyPattern ? Object.keys(keyPattern)[0] : undefined;
  return fromPattern ?? /index: (\w+?)(?:_unique\w*)? /.exec(err.message)?.[1] ?? 'userId';
}
