import { Link } from 'wouter';
import { useCustomer } from '../../data';
import { ErrorSummary } from '../../errors';
import { formatDate } from '../../format';
import { lastListHref } from '../../list-state';
import { StatusForm, TypeForm } from './ChangeForms';
import { DangerZone } from './DangerZone';
import { History } from './History';
import { Notes } from './Notes';
import { Profile } from './Profile';
import { SettingsForm } from './SettingsForm';
import { Timelines } from './Timelines';

/**
 * One customer. The forms are never re-mounted by a write elsewhere on the page: each keeps what the
 * administrator typed (useDraft) while the customer is read again.
 */
export function CustomerScreen({ customerId }: { customerId: string }) {
  const customer = useCustomer(customerId);

  if (customer.isPending) return <p>Loading the customer…</p>;
  if (customer.isError) {
    return (
      <section>
        <h1>Customer</h1>
        <ErrorSummary error={customer.error} onRetry={() => void customer.refetch()} />
        <p>
          <Link href={lastListHref()}>Back to the customer list</Link>
        </p>
      </section>
    );
  }
  const c = customer.data.body.data;
  return (
    <article aria-labelledby="customer-title" className="customer">
      <p>
        <Link href={lastListHref()}>← Customers</Link>
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
      <Profile customer={c} />
      <div className="columns">
        <SettingsForm customer={c} />
        <div>
          <StatusForm customer={c} />
          <TypeForm customer={c} />
        </div>
      </div>
      <Notes customer={c} />
      <Timelines customer={c} />
      <div className="columns">
        <History kind="orders" customerId={customerId} />
        <History kind="complaints" customerId={customerId} />
      </div>
      <DangerZone customer={c} />
    </article>
  );
}
