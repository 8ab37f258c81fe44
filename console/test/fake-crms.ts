import { consoleClient } from '../src/api';
import { Session } from '../src/session';

/** A request the console made, as the fake CRMS received it. */
export interface Seen {
  method: string;
  path: string;
  query: URLSearchParams;
  headers: Headers;
  body: unknown;
}

export type Route = (req: Seen) => Response | undefined;

export const json = (status: number, body: unknown, headers: Record<string, string> = {}) =>
  new Response(JSON.stringify(body), { status, headers: { 'Content-Type': 'application/json', ...headers } });

/** A signed-looking token whose claims the console reads (CRMS would verify it; the fake does not). */
export function fakeToken(claims: Record<string, unknown> = {}): string {
  const enc = (v: unknown) => btoa(JSON.stringify(v)).replaceAll('=', '').replaceAll('+', '-').replaceAll('/', '_');
  return `${enc({ alg: 'HS256', typ: 'JWT' })}.${enc({ userId: 'b'.repeat(24), email: 'admin@example.com', role: 'Administrator', exp: Math.floor(Date.now() / 1000) + 900, ...claims })}.c2ln`;
}

/**
 * The real SDK client of the console over a fake CRMS: `routes` answer the requests (the first that
 * returns a Response wins); every request is recorded in `seen`.
 */
export function fakeCrms(routes: Route[]) {
  const seen: Seen[] = [];
  const session = new Session({ storage: undefined, channel: null });
  session.signIn(fakeToken());
  const handler = async (input: Request | string | URL, init?: RequestInit): Promise<Response> => {
    const request = input instanceof Request ? input : new Request(input, init);
    const url = new URL(request.url);
    const text = request.method === 'GET' ? '' : await request.text();
    const req: Seen = { method: request.method, path: url.pathname, query: url.searchParams, headers: request.headers, body: text ? JSON.parse(text) : undefined };
    seen.push(req);
    for (const route of routes) {
      const answer = route(req);
      if (answer) return answer;
    }
    return json(404, { success: false, message: 'Route not found', errors: [] });
  };
  const crms = consoleClient(session, { baseUrl: 'http://crms.test', fetch: handler as typeof globalThis.fetch });
  return { crms, session, seen };
}
