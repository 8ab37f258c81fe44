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

export function isDatabaseUnavailable(err: unknown): boolean {
  return err instanceof Error && UNAVAILABLE.has(err.name);
}
