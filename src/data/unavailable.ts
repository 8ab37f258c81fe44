import { MongoError, MongoErrorLabel } from 'mongodb';

/**
 * Whether a database error means "the database cannot serve this right now" (answered as 503 with
 * `Retry-After`, see http/error-handler.ts) rather than a bug (500). One classification for every
 * caller: the error handler, the write locks and start-up.
 */

/** Driver errors raised when no usable connection exists. */
const UNAVAILABLE_NAMES = new Set([
  'MongoServerSelectionError',
  'MongoNetworkError',
  'MongoNetworkTimeoutError',
  'MongoNotConnectedError',
  'MongoTopologyClosedError',
  'MongoServerClosedError',
  'MongoClientClosedError',
  'MongoOperationTimeoutError',
  'PoolClearedError',
  'PoolClearedOnNetworkError',
  'MongoPoolClearedError',
]);

/**
 * Server error codes of shutdowns, failovers, elections, unreachable members and exhausted time
 * limits (MongoDB's error_codes.yml; the driver's retryable-read/write codes and more).
 */
export const UNAVAILABLE_CODES: Readonly<Record<string, number>> = Object.freeze({
  HostUnreachable: 6,
  HostNotFound: 7,
  MaxTimeMSExpired: 50,
  NetworkTimeout: 89,
  ShutdownInProgress: 91,
  FailedToSatisfyReadPreference: 133,
  ReadConcernMajorityNotAvailableYet: 134,
  PrimarySteppedDown: 189,
  NetworkInterfaceExceededTimeLimit: 202,
  ExceededTimeLimit: 262,
  SocketException: 9001,
  LegacyNotPrimary: 10058,
  NotWritablePrimary: 10107,
  InterruptedAtShutdown: 11600,
  InterruptedDueToReplStateChange: 11602,
  NotPrimaryNoSecondaryOk: 13435,
  NotPrimaryOrSecondary: 13436,
});
const CODES = new Set(Object.values(UNAVAILABLE_CODES));
const CODE_NAMES = new Set(Object.keys(UNAVAILABLE_CODES));

/** Labels the server or the driver attach to errors that are transient by nature. */
const UNAVAILABLE_LABELS: readonly string[] = [
  MongoErrorLabel.RetryableWriteError,
  MongoErrorLabel.TransientTransactionError,
  MongoErrorLabel.ResetPool,
  MongoErrorLabel.PoolRequestedRetry,
  MongoErrorLabel.RetryableError,
  MongoErrorLabel.SystemOverloadedError,
  MongoErrorLabel.InterruptInUseConnections,
];

/**
 * FerretDB answers `InternalError` (code 1) when it cannot reach its PostgreSQL: "failed to connect
 * to `user=ferretdb database=ferretdb`: … dial error: … connection refused", or the PostgreSQL
 * error of a server going away (SQLSTATE class 08 connection exception, 57P01–57P03 shutdown and
 * crash recovery, 53300 too many connections). Any other InternalError stays a 500.
 */
const INTERNAL_ERROR = 1;
const STORAGE_UNREACHABLE =
  /failed to connect to|dial error|connection refused|conn closed|unexpected EOF|broken pipe|connection reset|SQLSTATE (?:08\w{3}|57P0[1-3]|53300)|the database system is (?:shutting down|starting up|in recovery mode)/i;

function isUnavailableMongoError(err: MongoError): boolean {
  if (UNAVAILABLE_LABELS.some((label) => err.hasErrorLabel(label))) return true;
  const code = typeof err.code === 'number' ? err.code : Number(err.code);
  if (CODES.has(code)) return true;
  const codeName = (err as MongoError & { codeName?: unknown }).codeName;
  if (typeof codeName === 'string' && CODE_NAMES.has(codeName)) return true;
  return code === INTERNAL_ERROR && STORAGE_UNREACHABLE.test(err.message);
}

export function isDatabaseUnavailable(err: unknown): boolean {
  for (let depth = 0; depth < 4 && err instanceof Error; depth++, err = err.cause) {
    if (UNAVAILABLE_NAMES.has(err.name)) return true;
    if (err instanceof MongoError && isUnavailableMongoError(err)) return true;
  }
  return false;
}
