import { ValidationError } from '../errors.js';
import type { SortField, SortOrder } from './customer-criteria.js';

export type { SortField, SortOrder } from './customer-criteria.js';

/** Position after the last item of a page: the sort value and `_id` of that item, and the next page number. */
export interface CursorPosition {
  sortBy: SortField;
  sortOrder: SortOrder;
  value: number | Date | null;
  /** The record id (24 hexadecimal digits). */
  id: string;
  page: number;
  /** Digest of the filters the cursor was issued for (services/customer-filters.ts). */
  filters?: string;
}

interface Encoded {
  s: SortField;
  o: SortOrder;
  v: number | string | null;
  d?: 1;
  i: string;
  p: number;
  f?: string;
}

export function encodeCursor(position: CursorPosition): string {
  const value = position.value;
  const encoded: Encoded = {
    s: position.sortBy,
    o: position.sortOrder,
    v: value instanceof Date ? value.toISOString() : value,
    ...(value instanceof Date ? { d: 1 as const } : {}),
    i: position.id,
    p: position.page,
    ...(position.filters !== undefined ? { f: position.filters } : {}),
  };
  return Buffer.from(JSON.stringify(encoded)).toString('base64url');
}

const invalid = () => new ValidationError([{ field: 'cursor', message: 'Is not a cursor returned by this API' }]);

export function decodeCursor(cursor: string): CursorPosition {
  let raw: unknown;
  try {
    raw = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    throw invalid();
  }
  if (typeof raw !== 'object' || raw === null) throw invalid();
  const e = raw as Partial<Encoded>;
  const sortFields: SortField[] = ['totalOrders', 'totalOrderValue', 'lastOrderDate', 'createdAt'];
  if (!e.s || !sortFields.includes(e.s) || (e.o !== 'asc' && e.o !== 'desc')) throw invalid();
  if (typeof e.i !== 'string' || !/^[0-9a-f]{24}$/.test(e.i)) throw invalid();
  if (typeof e.p !== 'number' || !Number.isInteger(e.p) || e.p < 2) throw invalid();
  let value: number | Date | null;
  if (e.v === null) value = null;
  else if (e.d === 1 && typeof e.v === 'string') {
    value = new Date(e.v);
    if (Number.isNaN(value.getTime())) throw invalid();
  } else if (typeof e.v === 'number' && Number.isFinite(e.v)) value = e.v;
  else throw invalid();
  if (e.f !== undefined && typeof e.f !== 'string') throw invalid();
  return { sortBy: e.s, sortOrder: e.o, value, id: e.i, page: e.p, ...(e.f !== undefined ? { filters: e.f } : {}) };
}
