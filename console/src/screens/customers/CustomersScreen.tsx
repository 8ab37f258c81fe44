import { useEffect, useMemo, useState } from 'react';
import { Link, useLocation, useSearch } from 'wouter';
import type { components } from '@crms/sdk';
import { asEnvelope } from '../../api';
import { useCustomerList } from '../../data';
import { ErrorSummary } from '../../errors';
import { formatCount, formatDate, formatMoney, plural } from '../../format';
import { rememberList } from '../../list-state';
import { formFromFilters, pageNumber, pageQuery, pagingFromSearch, pagingReducer, searchOfPaging, type PagingAction } from '../../paging';
import { collectMatching, SELECT_ALL_CAP } from '../../bulk';
import { useConsole } from '../../context';
import { BulkPanel } from './BulkPanel';
import { ExportButton } from './ExportButton';
import { FILTER_FIELDS, FilterPanel } from './FilterPanel';
import { useMediaQuery } from '../../useMediaQuery';
import { QuickSearch } from './QuickSearch';
import { SavedViews } from './SavedViews';

type SortBy = components['parameters']['SortBy'];

/** The customer list. Its whole state (filters, sort, page size, the pages walked) is the URL's query string. */
export function CustomersScreen() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const paging = useMemo(() => pagingFromSearch(search), [search]);
  const href = search ? `/?${search}` : '/';
  const go = (action: PagingAction) => {
    const next = searchOfPaging(pagingReducer(paging, action));
    navigate(next ? `/?${next}` : '/');
  };
  useEffect(() => rememberList(href), [href]);
  const [selected, setSelected] = useState<ReadonlyMap<string, string>>(new Map());
  const { crms } = useConsole();
  const [selectingAll, setSelectingAll] = useState<'idle' | 'reading' | 'done'>('idle');
  const [selectAllError, setSelectAllError] = useState<unknown>(null);

  const list = useCustomerList(pageQuery(paging));
  const filterError = list.error ? asEnvelope(list.error) : null;
  const customers = list.data?.customers ?? [];
  const pagination = list.data?.pagination;
  const sortBy: SortBy = paging.filters.sortBy ?? 'createdAt';
  const sortOrder = paging.filters.sortOrder ?? 'desc';
  const filtersKey = searchOfPaging({ filters: paging.filters, cursors: [undefined] });
  const activeFilters = [...new URLSearchParams(filtersKey).keys()].filter((k) => !['sortBy', 'sortOrder', 'limit'].includes(k)).length;
  const phone = useMediaQuery('(max-width: 640px)');

  const toggle = (id: string, name: string) => {
    setSelectingAll('idle');
    setSelected((current) => {
      const next = new Map(current);
      if (next.has(id)) next.delete(id);
      else next.set(id, name);
      return next;
    });
  };
  const allOnPage = customers.length > 0 && customers.every((c) => selected.has(c.customerId));
  const totalItems = pagination?.totalItems ?? 0;
  /** Every customer that matches the applied filters (up to SELECT_ALL_CAP), read 100 at a time. */
  const selectAllMatching = async () => {
    setSelectingAll('reading');
    setSelectAllError(null);
    try {
      setSelected(await collectMatching(crms, paging.filters));
      setSelectingAll('done');
    } catch (err) {
      setSelectAllError(err);
      setSelectingAll('idle');
    }
  };
  const clearSelection = () => {
    setSelected(new Map());
    setSelectingAll('idle');
  };
  const toggleAll = () => {
    setSelectingAll('idle');
    setSelected((current) => {
      const next = new Map(current);
      for (const c of customers) {
        if (allOnPage) next.delete(c.customerId);
        else next.set(c.customerId, c.fullName);
      }
      return next;
    });
  };

  /** A sortable column's header: a button that sorts by it (descending first, then flips), with aria-sort. */
  const sortable = (field: SortBy, label: string, className?: string) => {
    const active = sortBy === field;
    return (
      <th scope="col" className={className} aria-sort={active ? (sortOrder === 'asc' ? 'ascending' : 'descending') : 'none'}>
        <button
          type="button"
          className="sort"
          onClick={() =>
            go({
              type: 'filter',
              filters: { ...paging.filters, sortBy: field, sortOrder: active && sortOrder === 'desc' ? 'asc' : 'desc' },
            })
          }
        >
          {label}
          <span aria-hidden="true">{active ? (sortOrder === 'asc' ? ' ▲' : ' ▼') : ''}</span>
        </button>
      </th>
    );
  };

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title" tabIndex={-1}>
        Customers
      </h1>
      <SavedViews current={filtersKey} />
      <QuickSearch />
      {/* on a phone the customers come first: the filters fold into a drawer */}
      <details className="filters-drawer" open={!phone || filterError !== null}>
        <summary>Filters, sort and export{activeFilters > 0 ? ` (${activeFilters} active)` : ''}</summary>
        <FilterPanel
          key={filtersKey}
          initial={formFromFilters(paging.filters)}
          envelope={filterError}
          onApply={(filters) => {
            go({ type: 'filter', filters });
            clearSelection();
          }}
        />
        <ExportButton filters={paging.filters} />
      </details>
      {list.error ? <ErrorSummary error={list.error} fields={FILTER_FIELDS} onRetry={() => void list.refetch()} /> : null}
      <div className="list-header">
        <p aria-live="polite" id="list-totals">
          {list.isPlaceholderData
            ? `Loading page ${pageNumber(paging)}…`
            : pagination
              ? `${plural(pagination.totalItems, 'customer')} · page ${pageNumber(paging)} of ${Math.max(pagination.totalPages, 1)}`
              : list.isPending
                ? 'Loading customers…'
                : ''}
        </p>
      </div>
      {allOnPage && totalItems > customers.length && selectingAll !== 'done' && (
        <div className="select-all" role="status">
          <p>
            All {plural(customers.length, 'customer')} on this page are selected.{' '}
            <button type="button" className="inline-action" disabled={selectingAll === 'reading'} onClick={() => void selectAllMatching()}>
              {selectingAll === 'reading'
                ? 'Selecting…'
                : totalItems > SELECT_ALL_CAP
                  ? `Select the first ${formatCount(SELECT_ALL_CAP)} of ${formatCount(totalItems)} that match`
                  : `Select all ${formatCount(totalItems)} that match`}
            </button>
          </p>
        </div>
      )}
      {selectingAll === 'done' && (
        <p className="select-all" role="status">
          {selected.size < totalItems
            ? `The first ${plural(selected.size, 'customer')} of ${formatCount(totalItems)} that match are selected.`
            : `All ${plural(selected.size, 'customer')} that match are selected.`}
        </p>
      )}
      {selectAllError ? <ErrorSummary error={selectAllError} fields={[]} onRetry={() => void selectAllMatching()} /> : null}
      {selected.size > 0 && <BulkPanel selected={selected} onDone={clearSelection} />}
      <div className="table-wrap">
        <table className="customers" aria-busy={list.isFetching}>
          <caption className="visually-hidden">Customers matching the filters</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select every customer on this page" checked={allOnPage} onChange={toggleAll} />
              </th>
              <th scope="col">Name and e-mail</th>
              <th scope="col">Status</th>
              <th scope="col">Type</th>
              {sortable('totalOrders', 'Orders', 'num')}
              {sortable('totalOrderValue', 'Order value', 'num')}
              <th scope="col" className="num">
                Open complaints
              </th>
              {sortable('lastOrderDate', 'Last order')}
              {sortable('createdAt', 'Registered')}
            </tr>
          </thead>
          <tbody>
            {customers.map((c) => (
              <tr key={c.customerId} aria-selected={selected.has(c.customerId)}>
                <td>
                  <input
                    type="checkbox"
                    aria-label={`Select ${c.fullName}`}
                    checked={selected.has(c.customerId)}
                    onChange={() => toggle(c.customerId, c.fullName)}
                  />
                </td>
                <td className="who-cell">
                  <Link href={`/customers/${c.customerId}`}>{c.fullName}</Link>
                  <span className="muted email">{c.email}</span>
                </td>
                <td>
                  <span className={`badge status-${c.customerStatus}`}>{c.customerStatus}</span>
                </td>
                <td>{c.customerType}</td>
                <td className="num" data-label="Orders">
                  {formatCount(c.totalOrders)}
                </td>
                <td className="num" data-label="Order value">
                  {formatMoney(c.totalOrderValue)}
                </td>
                <td className="num" data-label="Open complaints">
                  {c.openComplaints}
                </td>
                <td data-label="Last order">{formatDate(c.lastOrderDate)}</td>
                <td data-label="Registered">{formatDate(c.createdAt)}</td>
              </tr>
            ))}
            {list.isSuccess && customers.length === 0 && (
              <tr>
                <td colSpan={9}>No customer matches these filters.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => go({ type: 'first' })} disabled={pageNumber(paging) === 1}>
          First page
        </button>
        <button type="button" onClick={() => go({ type: 'previous' })} disabled={pageNumber(paging) === 1}>
          Previous page
        </button>
        <button
          type="button"
          onClick={() => go({ type: 'next', nextCursor: pagination?.nextCursor ?? null })}
          disabled={!pagination?.nextCursor || list.isFetching}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}
