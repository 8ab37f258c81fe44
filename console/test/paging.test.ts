import { describe, expect, it } from 'vitest';
import { emptyFilterForm, filtersFromForm, initialPaging, pageNumber, pageQuery, pagingReducer } from '../src/paging';

describe('When the customer list pages with keyset cursors', () => {
  it('then "next" continues from pagination.nextCursor and "previous" goes back to the exact earlier page', () => {
    let s = initialPaging({ status: 'Active', limit: 2 });
    expect(pageQuery(s)).toEqual({ status: 'Active', limit: 2 });
    s = pagingReducer(s, { type: 'next', nextCursor: 'c2' });
    s = pagingReducer(s, { type: 'next', nextCursor: 'c3' });
    expect(pageNumber(s)).toBe(3);
    expect(pageQuery(s)).toEqual({ status: 'Active', limit: 2, cursor: 'c3' });
    s = pagingReducer(s, { type: 'previous' });
    expect(pageQuery(s)).toEqual({ status: 'Active', limit: 2, cursor: 'c2' });
    s = pagingReducer(s, { type: 'previous' });
    s = pagingReducer(s, { type: 'previous' });
    expect(pageNumber(s)).toBe(1);
    expect(pageQuery(s)).toEqual({ status: 'Active', limit: 2 });
  });

  it('then the last page (no nextCursor) does not advance', () => {
    const s = pagingReducer(initialPaging(), { type: 'next', nextCursor: null });
    expect(pageNumber(s)).toBe(1);
  });

  it('then changing the filters drops the cursors (a cursor is valid only with the filters that produced it)', () => {
    let s = pagingReducer(initialPaging({ status: 'Active' }), { type: 'next', nextCursor: 'c2' });
    s = pagingReducer(s, { type: 'filter', filters: { status: 'Suspended' } });
    expect(pageNumber(s)).toBe(1);
    expect(pageQuery(s)).toEqual({ status: 'Suspended' });
    s = pagingReducer(pagingReducer(s, { type: 'next', nextCursor: 'x' }), { type: 'first' });
    expect(pageQuery(s)).toEqual({ status: 'Suspended' });
  });

  it('then the filter form becomes the contract query, empty inputs left out', () => {
    expect(filtersFromForm(emptyFilterForm)).toEqual({ sortBy: 'createdAt', sortOrder: 'desc', limit: 20 });
    expect(
      filtersFromForm({
        ...emptyFilterForm,
        searchTerm: ' jo ',
        status: 'Active',
        type: 'VIP',
        tags: 'a,b',
        customerSinceFrom: '2025-01-01',
        customerSinceTo: '2025-12-31',
        lastOrderFrom: '2026-01-01',
        lastOrderTo: '2026-01-31',
        minOrderValue: '100',
        maxOrderValue: '2500.5',
        hasOpenComplaints: 'false',
        sortBy: 'totalOrderValue',
        sortOrder: 'asc',
        limit: '50',
      }),
    ).toEqual({
      searchTerm: 'jo',
      status: 'Active',
      type: 'VIP',
      tags: 'a,b',
      customerSinceFrom: '2025-01-01',
      customerSinceTo: '2025-12-31',
      lastOrderFrom: '2026-01-01',
      lastOrderTo: '2026-01-31',
      minOrderValue: 100,
      maxOrderValue: 2500.5,
      hasOpenComplaints: false,
      sortBy: 'totalOrderValue',
      sortOrder: 'asc',
      limit: 50,
    });
  });
});
