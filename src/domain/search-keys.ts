/**
 * Normalised search keys: what `GET /api/customers/search` and `searchTerm` match against, stored in the
 * indexed `searchKeys` array so that MongoDB answers an anchored prefix query from an index range.
 *   name words        "John Doe"               → john, doe (and the parts of hyphenated/apostrophe words)
 *   email             "John.Doe@Example.com"   → john.doe@example.com, john.doe, john, doe, example.com
 *   phone digits      "+91 98765-43210"        → 919876543210, 9876543210 (national number)
 */
export interface SearchableFields {
  fullName: string;
  email: string;
  contactNumber?: string | undefined;
}

const NATIONAL_DIGITS = 10;

function nameKeys(fullName: string): string[] {
  const keys: string[] = [];
  for (const word of fullName.toLowerCase().normalize('NFKC').split(/\s+/)) {
    if (!word) continue;
    keys.push(word);
    for (const part of word.split(/[-'’.]+/)) if (part && part !== word) keys.push(part);
  }
  return keys;
}

function emailKeys(email: string): string[] {
  const lower = email.toLowerCase();
  const at = lower.lastIndexOf('@');
  if (at <= 0) return [lower];
  const local = lower.slice(0, at);
  const domain = lower.slice(at + 1);
  const parts = local.split(/[._+-]+/).filter((p) => p && p !== local);
  return [lower, local, ...parts, domain];
}

export function phoneDigits(value: string): string {
  return value.replace(/\D+/g, '');
}

function phoneKeys(contactNumber: string): string[] {
  const digits = phoneDigits(contactNumber);
  if (!digits) return [];
  const keys = [digits];
  if (digits.length > NATIONAL_DIGITS) keys.push(digits.slice(-NATIONAL_DIGITS));
  return keys;
}

export function buildSearchKeys(fields: SearchableFields): string[] {
  const keys = [...nameKeys(fields.fullName), ...emailKeys(fields.email), ...(fields.contactNumber ? phoneKeys(fields.contactNumber) : [])];
  return [...new Set(keys)];
}

/** A query made only of phone characters (and at least 3 digits) is matched as digits. */
const PHONE_QUERY = /^[+\d\s()-]+$/;

/**
 * The prefixes a query must match, one per query word (all must match some key).
 * Returns an empty list when nothing searchable is left (e.g. only punctuation).
 */
export function searchPrefixes(query: string): string[] {
  const text = query.trim().toLowerCase().normalize('NFKC');
  if (PHONE_QUERY.test(text) && phoneDigits(text).length >= 3) return [phoneDigits(text)];
  return [...new Set(text.split(/\s+/).flatMap(emailWord).filter(Boolean))];
}

/**
 * A word with an `@` is an e-mail address being typed: the part before the last `@` prefixes the
 * local part (or one of its pieces) and the part after it the domain, both keys of their own, so
 * `joshi28@`, `joshi28@yah` and `@yahoo.co.in` keep finding aarav.joshi28@yahoo.co.in.
 */
function emailWord(word: string): string[] {
  const at = word.lastIndexOf('@');
  if (at < 0) return [word];
  return [word.slice(0, at), word.slice(at + 1)];
}

/** Escapes every regular-expression metacharacter so user input is only ever a literal. */
export function escapeRegex(literal: string): string {
  return literal.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}
