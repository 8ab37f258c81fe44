import { pino, type Logger } from 'pino';
import type { Config } from './config.js';
import { traceLogMixin } from './telemetry/tracing.js';

/** Paths that must never reach a log line: credentials and personal data. */
export const REDACTED_PATHS = [
  'req.headers.authorization',
  'req.headers["x-service-api-key"]',
  'req.headers["x-api-key"]',
  'req.headers.cookie',
  'headers.authorization',
  'email',
  'contactNumber',
  '*.email',
  '*.contactNumber',
  'config.jwt.secret',
  'config.services.apiKey',
];

export function createLogger(config: Pick<Config, 'log' | 'serviceName' | 'serviceVersion'>, destination?: pino.DestinationStream): Logger {
  const options: pino.LoggerOptions = {
    level: config.log.level,
    base: { service: config.serviceName, version: config.serviceVersion },
    redact: { paths: REDACTED_PATHS, censor: '[REDACTED]' },
    timestamp: pino.stdTimeFunctions.isoTime,
  };
  // with tracing on, every line written while a request is served carries its trace and span ids
  const mixin = traceLogMixin();
  if (mixin) options.mixin = mixin;
  if (destination) return pino(options, destination);
  if (config.log.format === 'pretty') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true } } });
  }
  return pino(options, pino.destination(BUFFERED_STDOUT));
}

/**
 * Standard output, written in batches: lines collect in a buffer until 4 KiB (or 250 ms) have
 * accumulated, then go out in one write instead of one write system call per line (the cost is in
 * docs/benchmark.md). The buffer is flushed
 * synchronously when the process exits (pino registers the hook), so a shutdown, a fatal error or
 * process.exit loses nothing; only a SIGKILL or a crash of the runtime can lose the last 250 ms.
 */
export const BUFFERED_STDOUT = { dest: 1, sync: false, minLength: 4096, periodicFlush: 250 } as const;
