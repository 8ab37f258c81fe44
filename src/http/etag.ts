import type { CustomerRecord, Precondition } from '../domain/customer-record.js';

/** The strong ETag of a stored customer: its id and version. */
export function etagOf(record: Pick<CustomerRecord, 'id' | 'version'>): string {
  return `"${record.id}-${record.version}"`;
}

/** An `If-Match` header as the condition a write checks on the current record (`*` matches any). */
export function ifMatchOf(header: string | undefined): Precondition | undefined {
  if (header === undefined) return undefined;
  const tags = header.split(',').map((t) => t.trim());
  return (current) => {
    const etag = etagOf(current);
    return tags.some((t) => t === '*' || t === etag);
  };
}
