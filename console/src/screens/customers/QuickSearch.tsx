import { useId, useState } from 'react';
import { Link } from 'wouter';
import { useCustomerSearch } from '../../data';
import { ErrorSummary } from '../../errors';
import { useDebounced } from '../../useDebounced';

/**
 * Search-as-you-type: GET /api/customers/search, 300 ms after the last keystroke. The first ten
 * results show here; "Show all N in the list" opens the list filtered by the same term.
 */
export function QuickSearch() {
  const [text, setText] = useState('');
  const term = useDebounced(text.trim(), 300);
  const id = useId();
  const search = useCustomerSearch(term);
  return (
    <div className="quick-search" role="search">
      <label htmlFor={id}>Quick search</label>
      <input
        id={id}
        type="search"
        value={text}
        onChange={(e) => setText(e.target.value)}
        placeholder="Name, e-mail or phone"
        autoComplete="off"
      />
      {term.length > 0 && (
        <div className="search-results" aria-live="polite">
          {search.error ? (
            <ErrorSummary error={search.error} />
          ) : search.data ? (
            <>
              <p>
                {search.data.totalResults} found for “{search.data.searchTerm}”
                {search.data.totalResults > search.data.results.length && (
                  <>
                    {' · '}
                    <Link href={`/?${new URLSearchParams({ searchTerm: term }).toString()}`} onClick={() => setText('')}>
                      Show all {search.data.totalResults} in the list
                    </Link>
                  </>
                )}
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
