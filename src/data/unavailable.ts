/** Driver errors that mean "the database cannot be reached right now" (answered as 503). */
const UNAVAILABLE = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoPoolClearedError',
]);

/** MaxTimeMSExpired: a query ran into its server-side time limit (MONGODB_QUERY_TIMEOUT_MS). */
const MAX_TIME_MS_EXPIRED = 50;

export function isDatabaseUnavailable(err: unknown): boolean {
  if (!(err instanceof Error)) return false;
  if (UNAVAILABLE.has(err.name)) return true;
  return err.name === 'MongoServerError' && (err as Error & { code?: unknown }).code === MAX_TIME_MS_EXPIRED;
}
