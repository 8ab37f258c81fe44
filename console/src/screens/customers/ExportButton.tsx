import { useMutation } from '@tanstack/react-query';
import { dispositionFileName, saveBlob, unwrap } from '../../api';
import { useConsole } from '../../context';
import { ErrorSummary } from '../../errors';
import type { Filters } from '../../paging';

/** The CSV export of the current filters (sort and page size do not apply), saved as a file. */
export function ExportButton({ filters }: { filters: Filters }) {
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
