import { useState } from 'react';
import { asEnvelope } from '../../api';
import { useCustomerWrite, written, type Customer } from '../../data';
import { FieldError, fieldProps } from '../../errors';
import { formatDateTime, plural } from '../../format';
import { SavedStatus, WriteError, SubmitButton } from '../../write';
import { Section } from './Section';

export function Notes({ customer }: { customer: Customer }) {
  const [note, setNote] = useState('');
  const [added, setAdded] = useState(false);
  const add = useCustomerWrite(
    customer.customerId,
    async (crms, headers, text: string) =>
      written(
        await crms.POST('/api/customers/{customerId}/notes', {
          params: { path: { customerId: customer.customerId }, header: headers },
          body: { note: text },
        }),
      ),
    () => {
      setNote('');
      setAdded(true);
    },
  );
  const envelope = add.error ? asEnvelope(add.error) : null;
  const history = [...customer.noteHistory].reverse();
  return (
    <Section title="Notes">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setAdded(false);
          add.submit(note);
        }}
      >
        <div className="field">
          <label htmlFor="note-text">New note</label>
          <textarea
            id="note-text"
            rows={3}
            required
            value={note}
            onChange={(e) => {
              setNote(e.target.value);
              setAdded(false);
            }}
            {...fieldProps('note', 'note', envelope)}
          />
          <FieldError form="note" field="note" envelope={envelope} />
        </div>
        <SubmitButton pending={add.isPending}>Add note</SubmitButton>
        {added && <SavedStatus>Saved. The note was added.</SavedStatus>}
        <WriteError error={add.error} customerId={customer.customerId} fields={['note']} onReloaded={() => add.reset()} />
      </form>
      <h3>Note history ({plural(history.length, 'note')})</h3>
      {history.length === 0 ? (
        <p className="muted">No notes yet.</p>
      ) : (
        <ol className="timeline" aria-label="Note history">
          {history.map((n) => (
            <li key={n.noteId}>
              <p>{n.note}</p>
              <p className="muted">
                {formatDateTime(n.addedAt)} by <code>{n.addedBy}</code>
              </p>
            </li>
          ))}
        </ol>
      )}
    </Section>
  );
}
