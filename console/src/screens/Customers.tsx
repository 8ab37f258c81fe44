import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useId, useReducer, useState, type FormEvent } from 'react';
import { Link } from 'wouter';
import type { components } from '@crms/sdk';
import { asEnvelope, dispositionFileName, saveBlob, unwrap } from '../api';
import { useConsole } from '../context';
import { invalidateAfterWrite, STATUSES, TYPES, useCustomerList, useCustomerSearch } from '../data';
import { ErrorSummary, FieldError, fieldProps } from '../errors';
import { formatCount, formatDate, formatMoney, splitTags } from '../format';
import {
  emptyFilterForm,
  filtersFromForm,
  initialPaging,
  pageNumber,
  pageQuery,
  pagingReducer,
  type FilterForm,
  type Filters,
} from '../paging';
import { useDebounced } from '../useDebounced';

type BulkAction = components['schemas']['BulkOperationRequest']['action'];
type BulkResult = components['schemas']['BulkOperationResult'];

const FILTER_FIELDS = Object.keys(emptyFilterForm);

export function CustomersScreen() {
  const [paging, dispatch] = useReducer(pagingReducer, initialPaging(filtersFromForm(emptyFilterForm)));
  const [selected, setSelected] = useState<ReadonlySet<string>>(new Set());
  const list = useCustomerList(pageQuery(paging));
  const filterError = list.error ? asEnvelope(list.error) : null;
  const customers = list.data?.customers ?? [];
  const pagination = list.data?.pagination;

  const toggle = (id: string) =>
    setSelected((current) => {
      const next = new Set(current);
      if (next.has(id)) next.delete(id);
      else next.add(id);
      return next;
    });
  const allOnPage = customers.length > 0 && customers.every((c) => selected.has(c.customerId));
  const toggleAll = () =>
    setSelected((current) => {
      const next = new Set(current);
      for (const c of customers) {
        if (allOnPage) next.delete(c.customerId);
        else next.add(c.customerId);
      }
      return next;
    });

  return (
    <section aria-labelledby="customers-title">
      <h1 id="customers-title">Customers</h1>
      <QuickSearch />
      <FilterPanel
        envelope={filterError}
        onApply={(filters) => {
          dispatch({ type: 'filter', filters });
          setSelected(new Set());
        }}
      />
      <ExportButton filters={paging.filters} />
      {list.error ? <ErrorSummary error={list.error} fields={FILTER_FIELDS} onRetry={() => void list.refetch()} /> : null}
      <div className="list-header">
        <p aria-live="polite" id="list-totals">
          {list.isPlaceholderData
            ? `Loading page ${pageNumber(paging)}…`
            : pagination
              ? `${formatCount(pagination.totalItems)} customers · page ${pageNumber(paging)} of ${Math.max(pagination.totalPages, 1)}`
              : list.isPending
                ? 'Loading customers…'
                : ''}
        </p>
      </div>
      {selected.size > 0 && <BulkPanel ids={[...selected]} onDone={() => setSelected(new Set())} />}
      <div className="table-wrap" tabIndex={0} role="region" aria-labelledby="customers-title">
        <table className="customers" aria-busy={list.isFetching}>
          <caption className="visually-hidden">Customers matching the filters</caption>
          <thead>
            <tr>
              <th scope="col">
                <input type="checkbox" aria-label="Select every customer on this page" checked={allOnPage} onChange={toggleAll} />
              </th>
              <th scope="col">Name</th>
              <th scope="col">E-mail</th>
              <th scope="col">Status</th>
              <th scope="col">Type</th>
              <th scope="col" className="num">Orders</th>
              <th scope="col" className="num">Order value</th>
              <th scope="col" className="num">Open complaints</th>
              <th scope="col">Last order</th>
              <th scope="col">Customer since</th>
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
                    onChange={() => toggle(c.customerId)}
                  />
                </td>
                <td>
                  <Link href={`/customers/${c.customerId}`}>{c.fullName}</Link>
                </td>
                <td>{c.email}</td>
                <td>
                  <span className={`badge status-${c.customerStatus}`}>{c.customerStatus}</span>
                </td>
                <td>{c.customerType}</td>
                <td className="num">{formatCount(c.totalOrders)}</td>
                <td className="num">{formatMoney(c.totalOrderValue)}</td>
                <td className="num">{c.openComplaints}</td>
                <td>{formatDate(c.lastOrderDate)}</td>
                <td>{formatDate(c.customerSince)}</td>
              </tr>
            ))}
            {list.isSuccess && customers.length === 0 && (
              <tr>
                <td colSpan={10}>No customer matches these filters.</td>
              </tr>
            )}
          </tbody>
        </table>
      </div>
      <nav className="pager" aria-label="Pages">
        <button type="button" onClick={() => dispatch({ type: 'first' })} disabled={pageNumber(paging) === 1}>
          First page
        </button>
        <button type="button" onClick={() => dispatch({ type: 'previous' })} disabled={pageNumber(paging) === 1}>
          Previous page
        </button>
        <button
          type="button"
          onClick={() => dispatch({ type: 'next', nextCursor: pagination?.nextCursor ?? null })}
          disabled={!pagination?.nextCursor || list.isFetching}
        >
          Next page
        </button>
      </nav>
    </section>
  );
}

function FilterPanel({ envelope, onApply }: { envelope: ReturnType<typeof asEnvelope> | null; onApply: (filters: Filters) => void }) {
  const [form, setForm] = useState<FilterForm>(emptyFilterForm);
  const set = (key: keyof FilterForm) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [key]: e.target.value }));
  const submit = (e: FormEvent) => {
    e.preventDefault();
    onApply(filtersFromForm(form));
  };
  const F = 'filters';
  const input = (key: keyof FilterForm, label: string, type = 'text', extra: Record<string, string> = {}) => (
    <div className="field">
      <label htmlFor={`${F}-${key}`}>{label}</label>
      <input id={`${F}-${key}`} name={key} type={type} value={form[key]} onChange={set(key)} {...extra} {...fieldProps(F, key, envelope)} />
      <FieldError form={F} field={key} envelope={envelope} />
    </div>
  );
  const select = (key: keyof FilterForm, label: string, options: ReadonlyArray<readonly [string, string]>) => (
    <div className="field">
      <label htmlFor={`${F}-${key}`}>{label}</label>
      <select id={`${F}-${key}`} name={key} value={form[key]} onChange={set(key)} {...fieldProps(F, key, envelope)}>
        {options.map(([value, text]) => (
          <option key={value} value={value}>
            {text}
          </option>
        ))}
      </select>
      <FieldError form={F} field={key} envelope={envelope} />
    </div>
  );
  return (
    <form className="filters" onSubmit={submit} aria-label="Filters">
      <fieldset>
        <legend>Filters</legend>
        <div className="grid">
          {input('searchTerm', 'Name, e-mail or phone')}
          {select('status', 'Status', [['', 'Any status'], ...STATUSES.map((s) => [s, s] as const)])}
          {select('type', 'Type', [['', 'Any type'], ...TYPES.map((s) => [s, s] as const)])}
          {input('tags', 'Tags (any of, comma-separated)')}
          {input('customerSinceFrom', 'Customer since, from', 'date')}
          {input('customerSinceTo', 'Customer since, to', 'date')}
          {input('lastOrderFrom', 'Last order, from', 'date')}
          {input('lastOrderTo', 'Last order, to', 'date')}
          {input('minOrderValue', 'Order value, at least', 'number', { step: 'any', inputMode: 'decimal' })}
          {input('maxOrderValue', 'Order value, at most', 'number', { step: 'any', inputMode: 'decimal' })}
          {select('hasOpenComplaints', 'Open complaints', [
            ['', 'Either'],
            ['true', 'With open complaints'],
            ['false', 'Without open complaints'],
          ])}
          {select('sortBy', 'Sort by', [
            ['createdAt', 'Registration'],
            ['totalOrders', 'Orders'],
            ['totalOrderValue', 'Order value'],
            ['lastOrderDate', 'Last order'],
          ])}
          {select('sortOrder', 'Order', [
            ['desc', 'Descending'],
            ['asc', 'Ascending'],
          ])}
          {select('limit', 'Per page', [
            ['10', '10'],
            ['20', '20'],
            ['50', '50'],
            ['100', '100'],
          ])}
        </div>
        <div className="actions">
          <button type="submit" className="primary">
            Apply filters
          </button>
          <button
            type="button"
            onClick={() => {
              setForm(emptyFilterForm);
              onApply(filtersFromForm(emptyFilterForm));
            }}
          >
            Reset
          </button>
        </div>
      </fieldset>
    </form>
  );
}

/** Search-as-you-type: GET /api/customers/search, 300 ms after the last keystroke. */
function QuickSearch() {
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 300);
  const id = useId();
  const search = useCustomerSearch(term);
  return (
    <div className="quick-search" role="search">
      <label htmlFor={id}>Quick search</label>
      <input id={id} type="search" value={text} onChange={(e) => setText(e.target.value)} placeholder="Name, e-mail or phone" autoComplete="off" />
      {term.length > 0 && (
        <div className="search-results" aria-live="polite">
          {search.error ? (
            <ErrorSummary error={search.error} />
          ) : search.data ? (
            <>
              <p>
                {search.data.totalResults} found for “{search.data.searchTerm}”
              </p>
              <ul aria-label="Search results">
                {search.data.results.map((r) => (
                  <li key={r.customerId}>
                    <Link href={`/customers/${r.customerId}`}>{r.fullName}</Link> <span className="muted">{r.email}</span>{' '}
                    <span className={`badge status-${r.customerStatus}`}>{r.customerStatus}</span>
                  </li>
                ))}
              </ul>
            </>
          ) : (
            <p>Searching…</p>
          )}
        </div>
      )}
    </div>
  );
}

/** The CSV export of the current filters (sort and page size do not apply), saved as a file. */
function ExportButton({ filters }: { filters: Filters }) {
  const { crms } = useConsole();
  const exportCsv = useMutation({
    mutationFn: async () => {
      const { sortBy: _s, sortOrder: _o, limit: _l, ...query } = filters;
      const result = await crms.GET('/api/customers/export.csv', { params: { query }, parseAs: 'blob' });
      const blob = unwrap(result);
      saveBlob(blob, dispositionFileName(result.response.headers.get('Content-Disposition'), 'customers.csv'));
    },
  });
  return (
    <div className="export">
      <button type="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
        {exportCsv.isPending ? 'Exporting…' : 'Export CSV (current filters)'}
      </button>
      <ErrorSummary error={exportCsv.error} />
    </div>
  );
}

const BULK_LABELS: Record<BulkAction, string> = {
  setStatus: 'Set status',
  setType: 'Set type',
  addTags: 'Add tags',
  removeTags: 'Remove tags',
};

function BulkPanel({ ids, onDone }: { ids: string[]; onDone: () => void }) {
  const { crms } = useConsole();
  const qc = useQueryClient();
  const [action, setAction] = useState<BulkAction>('setStatus');
  const [value, setValue] = useState<string>('Active');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<BulkResult | null>(null);
  const bulk = useMutation({
    mutationFn: async () => {
      const tags = action === 'addTags' || action === 'removeTags';
      const body = {
        action,
        customerIds: ids,
        value: tags ? splitTags(value) : value,
        ...(action === 'setStatus' && reason.trim() !== '' ? { reason: reason.trim() } : {}),
      };
      return unwrap(await crms.POST('/api/customers/bulk', { body })).data;
    },
    onSuccess: async (data) => {
      setResult(data);
      await invalidateAfterWrite(qc);
    },
  });
  const envelope = bulk.error ? asEnvelope(bulk.error) : null;
  const F = 'bulk';
  const changeAction = (next: BulkAction) => {
    setAction(next);
    setValue(next === 'setStatus' ? 'Active' : next === 'setType' ? 'Regular' : '');
  };
  return (
    <form
      className="bulk"
      aria-label="Bulk action"
      onSubmit={(e) => {
        e.preventDefault();
        setResult(null);
        bulk.mutate();
      }}
    >
      <fieldset>
        <legend>
          Bulk action on {ids.length} selected {ids.length === 1 ? 'customer' : 'customers'}
        </legend>
        <div className="grid">
          <div className="field">
            <label htmlFor="bulk-action">Action</label>
            <select id="bulk-action" value={action} onChange={(e) => changeAction(e.target.value as BulkAction)}>
              {Object.entries(BULK_LABELS).map(([k, v]) => (
                <option key={k} value={k}>
                  {v}
                </option>
              ))}
            </select>
          </div>
          <div className="field">
            <label htmlFor="bulk-value">{action === 'setStatus' ? 'New status' : action === 'setType' ? 'New type' : 'Tags (comma-separated)'}</label>
            {action === 'setStatus' || action === 'setType' ? (
              <select id="bulk-value" value={value} onChange={(e) => setValue(e.target.value)} {...fieldProps(F, 'value', envelope)}>
                {(action === 'setStatus' ? STATUSES : TYPES).map((s) => (
                  <option key={s}>{s}</option>
                ))}
              </select>
            ) : (
              <input id="bulk-value" value={value} onChange={(e) => setValue(e.target.value)} {...fieldProps(F, 'value', envelope)} />
            )}
            <FieldError form={F} field="value" envelope={envelope} />
          </div>
          {action === 'setStatus' && (
            <div className="field">
              <label htmlFor="bulk-reason">Reason (optional)</label>
              <input id="bulk-reason" value={reason} onChange={(e) => setReason(e.target.value)} {...fieldProps(F, 'reason', envelope)} />
              <FieldError form={F} field="reason" envelope={envelope} />
            </div>
          )}
        </div>
        <div className="actions">
          <button type="submit" className="primary" disabled={bulk.isPending}>
            Apply to {ids.length} selected
          </button>
          <button type="button" onClick={onDone}>
            Clear selection
          </button>
        </div>
        <ErrorSummary error={bulk.error} fields={['value', 'reason']} />
        {result && <BulkResults result={result} />}
      </fieldset>
    </form>
  );
}

export function BulkResults({ result }: { result: BulkResult }) {
  return (
    <div className="bulk-results" role="status">
      <p>
        {BULK_LABELS[result.action]}: {result.succeeded} succeeded, {result.failed} failed.
      </p>
      <ul>
        {result.results.map((r) => (
          <li key={r.customerId} className={r.success ? 'ok' : 'failed'}>
            <code>{r.customerId}</code> {r.success ? 'done' : `failed: ${r.error?.message ?? 'unknown error'}`}
            {r.authSync ? ` · Auth sync ${r.authSync}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
