import { useState, type FormEvent } from 'react';
import type { asEnvelope } from '../../api';
import { STATUSES, TYPES } from '../../data';
import { FieldError, fieldProps } from '../../errors';
import { emptyFilterForm, filtersFromForm, type FilterForm, type Filters } from '../../paging';

export const FILTER_FIELDS = Object.keys(emptyFilterForm);

/** The filters, sort and page size; starts from the list's (the URL's). */
export function FilterPanel({
  initial,
  envelope,
  onApply,
}: {
  initial: FilterForm;
  envelope: ReturnType<typeof asEnvelope> | null;
  onApply: (filters: Filters) => void;
}) {
  const [form, setForm] = useState<FilterForm>(initial);
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
          <div className="field checkbox">
            <input
              id={`${F}-includeAdministrators`}
              name="includeAdministrators"
              type="checkbox"
              checked={form.includeAdministrators === 'true'}
              onChange={(e) => setForm((f) => ({ ...f, includeAdministrators: e.target.checked ? 'true' : '' }))}
            />
            <label htmlFor={`${F}-includeAdministrators`}>Show administrators</label>
          </div>
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
