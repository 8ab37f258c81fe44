import createClient, { type Client } from 'openapi-fetch';
import { boundedFetch } from './bounded-fetch.js';

/** Sibling answers CRMS reads are small pages; anything bigger is refused as a contract failure. */
export const MAX_RESPONSE_BYTES = 1024 * 1024;

/** An openapi-fetch client typed by a sibling's generated `paths`; redirects are not followed. */
export function siblingHttpClient<Paths extends object>(baseUrl: string): Client<Paths> {
  return createClient<Paths>({ baseUrl, fetch: boundedFetch(MAX_RESPONSE_BYTES), redirect: 'error' });
}
