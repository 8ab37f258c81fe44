import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import type { components } from '@crms/sdk';
import { asEnvelope } from '../../api';
import { bulkInChunks } from '../../bulk';
import { useConsole } from '../../context';
import { invalidateAfterWrite, STATUSES, TYPES } from '../../data';
import { ErrorSummary, FieldError, fieldProps } from '../../errors';
import { plural, splitTags } from '../../format';
import { SubmitButton } from '../../write';

type BulkAction = components['schemas']['BulkOperationRequest']['action'];
type BulkResult = components['schemas']['BulkOperationResult'];

const BULK_LABELS: Record<BulkAction, string> = {
  setStatus: 'Set status',
  setType: 'Set type',
  addTags: 'Add tags',
  removeTags: 'Remove tags',
};

/**
 * A bulk action on the selected customers (id → name), any number of them (sent 100 per request);
 * suspending or deactivating asks for confirmation first.
 */
export function BulkPanel({ selected, onDone }: { selected: ReadonlyMap<string, string>; onDone: () => void }) {
  const ids = [...selected.keys()];
  const [confirming, setConfirming] = useState(false);
  const { crms } = useConsole();
  const qc = useQueryClient();
  const [action, setAction] = useState<BulkAction>('setStatus');
  const [value, setValue] = useState<string>('Active');
  const [reason, setReason] = useState('');
  const [result, setResult] = useState<BulkResult | null>(null);
  const [progress, setProgress] = useState(0);
  const bulk = useMutation({
    mutationFn: async () => {
      const tags = action === 'addTags' || action === 'removeTags';
      const body = {
        action,
        value: tags ? splitTags(value) : value,
        ...(action === 'setStatus' && reason.trim() !== '' ? { reason: reason.trim() } : {}),
      };
      setProgress(0);
      return bulkInChunks(crms, body, ids, setProgress);
    },
    onSuccess: async (data) => {
      setResult(data);
      await invalidateAfterWrite(qc);
    },
  });
  const envelope = bulk.error ? asEnvelope(bulk.error) : null;
  const F = 'bulk';
  // Inactive and Suspended deactivate the users in the Auth Service: they cannot sign in any more
  const deactivates = action === 'setStatus' && (value === 'Suspended' || value === 'Inactive');
  const count = plural(ids.length, 'customer');
  const changeAction = (next: BulkAction) => {
    setAction(next);
    setConfirming(false);
    setValue(next === 'setStatus' ? 'Active' : next === 'setType' ? 'Regular' : '');
  };
  return (
    <form
      className="bulk"
      aria-label="Bulk action"
      onSubmit={(e) => {
        e.preventDefault();
        if (bulk.isPending) return;
        if (deactivates && !confirming) return setConfirming(true);
        setConfirming(false);
        setResult(null);
        bulk.mutate();
      }}
    >
      <fieldset>
        <legend>Bulk action on {count} selected</legend>
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
            <label htmlFor="bulk-value">
              {action === 'setStatus' ? 'New status' : action === 'setType' ? 'New type' : 'Tags (comma-separated)'}
            </label>
            {action === 'setStatus' || action === 'setType' ? (
              <select
                id="bulk-value"
                value={value}
                onChange={(e) => {
                  setValue(e.target.value);
                  setConfirming(false);
                }}
                {...fieldProps(F, 'value', envelope)}
              >
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
          {confirming ? (
            <>
              <p role="alert">
                Setting {count} to {value} also deactivates their accounts in the Auth Service: they cannot sign in until set Active again.
              </p>
              <button type="submit" className="danger" disabled={bulk.isPending}>
                {value === 'Suspended' ? 'Suspend' : 'Deactivate'} {count}
              </button>
              <button type="button" onClick={() => setConfirming(false)}>
                Cancel
              </button>
            </>
          ) : (
            <SubmitButton pending={bulk.isPending}>{bulk.isPending && ids.length > 100 ? `Applying… ${progress} of ${ids.length}` : `Apply to ${ids.length} selected`}</SubmitButton>
          )}
          <button type="button" onClick={onDone}>
            Clear selection
          </button>
        </div>
        <ErrorSummary error={bulk.error} fields={['value', 'reason']} />
        {result && <BulkResults result={result} names={selected} />}
      </fieldset>
    </form>
  );
}

export function BulkResults({ result, names }: { result: BulkResult; names: ReadonlyMap<string, string> }) {
  return (
    <div className="bulk-results" role="status">
      <p>
        {BULK_LABELS[result.action]}: {result.succeeded} succeeded, {result.failed} failed.
      </p>
      <ul>
        {result.results.map((r) => (
          <li key={r.customerId} className={r.success ? 'ok' : 'failed'}>
            {names.get(r.customerId) ?? <code>{r.customerId}</code>}:{' '}
            {r.success ? 'done' : `failed: ${r.error?.message ?? 'unknown error'}`}
            {r.authSync ? ` · Auth sync ${r.authSync}` : ''}
          </li>
        ))}
      </ul>
    </div>
  );
}
