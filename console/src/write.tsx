import { useMutation, useQueryClient } from '@tanstack/react-query';
import type { CrmsClient } from './api';
import { statusOf } from './api';
import { useConsole } from './context';
import { ErrorSummary } from './errors';

/**
 * A write to one customer with optimistic concurrency: it sends the ETag the screen was rendered from
 * as If-Match. On success the customer is read again (new values, new ETag); on 412 nothing was
 * changed, and WriteError offers to reload the customer (the form keeps what was typed).
 */
export function useCustomerWrite<V, R>(
  customerId: string,
  etag: string | null,
  write: (crms: CrmsClient, headers: { 'If-Match'?: string }, vars: V) => Promise<R>,
  onSuccess?: (result: R) => void,
) {
  const { crms } = useConsole();
  const qc = useQueryClient();
  return useMutation({
    mutationFn: (vars: V) => write(crms, etag ? { 'If-Match': etag } : {}, vars),
    onSuccess: async (result) => {
      onSuccess?.(result);
      await qc.invalidateQueries({ queryKey: ['customer', customerId] });
      await qc.invalidateQueries({ queryKey: ['customers'] });
    },
  });
}

export function useReloadCustomer(customerId: string) {
  const qc = useQueryClient();
  return () => qc.invalidateQueries({ queryKey: ['customer', customerId] });
}

/** The error of a write: the 412 conflict with its way out, or the envelope. */
export function WriteError({
  error,
  customerId,
  fields,
  onReloaded,
}: {
  error: unknown;
  customerId: string;
  fields?: readonly string[];
  onReloaded: () => void;
}) {
  const reload = useReloadCustomer(customerId);
  if (!error) return null;
  if (statusOf(error) === 412) {
    return (
      <div className="conflict" role="alert">
        <p>
          <strong>Someone else changed this customer</strong> after you opened it, so your change was not saved. Reload to see
          their changes, then apply yours again.
        </p>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            await reload();
            onReloaded();
          }}
        >
          Reload customer
        </button>
      </div>
    );
  }
  return <ErrorSummary error={error} fields={fields ?? []} />;
}
