/**
 * Where the customer list was last shown in this tab (its path with the filters, sort, page size
 * and page in the query string), so that a customer screen returns to it: "← Customers" and
 * after a deletion.
 */
let last = '/';

export function rememberList(href: string): void {
  last = href;
}

export const lastListHref = (): string => last;
