/** One `{field, message}` problem of the error envelope. */
export interface FieldError {
  field: string;
  message: string;
}

/** The root of every error the API answers with on purpose; mapped to the envelope in one place. */
export class ApiError extends Error {
  readonly status: number;
  readonly errors: FieldError[];
  readonly headers: Record<string, string>;

  constructor(status: number, message: string, errors: FieldError[] = [], headers: Record<string, string> = {}) {
    super(message);
    this.name = new.target.name;
    this.status = status;
    this.errors = errors;
    this.headers = headers;
  }
}

export class ValidationError extends ApiError {
  constructor(errors: FieldError[], message = 'Validation failed') {
    super(400, message, errors);
  }
}

/** A request that is valid but breaks a business rule (guide §5.3: 400). */
export class BusinessRuleError extends ApiError {
  constructor(message: string, errors: FieldError[]) {
    super(400, message, errors);
  }
}

export class UnauthorizedError extends ApiError {
  constructor(detail: string, field = 'authorization', message = 'Authentication required') {
    super(401, message, [{ field, message: detail }], { 'WWW-Authenticate': 'Bearer' });
  }
}

export class ForbiddenError extends ApiError {
  constructor(detail = 'This operation requires administrator privileges') {
    super(403, 'Access denied', [{ field: 'authorization', message: detail }]);
  }
}

export class NotFoundError extends ApiError {
  constructor(
    message = 'Customer not found',
    errors: FieldError[] = [{ field: 'customerId', message: 'No customer exists with the provided ID' }],
  ) {
    super(404, message, errors);
  }
}

export class ConflictError extends ApiError {
  constructor(message: string, errors: FieldError[]) {
    super(409, message, errors);
  }
}

export class PreconditionFailedError extends ApiError {
  constructor(detail = 'The customer was changed since you read it; fetch it again and retry') {
    super(412, 'Precondition failed', [{ field: 'If-Match', message: detail }]);
  }
}

export class PayloadTooLargeError extends ApiError {
  constructor(limit: string) {
    super(413, 'Request body too large', [{ field: 'body', message: `The request body must not exceed ${limit}` }]);
  }
}

export class UnsupportedMediaTypeError extends ApiError {
  constructor(detail = 'Request bodies must be application/json') {
    super(415, 'Unsupported media type', [{ field: 'Content-Type', message: detail }]);
  }
}

export class TooManyRequestsError extends ApiError {
  constructor(retryAfterSeconds: number) {
    super(429, 'Too many requests', [{ field: 'rateLimit', message: `Rate limit exceeded; retry after ${retryAfterSeconds} seconds` }], {
      'Retry-After': String(retryAfterSeconds),
    });
  }
}

/** A sibling service could not give a usable answer (guide §5.3: 502, field `service`). */
export class UpstreamError extends ApiError {
  readonly service: string;

  constructor(service: string, message = 'Unable to reach a dependent service', detail?: string) {
    super(502, message, [{ field: 'service', message: detail ?? `${service} is currently unavailable. Please try again later.` }]);
    this.service = service;
  }
}

/** How long a client should wait before retrying a 503 (`Retry-After`), by default. */
export const SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS = 5;

export class ServiceUnavailableError extends ApiError {
  constructor(
    detail = 'The database is currently unavailable. Please try again later.',
    field = 'database',
    retryAfterSeconds = SERVICE_UNAVAILABLE_RETRY_AFTER_SECONDS,
  ) {
    super(503, 'Service temporarily unavailable', [{ field, message: detail }], { 'Retry-After': String(retryAfterSeconds) });
  }
}

export class NotImplementedError extends ApiError {
  constructor(operation: string) {
    super(501, 'Not implemented', [{ field: 'operation', message: `${operation} is not implemented yet` }]);
  }
}

export class InternalError extends ApiError {
  constructor() {
    super(500, 'Internal server error', [{ field: 'server', message: 'An unexpected error occurred' }]);
  }
}
