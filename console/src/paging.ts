import type { paths } from '@crms/sdk';

/** The list's query, as the contract names it (GET /api/customers). */
export type ListQuery = NonNullable<paths['/api/customers']['get']['parameters']['query']>;
export type Filters = Omit<ListQuery, 'cursor' | 'page'>;

/**
 * Keyset paging of the customer list: the cursors of the pages visited so far (the first page has
 * none), so that "previous" goes back exactly and "next" continues from `pagination.nextCursor`.
 * A cursor is valid only with the filters, sort and page size that produced it: changing any of
 * them starts again from the first page.
 */
export interface PagingState {
  filters: Filters;
  /** cursors[i] opens page i + 1; cursors[0] is undefined. */
  cursors: (string | undefined)[];
}

export type PagingAction =
  { type: 'filter'; filters: Filters } | { type: 'next'; nextCursor: string | null } | { type: 'previous' } | { type: 'first' };

export const initialPaging = (filters: Filters = {}): PagingState => ({ filters, cursors: [undefined] });

export function pagingReducer(state: PagingState, action: PagingAction): PagingState {
  switch (action.type) {
    case 'filter':
      return initialPaging(action.filters);
    case 'next':
      if (!action.nextCursor) return state;
      return { ...state, cursors: [...state.cursors, action.nextCursor] };
    case 'previous':
      return state.cursors.length > 1 ? { ...state, cursors: state.cursors.slice(0, -1) } : state;
    case 'first':
      return { ...state, cursors: [undefined] };
  }
}

/** 1-based number of the page shown. */
export const pageNumber = (state: PagingState) => state.cursors.length;

/** The query of the page shown. */
export function pageQuery(state: PagingState): ListQuery {
  const cursor = state.cursors[state.cursors.length - 1];
  return cursor ? { ...state.filters, cursor } : { ...state.filters };
}

/** The filter form's text values → the contract's query (empty inputs are left out). */
export interface FilterForm {
  searchTerm: string;
  status: string;
  type: string;
  tags: string;
  customerSinceFrom: string;
  customerSinceTo: string;
  lastOrderFrom: string;
  lastOrderTo: string;
  minOrderValue: string;
  maxOrderValue: string;
  hasOpenComplaints: string;
  /** 'true': also the records CRMS created for administrators (the API leaves them out by default). */
  includeAdministrators: string;
  sortBy: string;
  sortOrder: string;
  limit: string;
}

export const emptyFilterForm: FilterForm = {
  searchTerm: '',
  status: '',
  type: '',
  tags: '',
  customerSinceFrom: '',
  customerSinceTo: '',
  lastOrderFrom: '',
  lastOrderTo: '',
  minOrderValue: '',
  maxOrderValue: '',
  hasOpenComplaints: '',
  includeAdministrators: '',
  sortBy: 'createdAt',
  sortOrder: 'desc',
  limit: '20',
};

export function filtersFromForm(form: FilterForm): Filters {
  const filters: Record<string, unknown> = {};
  const text = (key: keyof FilterForm) => {
    const value = form[key].trim();
    if (value !== '') filters[key] = value;
  };
  // numbers are sent as typed: CRMS answers a malformed one with a field error, shown next to the input
  const number = (key: keyof FilterForm) => {
    const value = form[key].trim();
    if (value !== '') filters[key] = Number.isFinite(Number(value)) ? Number(value) : value;
  };
  text('searchTerm');
  text('status');
  text('type');
  text('tags');
  text('customerSinceFrom');
  text('customerSinceTo');
  text('lastOrderFrom');
  text('lastOrderTo');
  number('minOrderValue');
  number('maxOrderValue');
  if (form.hasOpenComplaints !== '') filters['hasOpenComplaints'] = form.hasOpenComplaints === 'true';
  if (form.includeAdministrators === 'true') filters['includeAdministrators'] = true;
  text('sortBy');
  text('sortOrder');
  number('limit');
  return filters as Filters;
}

/** The filter form of `filters` (the inverse of filtersFromForm). */
export function formFromFilters(filters: Filters): FilterForm {
  const form: FilterForm = { ...emptyFilterForm };
  for (const key of Object.keys(emptyFilterForm) as (keyof FilterForm)[]) {
    const value = (filters as Record<string, unknown>)[key];
    if (value !== undefined && value !== null) form[key] = String(value);
  }
  return form;
}

/**
 * The list's state in the URL: the filters, sort and page size under their contract names (the
 * defaults left out), and the cursors of the pages walked, in order (`cursor=…&cursor=…`), so that a
 * filtered page can be bookmarked, reloaded and shared, and Back returns to it.
 */
export function searchOfPaging(state: PagingState): string {
  const params = new URLSearchParams();
  const form = formFromFilters(state.filters);
  for (const key of Object.keys(emptyFilterForm) as (keyof FilterForm)[]) {
    if (form[key] !== emptyFilterForm[key]) params.set(key, form[key]);
  }
  for (const cursor of state.cursors) if (cursor) params.append('cursor', cursor);
  return params.toString();
}

export function pagingFromSearch(search: string): PagingState {
  const params = new URLSearchParams(search);
  const form: FilterForm = { ...emptyFilterForm };
  for (const key of Object.keys(emptyFilterForm) as (keyof FilterForm)[]) {
    const value = params.get(key);
    if (value !== null) form[key] = value;
  }
  return { filters: filtersFromForm(form), cursors: [undefined, ...params.getAll('cursor').filter((c) => c !== '')] };
}
