import createClient, { type Client, type ClientOptions } from 'openapi-fetch';
import type { components, paths, webhooks } from './crms.js';

export type { components, operations, paths, webhooks } from './crms.js';

/** Version of the CRMS API this SDK was generated from. */
export const API_VERSION = '@@VERSION@@';

/** Every operation of the API: method and path template, by operationId. */
export const operationTable = {
/* @@OPERATIONS@@ */
} as const;

export type OperationId = keyof typeof operationTable;

export { enumValues } from './enums.js';

export type ErrorEnvelope = components['schemas']['ErrorEnvelope'];
export type Pagination = components['schemas']['Pagination'];

/**
 * The JSON payload CRMS sends to a receiver of webhook `K` (the contract's `webhooks`), for typing a
 * receiver's handler: `(event: WebhookPayload<'customerStatusChanged'>) => …`.
 */
export type WebhookPayload<K extends keyof webhooks> = webhooks[K] extends {
  post: { requestBody?: { content: { 'application/json': infer Body } } };
}
  ? Body
  : never;

type TokenSource = string | (() => string | Promise<string>);

export interface CrmsClientOptions extends Omit<ClientOptions, 'baseUrl'> {
  /** Where CRMS listens, e.g. `http://localhost:8001`. */
  baseUrl: string;
  /** A user's access token (customer or administrator routes); a function is called per request. */
  token?: TokenSource;
  /** The service API key (internal routes), sent as `X-Service-API-Key`. */
  apiKey?: string;
  /** Returns the `X-Request-Id` to send with each request (for tracing across services). */
  requestId?: () => string | undefined;
}

export type CrmsClient = Client<paths>;

/** A typed client of the CRMS API. Calls resolve to `{ data, error, response }` and never throw on 4xx/5xx. */
export function createCrmsClient(options: CrmsClientOptions): CrmsClient {
  const { token, apiKey, requestId, ...rest } = options;
  const client = createClient<paths>(rest);
  client.use({
    async onRequest({ request }) {
      if (token !== undefined) {
        const value = typeof token === 'function' ? await token() : token;
        request.headers.set('Authorization', `Bearer ${value}`);
      }
      if (apiKey !== undefined) request.headers.set('X-Service-API-Key', apiKey);
      const id = requestId?.();
      if (id) request.headers.set('X-Request-Id', id);
      return request;
    },
  });
  return client;
}

/** Thrown by {@link unwrap} for an error answer; carries the API's error envelope. */
export class CrmsApiError extends Error {
  readonly status: number;
  readonly envelope: ErrorEnvelope | undefined;
  readonly requestId: string | null;

  constructor(status: number, envelope: ErrorEnvelope | undefined, requestId: string | null) {
    super(envelope?.message ?? `CRMS answered ${status}`);
    this.name = 'CrmsApiError';
    this.status = status;
    this.envelope = envelope;
    this.requestId = requestId;
  }

  /** The `{field, message}` problems the API reported. */
  get errors(): ErrorEnvelope['errors'] {
    return this.envelope?.errors ?? [];
  }
}

function isEnvelope(value: unknown): value is ErrorEnvelope {
  return typeof value === 'object' && value !== null && 'success' in value && 'message' in value;
}

/** Returns the success body of an openapi-fetch result, or throws {@link CrmsApiError}. */
export function unwrap<T>(result: { data?: T; error?: unknown; response: Response }): T {
  if (result.data !== undefined && result.response.ok) return result.data;
  const envelope = isEnvelope(result.error) ? result.error : undefined;
  throw new CrmsApiError(result.response.status, envelope, result.response.headers.get('x-request-id'));
}

type ListQuery = NonNullable<paths['/api/customers']['get']['parameters']['query']>;
type CustomerSummary = components['schemas']['CustomerSummary'];

/**
 * Iterates over every customer matching `query`, page by page, with keyset cursors
 * (stable while customers are being added). Throws {@link CrmsApiError} on an error answer.
 */
export async function* listAllCustomers(
  client: CrmsClient,
  query: Omit<ListQuery, 'page' | 'cursor'> = {},
): AsyncGenerator<CustomerSummary, void, undefined> {
  let cursor: string | undefined;
  for (;;) {
    const body = unwrap(
      await client.GET('/api/customers', { params: { query: { ...query, ...(cursor ? { cursor } : {}) } } }),
    );
    yield* body.data.customers;
    const next = body.data.pagination.nextCursor;
    if (!next) return;
    cursor = next;
  }
}

/** The body of every CRMS event delivery (the spec's `webhooks`). */
export type WebhookEvent = components['schemas']['WebhookEvent'];
export type WebhookEventType = components['schemas']['WebhookEventType'];

/** Raised by {@link verifyWebhook} when a delivery is not authentic or too old. */
export class WebhookVerificationError extends Error {
  override readonly name = 'WebhookVerificationError';
}

const WEBHOOK_TOLERANCE_SECONDS = 5 * 60;

function base64ToBytes(text: string): Uint8Array<ArrayBuffer> {
  const binary = atob(text);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return bytes;
}

function bytesToBase64(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary);
}

/** Constant-time comparison of two strings of signatures. */
function sameText(a: string, b: string): boolean {
  if (a.length !== b.length) return false;
  let diff = 0;
  for (let i = 0; i < a.length; i++) diff |= a.charCodeAt(i) ^ b.charCodeAt(i);
  return diff === 0;
}

/**
 * Verifies a CRMS event delivery per the Standard Webhooks specification (HMAC-SHA256 over
 * `<webhook-id>.<webhook-timestamp>.<body>` keyed with the `whsec_` secret, timestamp within 5
 * minutes) and returns the parsed event. `body` is the raw request body, exactly as received.
 * Any Standard Webhooks library (`standardwebhooks` on npm and PyPI) verifies the same way.
 */
export async function verifyWebhook(
  secret: string,
  body: string,
  headers: Record<string, string | string[] | undefined> | Headers,
  options: { now?: Date; toleranceSeconds?: number } = {},
): Promise<WebhookEvent> {
  const header = (name: string): string => {
    const value = headers instanceof Headers ? headers.get(name) : headers[name];
    const text = Array.isArray(value) ? value[0] : value;
    if (!text) throw new WebhookVerificationError(`Missing ${name} header`);
    return text;
  };
  const id = header('webhook-id');
  const timestamp = header('webhook-timestamp');
  const signatures = header('webhook-signature');
  const seconds = Number(timestamp);
  const now = Math.floor((options.now ?? new Date()).getTime() / 1000);
  if (!/^[0-9]+$/.test(timestamp) || Math.abs(now - seconds) > (options.toleranceSeconds ?? WEBHOOK_TOLERANCE_SECONDS)) {
    throw new WebhookVerificationError('Timestamp outside the tolerance');
  }
  const key = await crypto.subtle.importKey(
    'raw',
    base64ToBytes(secret.startsWith('whsec_') ? secret.slice('whsec_'.length) : secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['sign'],
  );
  const mac = await crypto.subtle.sign('HMAC', key, new TextEncoder().encode(`${id}.${timestamp}.${body}`));
  const expected = bytesToBase64(new Uint8Array(mac));
  const valid = signatures.split(' ').some((entry) => {
    const [version, signature] = entry.split(',');
    return version === 'v1' && signature !== undefined && sameText(signature, expected);
  });
  if (!valid) throw new WebhookVerificationError('No matching signature');
  return JSON.parse(body) as WebhookEvent;
}
