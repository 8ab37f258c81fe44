import { keepPreviousData, useMutation, useQuery } from '@tanstack/react-query';
import { useState, type ReactNode } from 'react';
import { Link, useLocation } from 'wouter';
import type { components } from '@crms/sdk';
import { asEnvelope, saveBlob, statusOf, unwrap, withEtag, type CrmsClient } from '../api';
import { STATUSES, TYPES } from '../customer-enums';
import { useConsole } from '../context';
import { ErrorSummary, FieldError, fieldProps } from '../errors';
import { formatCount, formatDate, formatDateTime, formatMoney, splitTags } from '../format';
import { useCustomerWrite, WriteError } from '../write';

type Customer = components['schemas']['CustomerDetail'];
type Status = components['schemas']['CustomerStatus'];
type CustomerType = components['schemas']['CustomerType'];


export function CustomerScreen({ customerId }: { customerId: string }) {
  const { crms } = useConsole();
  const customer = useQuery({
    queryKey: ['customer', customerId],
    queryFn: async ({ signal }) => withEtag(await crms.GET('/api/customers/{customerId}', { params: { path: { customerId } }, signal })),
  });

  if (customer.isPending) return <p>Loading the customer…</p>;
  if (customer.isError) {
    return (
      <section>
        <h1>Customer</h1>
        <ErrorSummary error={customer.error} onRetry={() => void customer.refetch()} />
        <p>
          <Link href="/">Back to the customer list</Link>
        </p>
      </section>
    );
  }
  const c = customer.data.body.data;
  const etag = customer.data.etag;
  return (
    <article aria-labelledby="customer-title" className="customer">
      <p>
        <Link href="/">← Customers</Link>
      </p>
      <header className="customer-header">
        <h1 id="customer-title">{c.fullName}</h1>
        <span className={`badge status-${c.customerStatus}`}>{c.customerStatus}</span>
        <span className="badge">{c.customerType}</span>
        {c.authSync && (
          <span className={`badge sync-${c.authSync.status}`} title={c.authSync.lastError ?? ''}>
            Auth sync: {c.authSync.status}
          </span>
        )}
        {c.erasedAt && <span className="badge status-Suspended">Erased {formatDate(c.erasedAt)}</span>}
      </header>
      <div className="columns">
        <Section title="Profile">
          <dl className="facts">
            <Fact term="E-mail">{c.email}</Fact>
            <Fact term="Phone">{c.contactNumber ?? '—'}</Fact>
            <Fact term="User id">
              <code>{c.userId}</code>
            </Fact>
            <Fact term="Customer id">
              <code>{c.customerId}</code>
            </Fact>
            <Fact term="Customer since">{formatDate(c.customerSince)}</Fact>
            <Fact term="Updated">{formatDateTime(c.updatedAt)}</Fact>
            <Fact term="Last login">{formatDateTime(c.metadata?.lastLoginDate)}</Fact>
          </dl>
        </Section>
        <Section title="Statistics">
          <dl className="facts">
            <Fact term="Orders">{formatCount(c.totalOrders)}</Fact>
            <Fact term="Order value">{formatMoney(c.totalOrderValue)}</Fact>
            <Fact term="Last order">{formatDate(c.lastOrderDate)}</Fact>
            <Fact term="Complaints">{formatCount(c.totalComplaints)}</Fact>
            <Fact term="Open complaints">{formatCount(c.openComplaints)}</Fact>
            <Fact term="Last complaint">{formatDate(c.lastComplaintDate)}</Fact>
          </dl>
        </Section>
      </div>
      <div className="columns">
        <SettingsForm key={`settings-${etag}`} customer={c} etag={etag} />
        <div>
          <StatusForm customer={c} etag={etag} />
          <TypeForm customer={c} etag={etag} />
        </div>
      </div>
      <Notes customer={c} etag={etag} />
      <Timelines customer={c} />
      <div className="columns">
        <OrderHistory customerId={customerId} />
        <ComplaintHistory customerId={customerId} />
      </div>
      <DangerZone customer={c} etag={etag} />
    </article>
  );
}

function Section({ title, children, id }: { title: string; children: ReactNode; id?: string }) {
  const headingId = `section-${(id ?? title).toLowerCase().replace(/[^a-z0-9]+/g, '-')}`;
  return (
    <section className="card" aria-labelledby={headingId}>
      <h2 id={headingId}>{title}</h2>
      {children}
    </section>
  );
}

function Fact({ term, children }: { term: string; children: ReactNode }) {
  return (
    <div>
      <dt>{term}</dt>
      <dd>{children}</dd>
    </div>
  );
}

/** Tags and preferences: PUT /api/customers/{id} with If-Match. */
function SettingsForm({ customer, etag }: { customer: Customer; etag: string | null }) {
  const [tags, setTags] = useState(customer.tags.join(', '));
  const [newsletter, setNewsletter] = useState(customer.preferences.newsletter ?? false);
  const [notifications, setNotifications] = useState(customer.preferences.notifications ?? false);
  const [language, setLanguage] = useState(customer.preferences.language ?? '');
  const save = useCustomerWrite(customer.customerId, etag, async (crms, headers, _: void) =>
    unwrap(
      await crms.PUT('/api/customers/{customerId}', {
        params: { path: { customerId: customer.customerId }, header: headers },
        body: {
          tags: splitTags(tags),
          preferences: { newsletter, notifications, ...(language.trim() !== '' ? { language: language.trim() } : {}) },
        },
      }),
    ),
  );
  const envelope = save.error ? asEnvelope(save.error) : null;
  const F = 'settings';
  return (
    <Section title="Tags and preferences">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          save.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="settings-tags">Tags (comma-separated)</label>
          <input id="settings-tags" value={tags} onChange={(e) => setTags(e.target.value)} {...fieldProps(F, 'tags', envelope)} />
          <FieldError form={F} field="tags" envelope={envelope} />
        </div>
        <div className="field">
          <label htmlFor="settings-language">Language</label>
          <input id="settings-language" value={language} onChange={(e) => setLanguage(e.target.value)} {...fieldProps(F, 'preferences', envelope)} />
          <FieldError form={F} field="preferences" envelope={envelope} />
        </div>
        <div className="checkbox">
          <input id="settings-newsletter" type="checkbox" checked={newsletter} onChange={(e) => setNewsletter(e.target.checked)} />
          <label htmlFor="settings-newsletter">Newsletter</label>
        </div>
        <div className="checkbox">
          <input id="settings-notifications" type="checkbox" checked={notifications} onChange={(e) => setNotifications(e.target.checked)} />
          <label htmlFor="settings-notifications">Notifications</label>
        </div>
        <button type="submit" className="primary" disabled={save.isPending}>
          Save tags and preferences
        </button>
        {save.isSuccess && <p role="status">Saved.</p>}
        <WriteError error={save.error} customerId={customer.customerId} fields={['tags', 'preferences']} onReloaded={() => save.reset()} />
      </form>
    </Section>
  );
}

/** A change of one enumerated field with an optional reason (status, type): same form, same write flow. */
function ChangeWithReasonForm<V extends string>(props: {
  customer: Customer;
  etag: string | null;
  /** id prefix and form key of the fields: `status`, `type` */
  form: string;
  title: string;
  /** the request body's property of the new value */
  field: string;
  label: string;
  submit: string;
  options: readonly V[];
  initial: V;
  send: (crms: CrmsClient, value: V, reason: string | undefined, headers: { 'If-Match'?: string }) => Promise<string>;
}) {
  const { customer, etag, form, field } = props;
  const [value, setValue] = useState<V>(props.initial);
  const [reason, setReason] = useState('');
  const [outcome, setOutcome] = useState<string | null>(null);
  const change = useCustomerWrite(
    customer.customerId,
    etag,
    async (crms, headers, _: void) => props.send(crms, value, reason.trim() !== '' ? reason.trim() : undefined, headers),
    (message) => {
      setOutcome(message);
      setReason('');
    },
  );
  const envelope = change.error ? asEnvelope(change.error) : null;
  return (
    <Section title={props.title}>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setOutcome(null);
          change.mutate();
        }}
      >
        <div className="field">
          <label htmlFor={`${form}-value`}>{props.label}</label>
          <select id={`${form}-value`} value={value} onChange={(e) => setValue(e.target.value as V)} {...fieldProps(form, field, envelope)}>
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
        <button type="submit" className="primary" disabled={change.isPending}>
          {props.submit}
        </button>
        {outcome && <p role="status">{outcome}</p>}
        <WriteError error={change.error} customerId={customer.customerId} fields={[field, 'reason']} onReloaded={() => change.reset()} />
      </form>
    </Section>
  );
}

function StatusForm({ customer, etag }: { customer: Customer; etag: string | null }) {
  return (
    <ChangeWithReasonForm<Status>
      customer={customer}
      etag={etag}
      form="status"
      title="Status"
      field="status"
      label="New status"
      submit="Change status"
      options={STATUSES}
      initial={customer.customerStatus}
      send={async (crms, status, reason, headers) => {
        const data = unwrap(
          await crms.PATCH('/api/customers/{customerId}/status', {
            params: { path: { customerId: customer.customerId }, header: headers },
            body: { status, ...(reason ? { reason } : {}) },
          }),
        ).data;
        return `Status ${data.previousStatus} → ${data.customerStatus}. Auth sync: ${data.authSync}.`;
      }}
    />
  );
}

function TypeForm({ customer, etag }: { customer: Customer; etag: string | null }) {
  return (
    <ChangeWithReasonForm<CustomerType>
      customer={customer}
      etag={etag}
      form="type"
      title="Type"
      field="customerType"
      label="New type"
      submit="Change type"
      options={TYPES}
      initial={customer.customerType}
      send={async (crms, customerType, reason, headers) => {
        const data = unwrap(
          await crms.PATCH('/api/customers/{customerId}/type', {
            params: { path: { customerId: customer.customerId }, header: headers },
            body: { customerType, ...(reason ? { reason } : {}) },
          }),
        ).data;
        return `Type ${data.previousType} → ${data.customerType}.`;
      }}
    />
  );
}

function Notes({ customer, etag }: { customer: Customer; etag: string | null }) {
  const [note, setNote] = useState('');
  const add = useCustomerWrite(
    customer.customerId,
    etag,
    async (crms, headers, _: void) =>
      unwrap(
        await crms.POST('/api/customers/{customerId}/notes', {
          params: { path: { customerId: customer.customerId }, header: headers },
          body: { note },
        }),
      ),
    () => setNote(''),
  );
  const envelope = add.error ? asEnvelope(add.error) : null;
  const history = [...customer.noteHistory].reverse();
  return (
    <Section title="Notes">
      <form
        onSubmit={(e) => {
          e.preventDefault();
          add.mutate();
        }}
      >
        <div className="field">
          <label htmlFor="note-text">New note</label>
          <textarea id="note-text" rows={3} value={note} onChange={(e) => setNote(e.target.value)} {...fieldProps('note', 'note', envelope)} />
          <FieldError form="note" field="note" envelope={envelope} />
        </div>
        <button type="submit" className="primary" disabled={add.isPending}>
          Add note
        </button>
        <WriteError error={add.error} customerId={customer.customerId} fields={['note']} onReloaded={() => add.reset()} />
      </form>
      <h3>Note history ({history.length})</h3>
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

function Timelines({ customer }: { customer: Customer }) {
  return (
    <div className="columns">
      <Section title="Status timeline">
        <Timeline
          label="Status timeline"
          items={customer.statusHistory.map((s) => ({ at: s.changedAt, by: s.changedBy, text: `${s.from ?? '—'} → ${s.to}`, reason: s.reason }))}
        />
      </Section>
      <Section title="Type timeline">
        <Timeline
          label="Type timeline"
          items={customer.typeHistory.map((s) => ({ at: s.changedAt, by: s.changedBy, text: `${s.from ?? '—'} → ${s.to}`, reason: s.reason }))}
        />
      </Section>
    </div>
  );
}

function Timeline({ label, items }: { label: string; items: { at: string; by: string; text: string; reason?: string | undefined }[] }) {
  if (items.length === 0) return <p className="muted">No changes yet.</p>;
  return (
    <ol className="timeline" aria-label={label}>
      {[...items].reverse().map((item, i) => (
        <li key={i}>
          <p>
            <strong>{item.text}</strong>
            {item.reason ? ` — ${item.reason}` : ''}
          </p>
          <p className="muted">
            {formatDateTime(item.at)} by <code>{item.by}</code>
          </p>
        </li>
      ))}
    </ol>
  );
}

/** A sibling's history: a 502 envelope (sibling unavailable) says so and offers a retry. */
function SiblingError({ error, sibling, onRetry }: { error: unknown; sibling: string; onRetry: () => void }) {
  const envelope = asEnvelope(error);
  const unavailable = statusOf(error) === 502 || statusOf(error) === 503;
  return (
    <div className="error-summary" role="alert">
      <p>{unavailable ? `The ${sibling} is unavailable right now: ${envelope.message}` : envelope.message}</p>
      <button type="button" onClick={onRetry}>
        Retry
      </button>
    </div>
  );
}

function Pager({ page, totalPages, onPage, label }: { page: number; totalPages: number; onPage: (p: number) => void; label: string }) {
  if (totalPages <= 1) return null;
  return (
    <nav className="pager" aria-label={label}>
      <button type="button" disabled={page <= 1} onClick={() => onPage(page - 1)}>
        Previous
      </button>
      <span>
        Page {page} of {totalPages}
      </span>
      <button type="button" disabled={page >= totalPages} onClick={() => onPage(page + 1)}>
        Next
      </button>
    </nav>
  );
}

function OrderHistory({ customerId }: { customerId: string }) {
  const { crms } = useConsole();
  const [page, setPage] = useState(1);
  const orders = useQuery({
    queryKey: ['orders', customerId, page],
    queryFn: async ({ signal }) =>
      unwrap(await crms.GET('/api/customers/{customerId}/orders', { params: { path: { customerId }, query: { page, limit: 10 } }, signal })).data,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <Section title="Orders">
      {orders.isPending && <p>Loading orders…</p>}
      {orders.isError && <SiblingError error={orders.error} sibling="Order Service" onRetry={() => void orders.refetch()} />}
      {orders.data && (
        <>
          <p className="muted">{orders.data.pagination.totalItems} orders</p>
          <ul className="plain" aria-label="Orders">
            {orders.data.orders.map((o) => (
              <li key={o.orderId}>
                <code>{o.orderId}</code> · {formatDate(o.orderDate)} · {o.status} · {o.itemCount} items · {formatMoney(o.totalAmount)}
              </li>
            ))}
          </ul>
          <Pager page={page} totalPages={orders.data.pagination.totalPages} onPage={setPage} label="Order pages" />
        </>
      )}
    </Section>
  );
}

function ComplaintHistory({ customerId }: { customerId: string }) {
  const { crms } = useConsole();
  const [page, setPage] = useState(1);
  const complaints = useQuery({
    queryKey: ['complaints', customerId, page],
    queryFn: async ({ signal }) =>
      unwrap(await crms.GET('/api/customers/{customerId}/complaints', { params: { path: { customerId }, query: { page, limit: 10 } }, signal })).data,
    placeholderData: keepPreviousData,
    retry: false,
  });
  return (
    <Section title="Complaints">
      {complaints.isPending && <p>Loading complaints…</p>}
      {complaints.isError && <SiblingError error={complaints.error} sibling="Complaint Service" onRetry={() => void complaints.refetch()} />}
      {complaints.data && (
        <>
          <p className="muted">{complaints.data.pagination.totalItems} complaints</p>
          <ul className="plain" aria-label="Complaints">
            {complaints.data.complaints.map((c) => (
              <li key={c.complaintId}>
                <code>{c.complaintId}</code> · {formatDate(c.createdAt)} · {c.status} · {c.subject}
              </li>
            ))}
          </ul>
          <Pager page={page} totalPages={complaints.data.pagination.totalPages} onPage={setPage} label="Complaint pages" />
        </>
      )}
    </Section>
  );
}

/** GDPR export, erasure and deletion; the last two ask for confirmation first. */
function DangerZone({ customer, etag }: { customer: Customer; etag: string | null }) {
  const { crms } = useConsole();
  const [, navigate] = useLocation();
  const [confirming, setConfirming] = useState<'erase' | 'delete' | null>(null);
  const [reason, setReason] = useState('');
  const id = customer.customerId;
  const exportData = useMutation({
    mutationFn: async () => {
      const body = unwrap(await crms.GET('/api/customers/{customerId}/export', { params: { path: { customerId: id } } }));
      saveBlob(new Blob([JSON.stringify(body.data, null, 2)], { type: 'application/json' }), `customer-${id}-export.json`);
    },
  });
  const erase = useCustomerWrite(
    id,
    etag,
    async (crms, headers, _: void) =>
      unwrap(await crms.POST('/api/customers/{customerId}/erase', { params: { path: { customerId: id }, header: headers }, body: { reason: reason.trim() } })),
    () => setConfirming(null),
  );
  const remove = useMutation({
    mutationFn: async () => unwrap(await crms.DELETE('/api/customers/{customerId}', { params: { path: { customerId: id } } })),
    onSuccess: () => navigate('/'),
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
      <ErrorSummary error={exportData.error} />
      {confirming === 'erase' && (
        <form
          className="confirm"
          aria-label="Confirm erasure"
          onSubmit={(e) => {
            e.preventDefault();
            erase.mutate();
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
