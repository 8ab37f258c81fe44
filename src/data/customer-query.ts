import type { Filter } from 'mongodb';
import type { CustomerCriteria, PagePosition, Range, SortField, SortOrder } from '../domain/customer-criteria.js';
import { escapeRegex } from '../domain/search-keys.js';
import type { CustomerDocument } from './customer-document.js';
import { storedId } from './customer-records.js';

export type CustomerFilter = Filter<CustomerDocument>;

function rangeClause<T extends Date | number>(range: Range<T> | undefined): Record<string, T> | undefined {
  if (!range || (range.from === undefined && range.to === undefined)) return undefined;
  return { ...(range.from !== undefined ? { $gte: range.from } : {}), ...(range.to !== undefined ? { $lte: range.to } : {}) };
}

/** Every prefix anchored and escaped (never a pattern), one clause per prefix. */
function searchFilter(prefixes: readonly string[]): CustomerFilter {
  const clauses = prefixes.map((p) => ({ searchKeys: { $regex: `^${escapeRegex(p)}` } }));
  return clauses.length === 1 ? (clauses[0] as CustomerFilter) : { $and: clauses };
}

/** The MongoDB filter of `criteria`, every clause on an indexed field (see indexes.ts). */
export function filterOf(criteria: CustomerCriteria): CustomerFilter {
  const filter: Record<string, unknown> = {};
  if (criteria.status) filter['customerStatus'] = criteria.status;
  if (criteria.type) filter['customerType'] = criteria.type;
  if (criteria.anyTag) filter['tags'] = { $in: criteria.anyTag };
  const since = rangeClause(criteria.customerSince);
  if (since) filter['customerSince'] = since;
  const lastOrder = rangeClause(criteria.lastOrderDate);
  if (lastOrder) filter['lastOrderDate'] = lastOrder;
  const value = rangeClause(criteria.totalOrderValue);
  if (value) filter['totalOrderValue'] = value;
  if (criteria.hasOpenComplaints === true) filter['openComplaints'] = { $gt: 0 };
  if (criteria.hasOpenComplaints === false) filter['openComplaints'] = 0;
  if (!criteria.includeAdministrators) Object.assign(filter, NOT_ADMINISTRATOR);
  const search = criteria.searchPrefixes ? searchFilter(criteria.searchPrefixes) : undefined;
  return { ...filter, ...search } as CustomerFilter;
}

/**
 * Customers only: the records CRMS created for administrators carry `isAdministrator: true`, every
 * other record lacks the field. A residual condition checked on the documents the other clauses'
 * index selects (administrators are a handful, so it rejects almost nothing); never the index's
 * leading clause. See docs/read-paths.md.
 */
export const NOT_ADMINISTRATOR = { isAdministrator: { $ne: true } } as const;

/** The records CRMS created for administrators: an equality on the indexed field. */
export const ADMINISTRATOR = { isAdministrator: true } as const;

/**
 * Documents strictly after `after` in the order {field: dir, _id: dir}. A missing value
 * (lastOrderDate before the first order) sorts lowest, as MongoDB orders null.
 */
export function keysetFilter(field: SortField, order: SortOrder, after: PagePosition): CustomerFilter {
  const f = field as string;
  const { value } = after;
  const id = storedId(after.id);
  if (!id) throw new Error(`not a record id: ${after.id}`);
  if (order === 'desc') {
    if (value === null) return { [f]: null, _id: { $lt: id } } as CustomerFilter;
    return { $or: [{ [f]: { $lt: value } }, { [f]: value, _id: { $lt: id } }, { [f]: null }] } as CustomerFilter;
  }
  if (value === null) {
    return { $or: [{ [f]: null, _id: { $gt: id } }, { [f]: { $ne: null } }] } as CustomerFilter;
  }
  return { $or: [{ [f]: { $gt: value } }, { [f]: value, _id: { $gt: id } }] } as CustomerFilter;
}
