import { pino, type Logger } from 'pino';
import type { Config } from './config.js';

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
  if (destination) return pino(options, destination);
  if (config.log.format === 'pretty') {
    return pino({ ...options, transport: { target: 'pino-pretty', options: { colorize: true, singleLine: true } } });
  }
  return pino(options);
}
