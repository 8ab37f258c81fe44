import { createHash } from 'node:crypto';
import type { CustomerCriteria, Range } from '../domain/customer-criteria.js';
import type { CustomerStatus, CustomerType } from '../domain/customer-record.js';
import { parseInputDate } from '../domain/dates.js';
import { searchPrefixes } from '../domain/search-keys.js';
import { ValidationError, type FieldError } from '../errors.js';

/** The filters shared by `GET /api/customers` and `GET /api/customers/export.csv` (query as validated). */
export interface CustomerFilterQuery {
  status?: CustomerStatus;
  type?: CustomerType;
  searchTerm?: string;
  tags?: string;
  customerSinceFrom?: string;
  customerSinceTo?: string;
  lastOrderFrom?: string;
  lastOrderTo?: string;
  minOrderValue?: number;
  maxOrderValue?: number;
  hasOpenComplaints?: boolean;
  includeAdministrators?: boolean;
}

const FILTER_KEYS = [
  'status',
  'type',
  'searchTerm',
  'tags',
  'customerSinceFrom',
  'customerSinceTo',
  'lastOrderFrom',
  'lastOrderTo',
  'minOrderValue',
  'maxOrderValue',
  'hasOpenComplaints',
  'includeAdministrators',
] as const satisfies readonly (keyof CustomerFilterQuery)[];

const MAX_TAGS = 50;
const MAX_TAG_LENGTH = 50;
const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const DAY_MS = 24 * 3600 * 1000;

/** The prefixes of a search text: every query word must prefix-match one of the normalised keys. */
export function searchCriteria(text: string, field: string): string[] {
  const prefixes = searchPrefixes(text);
  if (prefixes.length === 0) {
    throw new ValidationError([{ field, message: 'Must contain at least one letter or digit' }]);
  }
  if (prefixes.length > 10) throw new ValidationError([{ field, message: 'Must contain at most 10 words' }]);
  return prefixes;
}

/** `a, b,a` → [a, b]; blank items, too many or too long tags are a 400 naming `tags`. */
export function parseTagList(value: string): string[] {
  const tags = value.split(',').map((t) => t.trim());
  if (tags.some((t) => t.length === 0)) {
    throw new ValidationError([{ field: 'tags', message: 'Must be a comma-separated list of non-blank tags' }]);
  }
  const unique = [...new Set(tags)];
  if (unique.length > MAX_TAGS) throw new ValidationError([{ field: 'tags', message: `Must name at most ${MAX_TAGS} tags` }]);
  if (unique.some((t) => t.length > MAX_TAG_LENGTH)) {
    throw new ValidationError([{ field: 'tags', message: `Each tag must be at most ${MAX_TAG_LENGTH} characters` }]);
  }
  return unique;
}

/** Inclusive bounds (a date-only `…To` ends at its last millisecond). */
type DateRange = Range<Date>;

/** A date-only value is its first millisecond (UTC) as a lower bound and its last as an upper bound. */
function parseBound(value: string, field: string, edge: 'from' | 'to'): Date {
  if (!DATE_ONLY.test(value)) return parseInputDate(value, field);
  const start = parseInputDate(`${value}T00:00:00Z`, field);
  return edge === 'from' ? start : new Date(start.getTime() + DAY_MS - 1);
}

function dateRange(from: string | undefined, to: string | undefined, names: [string, string], errors: FieldError[]): DateRange {
  const range: DateRange = {};
  const collect = (fn: () => Date): Date | undefined => {
    try {
      return fn();
    } catch (err) {
      if (err instanceof ValidationError) errors.push(...err.errors);
      else throw err;
      return undefined;
    }
  };
  if (from !== undefined) range.from = collect(() => parseBound(from, names[0], 'from'));
  if (to !== undefined) range.to = collect(() => parseBound(to, names[1], 'to'));
  if (range.from && range.to && range.from > range.to) {
    errors.push({ field: names[1], message: `Must not be before ${names[0]}` });
  }
  return range;
}

function range<T extends Date | number>(from: T | undefined, to: T | undefined): Range<T> | undefined {
  if (from === undefined && to === undefined) return undefined;
  return { ...(from !== undefined ? { from } : {}), ...(to !== undefined ? { to } : {}) };
}

/**
 * The criteria of the listing filters (the data layer serves every one from an index, see
 * data/indexes.ts). Every problem is reported at once (400, one entry per field).
 */
export function customerCriteria(query: CustomerFilterQuery): CustomerCriteria {
  const errors: FieldError[] = [];
  const criteria: CustomerCriteria = {};
  if (query.status) criteria.status = query.status;
  if (query.type) criteria.type = query.type;
  if (query.tags !== undefined) {
    try {
      criteria.anyTag = parseTagList(query.tags);
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push(...err.errors);
    }
  }
  const since = dateRange(query.customerSinceFrom, query.customerSinceTo, ['customerSinceFrom', 'customerSinceTo'], errors);
  const lastOrder = dateRange(query.lastOrderFrom, query.lastOrderTo, ['lastOrderFrom', 'lastOrderTo'], errors);
  if (query.minOrderValue !== undefined && query.maxOrderValue !== undefined && query.minOrderValue > query.maxOrderValue) {
    errors.push({ field: 'maxOrderValue', message: 'Must not be less than minOrderValue' });
  }
  if (query.searchTerm !== undefined) {
    try {
      criteria.searchPrefixes = searchCriteria(query.searchTerm, 'searchTerm');
    } catch (err) {
      if (!(err instanceof ValidationError)) throw err;
      errors.push(...err.errors);
    }
  }
  if (errors.length > 0) throw new ValidationError(errors);

  const sinceRange = range(since.from, since.to);
  if (sinceRange) criteria.customerSince = sinceRange;
  const lastOrderRange = range(lastOrder.from, lastOrder.to);
  if (lastOrderRange) criteria.lastOrderDate = lastOrderRange;
  const valueRange = range(query.minOrderValue, query.maxOrderValue);
  if (valueRange) criteria.totalOrderValue = valueRange;
  if (query.hasOpenComplaints !== undefined) criteria.hasOpenComplaints = query.hasOpenComplaints;
  if (query.includeAdministrators) criteria.includeAdministrators = true;
  return criteria;
}

/** A short digest of the filters, carried in list cursors so a cursor is used only with its own filters. */
export function filterFingerprint(query: CustomerFilterQuery): string {
  // includeAdministrators only when true: the cursors issued before it existed stay valid
  const canonical = FILTER_KEYS.filter((key) => key !== 'includeAdministrators' || query[key] === true).map((key) => [
    key,
    query[key] ?? null,
  ]);
  return createHash('sha256').update(JSON.stringify(canonical)).digest('base64url').slice(0, 12);
}
