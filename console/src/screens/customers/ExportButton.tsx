import { useMutation } from '@tanstack/react-query';
import { dispositionFileName, saveBlob, unwrap } from '../../api';
import { useConsole } from '../../context';
import { ErrorSummary } from '../../errors';
import { plural } from '../../format';
import type { Filters } from '../../paging';

/** The records of a CSV text: its lines outside quoted fields, less the header line. */
export function csvRecordCount(text: string): number {
  let lines = 0;
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (c === '\n' && !quoted) lines += 1;
  }
  if (text.length > 0 && !text.endsWith('\n')) lines += 1;
  return Math.max(0, lines - 1);
}

/** The applied filters in words ("status Suspended, tags vip"), or "all customers". */
export function describeFilters(query: Record<string, unknown>): string {
  const parts = Object.entries(query)
    .filter(([, v]) => v !== undefined && v !== '')
    .map(([k, v]) => `${k.replace(/([A-Z])/g, ' $1').toLowerCase()} ${String(v)}`);
  return parts.length === 0 ? 'all customers' : parts.join(', ');
}

/** The CSV export of the list's applied filters (sort and page size do not apply), saved as a file; says what it saved. */
export function ExportButton({ filters }: { filters: Filters }) {
  const { crms } = useConsole();
  const exportCsv = useMutation({
    mutationFn: async () => {
      const { sortBy: _s, sortOrder: _o, limit: _l, ...query } = filters;
      const result = await crms.GET('/api/customers/export.csv', { params: { query }, parseAs: 'blob' });
      const blob = unwrap(result);
      const fileName = dispositionFileName(result.response.headers.get('Content-Disposition'), 'customers.csv');
      saveBlob(blob, fileName);
      return `Exported ${plural(csvRecordCount(await blob.text()), 'customer')} (${describeFilters(query)}) to ${fileName}.`;
    },
  });
  return (
    <div className="export">
      <button type="button" onClick={() => exportCsv.mutate()} disabled={exportCsv.isPending}>
        {exportCsv.isPending ? 'Exporting…' : 'Export CSV (current filters)'}
      </button>
      {exportCsv.data && <p role="status">{exportCsv.data}</p>}
      <ErrorSummary error={exportCsv.error} />
    </div>
  );
}
