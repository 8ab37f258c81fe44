import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useLocation } from 'wouter';
import { asEnvelope, saveBlob, unwrap } from '../../api';
import { useConsole } from '../../context';
import { keys, useCustomerWrite, written, type Customer } from '../../data';
import { ErrorSummary, FieldError, fieldProps } from '../../errors';
import { lastListHref } from '../../list-state';
import { WriteError } from '../../write';
import { Section } from './Section';

/** GDPR export, erasure and deletion; the last two ask for confirmation first. */
export function DangerZone({ customer }: { customer: Customer }) {
  const { crms } = useConsole();
  const qc = useQueryClient();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState<'erase' | 'delete' | null>(null);
  const [reason, setReason] = useState('');
  const [erased, setErased] = useState(false);
  const id = customer.customerId;
  const exportData = useMutation({
    mutationFn: async () => {
      const body = unwrap(await crms.GET('/api/customers/{customerId}/export', { params: { path: { customerId: id } } }));
      saveBlob(new Blob([JSON.stringify(body.data, null, 2)], { type: 'application/json' }), `customer-${id}-export.json`);
    },
  });
  const erase = useCustomerWrite(
    id,
    async (crms, headers, text: string) =>
      written(await crms.POST('/api/customers/{customerId}/erase', { params: { path: { customerId: id }, header: headers }, body: { reason: text.trim() } })),
    () => {
      setConfirming(null);
      setErased(true);
    },
  );
  const remove = useMutation({
    mutationFn: async () => unwrap(await crms.DELETE('/api/customers/{customerId}', { params: { path: { customerId: id } } })),
    onSuccess: async () => {
      navigate(lastListHref());
      // the deleted customer's own answers are dropped, not read again (they would be 404s)
      qc.removeQueries({ predicate: (q) => q.queryKey.includes(id) });
      await Promise.all([
        qc.invalidateQueries({ queryKey: keys.customers(), predicate: (q) => !q.queryKey.includes(id) }),
        qc.invalidateQueries({ queryKey: keys.analytics() }),
      ]);
    },
  });
  const eraseEnvelope = erase.error ? asEnvelope(erase.error) : null;
  return (
    <Section title="Data and deletion">
      <div className="actions">
        <button type="button" onClick={() => exportData.mutate()} disabled={exportData.isPending}>
          Download GDPR export
        </button>
        <button type="button" className="danger" onClick={() => setConfirming('erase')} disabled={Boolean(customer.erasedAt)}>
          Erase personal data…
        </button>
        <button type="button" className="danger" onClick={() => setConfirming('delete')}>
          Delete customer…
        </button>
      </div>
      {erased && <p role="status">Saved. The personal data was erased.</p>}
      <ErrorSummary error={exportData.error} />
      {confirming === 'erase' && (
        <form
          className="confirm"
          aria-label="Confirm erasure"
          onSubmit={(e) => {
            e.preventDefault();
            erase.submit(reason);
          }}
        >
          <p role="alert">Erasing replaces this customer's personal data for good. It cannot be undone.</p>
          <div className="field">
            <label htmlFor="erase-reason">Reason for the erasure</label>
            <input id="erase-reason" value={reason} onChange={(e) => setReason(e.target.value)} required {...fieldProps('erase', 'reason', eraseEnvelope)} />
            <FieldError form="erase" field="reason" envelope={eraseEnvelope} />
          </div>
          <div className="actions">
            <button type="submit" className="danger" disabled={erase.isPending}>
              Erase {customer.fullName}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
          <WriteError error={erase.error} customerId={id} fields={['reason']} onReloaded={() => erase.reset()} />
        </form>
      )}
      {confirming === 'delete' && (
        <div className="confirm" role="group" aria-label="Confirm deletion">
          <p role="alert">Deleting removes the customer record. It is refused while the customer has active orders or open complaints.</p>
          <div className="actions">
            <button type="button" className="danger" onClick={() => remove.mutate()} disabled={remove.isPending}>
              Delete {customer.fullName}
            </button>
            <button type="button" onClick={() => setConfirming(null)}>
              Cancel
            </button>
          </div>
          <ErrorSummary error={remove.error} />
        </div>
      )}
    </Section>
  );
}
