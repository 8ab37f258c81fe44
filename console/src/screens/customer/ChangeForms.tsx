import { useState } from 'react';
import { asEnvelope, type CrmsClient } from '../../api';
import { STATUSES, TYPES, useCustomerWrite, written, type Customer, type CustomerStatus, type CustomerType, type IfMatch } from '../../data';
import { FieldError, fieldProps } from '../../errors';
import { SavedStatus, useDraft, WriteError, SubmitButton } from '../../write';
import { Section } from './Section';

/** A change of one enumerated field with an optional reason (status, type): same form, same write flow. */
function ChangeWithReasonForm<V extends string>(props: {
  customer: Customer;
  /** id prefix and form key of the fields: `status`, `type` */
  form: string;
  title: string;
  /** the request body's property of the new value */
  field: string;
  label: string;
  submit: string;
  options: readonly V[];
  /** the customer's current value: the select follows it until the administrator picks another */
  current: V;
  send: (crms: CrmsClient, value: V, reason: string | undefined, headers: IfMatch) => Promise<{ result: string; etag: string | null }>;
}) {
  const { customer, form, field } = props;
  const { draft: value, setDraft, saved } = useDraft<V>(props.current);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const change = useCustomerWrite(
    customer.customerId,
    async (crms, headers, vars: { value: V; reason: string }) => props.send(crms, vars.value, vars.reason.trim() !== '' ? vars.reason.trim() : undefined, headers),
    (message, vars) => {
      setOutcome(message);
      setReason('');
      saved(vars.value);
    },
  );
  const envelope = change.error ? asEnvelope(change.error) : null;
  return (
    <Section title={props.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOutcome(null);
          change.submit({ value, reason });
        }}
      >
        <div className="field">
          <label htmlFor={`${form}-value`}>{props.label}</label>
          <select id={`${form}-value`} value={value} onChange={(e) => setDraft(() => e.target.value as V)} {...fieldProps(form, field, envelope)}>
            {props.options.map((s) => (
              <option key={s}>{s}</option>
            ))}
          </select>
          <FieldError form={form} field={field} envelope={envelope} />
        </div>
        <div className="field">
          <label htmlFor={`${form}-reason`}>Reason</label>
          <input id={`${form}-reason`} value={reason} onChange={(e) => setReason(e.target.value)} {...fieldProps(form, 'reason', envelope)} />
          <FieldError form={form} field="reason" envelope={envelope} />
        </div>
        <SubmitButton pending={change.isPending}>{props.submit}</SubmitButton>
        {outcome && <SavedStatus key={outcome}>{outcome}</SavedStatus>}
        <WriteError error={change.error} customerId={customer.customerId} fields={[field, 'reason']} onReloaded={() => change.reset()} />
      </form>
    </Section>
  );
}

export function StatusForm({ customer }: { customer: Customer }) {
  return (
    <ChangeWithReasonForm<CustomerStatus>
      customer={customer}
      form="status"
      title="Status"
      field="status"
      label="New status"
      submit="Change status"
      options={STATUSES}
      current={customer.customerStatus}
      send={async (crms, status, reason, headers) => {
        const { result, etag } = written(
          await crms.PATCH('/api/customers/{customerId}/status', {
            params: { path: { customerId: customer.customerId }, header: headers },
            body: { status, ...(reason ? { reason } : {}) },
          }),
        );
        return { result: `Saved. Status ${result.data.previousStatus} → ${result.data.customerStatus}. Auth sync: ${result.data.authSync}.`, etag };
      }}
    />
  );
}

export function TypeForm({ customer }: { customer: Customer }) {
  return (
    <ChangeWithReasonForm<CustomerType>
      customer={customer}
      form="type"
      title="Type"
      field="customerType"
      label="New type"
      submit="Change type"
      options={TYPES}
      current={customer.customerType}
      send={async (crms, customerType, reason, headers) => {
        const { result, etag } = written(
          await crms.PATCH('/api/customers/{customerId}/type', {
            params: { path: { customerId: customer.customerId }, header: headers },
            body: { customerType, ...(reason ? { reason } : {}) },
          }),
        );
        return { result: `Saved. Type ${result.data.previousType} → ${result.data.customerType}.`, etag };
      }}
    />
  );
}
