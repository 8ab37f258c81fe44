import { useState } from 'react';
import { asEnvelope, statusOf } from '../../api';
import { useCustomerHistory, type HistoryKind } from '../../data';
import { formatDate, formatMoney, plural } from '../../format';
import { Section } from './Section';

const SERVICE: Record<HistoryKind, string> = { orders: 'Order Service', complaints: 'Complaint Service' };

/** A customer's orders or complaints, a page at a time, from the sibling service through CRMS. */
export function History({ kind, customerId }: { kind: HistoryKind; customerId: string }) {
  const [page, setPage] = useState(1);
  const history = useCustomerHistory(kind, customerId, page);
  const title = kind === 'orders' ? 'Orders' : 'Complaints';
  return (
    <Section title={title}>
      {history.isPending && <p>Loading {kind}…</p>}
      {history.isError && <SiblingError error={history.error} sibling={SERVICE[kind]} onRetry={() => void history.refetch()} />}
      {history.data && (
        <>
          <p className="muted">{plural(history.data.pagination.totalItems, kind === 'orders' ? 'order' : 'complaint')}</p>
          <ul className="plain" aria-label={title}>
            {history.data.orders.map((o) => (
              <li key={o.orderId}>
                <code>{o.orderId}</code> · {formatDate(o.orderDate)} · {o.status} · {plural(o.itemCount, 'item')} · {formatMoney(o.totalAmount)}
              </li>
            ))}
            {history.data.complaints.map((c) => (
              <li key={c.complaintId}>
                <code>{c.complaintId}</code> · {formatDate(c.createdAt)} · {c.status} · {c.subject}
              </li>
            ))}
          </ul>
          <Pager page={page} totalPages={history.data.pagination.totalPages} onPage={setPage} label={`${kind === 'orders' ? 'Order' : 'Complaint'} pages`} />
        </>
      )}
    </Section>
  );
}

/** A sibling's error: unavailable (502/503) says so and offers a retry; a refusal is shown without one. */
function SiblingError({ error, sibling, onRetry }: { error: unknown; sibling: string; onRetry: () => void }) {
  const envelope = asEnvelope(error);
  const status = statusOf(error);
  const canRetry = status === undefined || status >= 500 || status === 429;
  return (
    <div className="error-summary" role="alert">
      <p>{status === 502 || status === 503 ? `The ${sibling} is unavailable right now: ${envelope.message}` : envelope.message}</p>
      {canRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
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
