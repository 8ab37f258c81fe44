/**
 * Cheap checks that a configured secret is not one anybody can know or guess: a value published in
 * this repository (the development defaults of config.ts, the placeholders of `.env.example`), a
 * placeholder, or a low-variety value (one character repeated, a short pattern repeated, few
 * distinct characters, well-known words with little else). Not a strength meter: a secret that
 * passes may still be weak, one that fails certainly is.
 */

/** The development defaults (used only with ENVIRONMENT=development). */
export const DEV_JWT_SECRET = 'dev-only-jwt-secret-change-me-0123456789abcdef';
export const DEV_SERVICE_API_KEY = 'dev-only-service-api-key-change-me';

/** The placeholders `.env.example` ships (test/config keeps them in step with the file). */
export const EXAMPLE_PLACEHOLDERS = ['change-me-to-a-long-random-secret-of-32-chars-or-more', 'change-me-internal-service-api-key'];

const PUBLISHED = new Set([DEV_JWT_SECRET, DEV_SERVICE_API_KEY, ...EXAMPLE_PLACEHOLDERS]);

const PLACEHOLDER = /change[\s._-]*me|replace[\s._-]*me|placeholder|your[\s._-]*([a-z]+[\s._-]*)?(secret|key|token)|^<.*>$/i;

/** Words that add nothing to a secret (removed before the variety checks). */
const WELL_KNOWN =
  /secret|password|passwd|changeme|default|admin|qwerty|letmein|welcome|example|sample|dummy|test|dev|prod|jwt|api|key|token|service/gi;

/** The value is one shorter unit repeated ("abcabcabc…"). */
const repeatsAUnit = (value: string): boolean => value.length > 1 && (value + value).indexOf(value, 1) < value.length;

/** Too little variety for its length: fewer than min(8, length / 4) distinct characters, or a repeated unit. */
function lowVariety(value: string): boolean {
  const distinct = new Set(value).size;
  return distinct < Math.min(8, Math.floor(value.length / 4)) || repeatsAUnit(value);
}

/** Why `value` must not be used as a secret, or undefined when none of the checks finds a reason. */
export function secretWeakness(value: string): string | undefined {
  if (PUBLISHED.has(value)) return 'is a value published in the repository (a development default or an .env.example placeholder)';
  if (PLACEHOLDER.test(value)) return 'looks like a placeholder';
  if (lowVariety(value)) return 'has too little variety (a repeated character or pattern, or few distinct characters)';
  const rest = value.replace(WELL_KNOWN, '').replace(/[^A-Za-z0-9]/g, '');
  if (rest.length < 8 || lowVariety(rest)) return 'is made of well-known words with little else';
  return undefined;
}
