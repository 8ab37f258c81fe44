import type { CustomerStatus, CustomerType } from './customer-record.js';

/** Inclusive bounds; an absent bound is open. */
export interface Range<T> {
  from?: T;
  to?: T;
}

/** Which customers a listing, search or export covers, in the API's terms (the data layer queries them). */
export interface CustomerCriteria {
  status?: CustomerStatus;
  type?: CustomerType;
  /** Customers carrying at least one of these tags. */
  anyTag?: string[];
  customerSince?: Range<Date>;
  lastOrderDate?: Range<Date>;
  totalOrderValue?: Range<number>;
  hasOpenComplaints?: boolean;
  /** Every prefix begins one of the customer's search keys (domain/search-keys.ts). */
  searchPrefixes?: string[];
  /** Also the records CRMS created for administrators (left out by default: they are not customers). */
  includeAdministrators?: boolean;
}

export type SortField = 'totalOrders' | 'totalOrderValue' | 'lastOrderDate' | 'createdAt';
export type SortOrder = 'asc' | 'desc';

/** Where a keyset page continues: after the record with this sort value (null when absent) and id. */
export interface PagePosition {
  value: number | Date | null;
  id: string;
}
