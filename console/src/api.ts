import { CrmsApiError, createCrmsClient, unwrap, type CrmsClient, type ErrorEnvelope } from '@crms/sdk';
import type { paths as AuthPaths } from '@crms/sdk/clients/auth';
import createClient from 'openapi-fetch';
import type { Session } from './session';

export { CrmsApiError, unwrap };
export type { CrmsClient, ErrorEnvelope };

/**
 * The CRMS client of the console: the generated SDK on this origin, with the session's token. A 401
 * ends the session (expired or revoked token), which brings the sign-in screen back.
 */
export function consoleClient(session: Session, options: { baseUrl?: string; fetch?: typeof globalThis.fetch } = {}): CrmsClient {
  const client = createCrmsClient({
    baseUrl: options.baseUrl ?? window.location.origin,
    token: () => session.token ?? '',
    ...(options.fetch ? { fetch: options.fetch } : {}),
  });
  client.use({
    onResponse({ response }) {
      if (response.status === 401) session.signOut('Your session has ended (the token expired or was refused): sign in again.');
      return response;
    },
  });
  return client;
}

/** The success body and the `ETag` of an SDK result (the version every later write sends as If-Match). */
export function withEtag<T>(result: { data?: T; error?: unknown; response: Response }): { body: T; etag: string | null } {
  return { body: unwrap(result), etag: result.response.headers.get('ETag') };
}

/** The Auth Service's login (openapi/clients/auth.yaml), typed from its contract. */
export async function login(authUrl: string, email: string, password: string): Promise<{ accessToken: string; refreshToken: string | null }> {
  const auth = createClient<AuthPaths>({ baseUrl: authUrl });
  const result = await auth.POST('/api/auth/login', { body: { email, password } });
  if (result.data) return { accessToken: result.data.data.accessToken, refreshToken: result.data.data.refreshToken ?? null };
  throw authError(result);
}

/** The Auth Service's renewal of an access token with the login's refresh token. */
export async function renewToken(authUrl: string, refreshToken: string): Promise<string> {
  const auth = createClient<AuthPaths>({ baseUrl: authUrl });
  const result = await auth.POST('/api/auth/refresh-token', { body: { refreshToken } });
  if (result.data) return result.data.data.accessToken;
  throw authError(result);
}

function authError(result: { error?: unknown; response: Response }): CrmsApiError {
  const error = result.error as { message?: unknown; errors?: unknown } | undefined;
  const errors = Array.isArray(error?.errors)
    ? error.errors.filter((e): e is { field: string; message: string } => typeof e?.field === 'string' && typeof e?.message === 'string')
    : [];
  const message = typeof error?.message === 'string' ? error.message : `The Auth Service answered ${result.response.status}`;
  return new CrmsApiError(result.response.status, { success: false, message, errors }, result.response.headers.get('x-request-id'));
}

/** The Auth Service's URL, from the meta tag CRMS adds to index.html (or Vite's env in `make console-dev`). */
export function configuredAuthUrl(): string | null {
  const meta = document.querySelector<HTMLMetaElement>('meta[name="crms-auth-url"]')?.content;
  const url = meta || import.meta.env['VITE_CONSOLE_AUTH_URL'];
  return typeof url === 'string' && url !== '' ? url : null;
}

/** Saves `blob` as a file through a temporary object URL (how the CSV and GDPR exports are downloaded). */
export function saveBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

/** The file name a Content-Disposition header suggests, or `fallback`. */
export function dispositionFileName(header: string | null, fallback: string): string {
  const match = header ? /filename="?([^";]+)"?/i.exec(header) : null;
  return match?.[1] ?? fallback;
}

/** Any error as the API's envelope, so that one component renders them all. */
export function asEnvelope(error: unknown): ErrorEnvelope {
  if (error instanceof CrmsApiError) {
    return error.envelope ?? { success: false, message: error.message, errors: [] };
  }
  const message = error instanceof Error ? error.message : String(error);
  return { success: false, message: `CRMS could not be reached: ${message}`, errors: [] };
}

export const statusOf = (error: unknown): number | undefined => (error instanceof CrmsApiError ? error.status : undefined);
