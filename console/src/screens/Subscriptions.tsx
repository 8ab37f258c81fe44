import { useState } from 'react';
import { asEnvelope, unwrap } from '../api';
import { EVENT_TYPES, useDeliveries, useSubscriptions, useSubscriptionWrite, type Delivery, type EventType, type Subscription } from '../data';
import { ErrorSummary, FieldError, fieldProps } from '../errors';
import { formatDateTime, plural } from '../format';
import { SavedStatus, SubmitButton } from '../write';

/**
 * Event subscriptions (webhooks): create one (its secret shown once), pause or resume, rotate the
 * secret (shown once), send a test event, read the delivery log, redeliver, delete.
 */
export function SubscriptionsScreen() {
  const subscriptions = useSubscriptions();
  return (
    <>
      <h1>Subscriptions</h1>
      <p className="muted">
        Other systems hear about customers' changes here: CRMS POSTs each event, signed per Standard Webhooks, to the subscription's URL.
      </p>
      <CreateSubscription />
      <h2>Subscriptions</h2>
      {subscriptions.isPending ? (
        <p>Loading subscriptions…</p>
      ) : subscriptions.isError ? (
        <ErrorSummary error={subscriptions.error} onRetry={() => void subscriptions.refetch()} />
      ) : subscriptions.data.length === 0 ? (
        <p className="muted">No subscriptions yet.</p>
      ) : (
        <ul className="subscriptions" aria-label="Subscriptions">
          {subscriptions.data.map((s) => (
            <SubscriptionItem key={s.subscriptionId} subscription={s} />
          ))}
        </ul>
      )}
    </>
  );
}

/** A signing secret, shown only this once (CRMS never answers it again). */
function SecretOnce({ secret, onDone }: { secret: string; onDone: () => void }) {
  return (
    <div className="notice" role="status">
      <p>
        <strong>The signing secret, shown only this once:</strong> copy it to the receiver now.
      </p>
      <p>
        <code aria-label="Signing secret">{secret}</code>
      </p>
      <button type="button" onClick={onDone}>
        I have copied it
      </button>
    </div>
  );
}

const FIELDS = ['url', 'eventTypes', 'description'] as const;

function CreateSubscription() {
  const [url, setUrl] = useState('');
  const [types, setTypes] = useState<EventType[]>([]);
  const [description, setDescription] = useState('');
  const [secret, setSecret] = useState<string | null>(null);
  const create = useSubscriptionWrite(
    async (crms, body: { url: string; eventTypes: EventType[]; description?: string }) =>
      unwrap(await crms.POST('/api/webhooks/subscriptions', { body })).data,
    (created) => {
      setSecret(created.secret);
      setUrl('');
      setTypes([]);
      setDescription('');
    },
  );
  const envelope = create.error ? asEnvelope(create.error) : null;
  return (
    <form
      aria-label="New subscription"
      onSubmit={(e) => {
        e.preventDefault();
        setSecret(null);
        create.submit({ url, eventTypes: types, ...(description.trim() ? { description: description.trim() } : {}) });
      }}
    >
      <h2>New subscription</h2>
      <div className="field">
        <label htmlFor="subscription-url">URL</label>
        <input id="subscription-url" type="url" required value={url} onChange={(e) => setUrl(e.target.value)} {...fieldProps('subscription', 'url', envelope)} />
        <FieldError form="subscription" field="url" envelope={envelope} />
      </div>
      <fieldset {...fieldProps('subscription', 'eventTypes', envelope)}>
        <legend>Event types</legend>
        {EVENT_TYPES.map((t) => (
          <label key={t} className="check">
            <input
              type="checkbox"
              checked={types.includes(t)}
              onChange={(e) => setTypes((old) => (e.target.checked ? [...old, t] : old.filter((x) => x !== t)))}
            />
            {t}
          </label>
        ))}
        <FieldError form="subscription" field="eventTypes" envelope={envelope} />
      </fieldset>
      <div className="field">
        <label htmlFor="subscription-description">Description</label>
        <input id="subscription-description" value={description} onChange={(e) => setDescription(e.target.value)} {...fieldProps('subscription', 'description', envelope)} />
        <FieldError form="subscription" field="description" envelope={envelope} />
      </div>
      <SubmitButton pending={create.isPending}>Create subscription</SubmitButton>
      {create.error ? <ErrorSummary error={create.error} fields={FIELDS} /> : null}
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
    </form>
  );
}

function SubscriptionItem({ subscription: s }: { subscription: Subscription }) {
  const id = s.subscriptionId;
  const path = { params: { path: { subscriptionId: id } } };
  const [done, setDone] = useState<string | null>(null);
  const [secret, setSecret] = useState<string | null>(null);
  const [confirmDelete, setConfirmDelete] = useState(false);
  const [showLog, setShowLog] = useState(false);
  const setStatus = useSubscriptionWrite(
    async (crms, status: 'active' | 'paused') =>
      unwrap(await crms.PATCH('/api/webhooks/subscriptions/{subscriptionId}', { ...path, body: { status } })).data,
    (_, status) => setDone(status === 'paused' ? 'Paused: events are kept and delivered once resumed.' : 'Resumed.'),
  );
  const rotate = useSubscriptionWrite(
    async (crms, _: void) => unwrap(await crms.POST('/api/webhooks/subscriptions/{subscriptionId}/rotate-secret', path)).data,
    (rotated) => {
      setSecret(rotated.secret);
      setDone(`Secret rotated. The old one also signs until ${formatDateTime(rotated.subscription.previousSecretExpiresAt)}.`);
    },
  );
  const test = useSubscriptionWrite(
    async (crms, _: void) => unwrap(await crms.POST('/api/webhooks/subscriptions/{subscriptionId}/test', path)).data,
    (sent) => {
      setDone(`Test event ${sent.eventId} queued: see the delivery log.`);
      setShowLog(true);
    },
  );
  const remove = useSubscriptionWrite(async (crms, _: void) => unwrap(await crms.DELETE('/api/webhooks/subscriptions/{subscriptionId}', path)).data);
  const error = setStatus.error ?? rotate.error ?? test.error ?? remove.error;
  const clear = () => {
    setDone(null);
    for (const m of [setStatus, rotate, test, remove]) m.reset();
  };
  return (
    <li className="subscription" aria-label={s.url}>
      <h3>
        <code>{s.url}</code>
      </h3>
      <p>
        <span className={`status status-${s.status}`}>{s.status}</span>
        {s.disabledReason && <span> — {s.disabledReason}</span>}
        {s.description && <span className="muted"> · {s.description}</span>}
      </p>
      <p className="muted">Events: {s.eventTypes.join(', ')}</p>
      <div className="actions">
        {s.status === 'active' ? (
          <button type="button" disabled={setStatus.isPending} onClick={() => (clear(), setStatus.submit('paused'))}>
            Pause
          </button>
        ) : (
          <button type="button" disabled={setStatus.isPending} onClick={() => (clear(), setStatus.submit('active'))}>
            Resume
          </button>
        )}
        <button type="button" disabled={test.isPending} onClick={() => (clear(), test.submit())}>
          Send a test event
        </button>
        <button type="button" disabled={rotate.isPending} onClick={() => (clear(), setSecret(null), rotate.submit())}>
          Rotate secret
        </button>
        <button type="button" aria-expanded={showLog} onClick={() => setShowLog((v) => !v)}>
          {showLog ? 'Hide delivery log' : 'Delivery log'}
        </button>
        <button type="button" onClick={() => (clear(), setConfirmDelete(true))}>
          Delete
        </button>
      </div>
      {confirmDelete && (
        <div className="conflict" role="alertdialog" aria-label="Confirm deletion">
          <p>Delete this subscription? Nothing more is sent to {s.url}, and its undelivered events are dropped.</p>
          <button type="button" className="primary" disabled={remove.isPending} onClick={() => remove.submit()}>
            Delete subscription
          </button>
          <button type="button" onClick={() => setConfirmDelete(false)}>
            Cancel
          </button>
        </div>
      )}
      {done && <SavedStatus>{done}</SavedStatus>}
      {secret && <SecretOnce secret={secret} onDone={() => setSecret(null)} />}
      {error ? <ErrorSummary error={error} /> : null}
      {showLog && <DeliveryLog subscriptionId={id} />}
    </li>
  );
}

function DeliveryLog({ subscriptionId }: { subscriptionId: string }) {
  const deliveries = useDeliveries(subscriptionId);
  const [since, setSince] = useState('');
  const [scheduled, setScheduled] = useState<string | null>(null);
  const redeliver = useSubscriptionWrite(
    async (crms, body: { eventId: string } | { since: string }) =>
      unwrap(await crms.POST('/api/webhooks/subscriptions/{subscriptionId}/redeliver', { params: { path: { subscriptionId } }, body })).data,
    (result) => setScheduled(`${plural(result.scheduled, 'delivery', 'deliveries')} scheduled again.`),
  );
  return (
    <section aria-label="Delivery log">
      <h4>Delivery log</h4>
      <div className="actions">
        <button type="button" onClick={() => void deliveries.refetch()}>
          Refresh
        </button>
      </div>
      <form
        onSubmit={(e) => {
          e.preventDefault();
          setScheduled(null);
          const at = new Date(since);
          if (!Number.isNaN(at.getTime())) redeliver.submit({ since: at.toISOString() });
        }}
      >
        <label htmlFor={`since-${subscriptionId}`}>Redeliver everything since</label>{' '}
        <input id={`since-${subscriptionId}`} type="datetime-local" required value={since} onChange={(e) => setSince(e.target.value)} />{' '}
        <SubmitButton pending={redeliver.isPending}>Redeliver</SubmitButton>
      </form>
      {scheduled && <SavedStatus>{scheduled}</SavedStatus>}
      {redeliver.error ? <ErrorSummary error={redeliver.error} /> : null}
      {deliveries.isPending ? (
        <p>Loading deliveries…</p>
      ) : deliveries.isError ? (
        <ErrorSummary error={deliveries.error} onRetry={() => void deliveries.refetch()} />
      ) : deliveries.data.length === 0 ? (
        <p className="muted">Nothing delivered yet.</p>
      ) : (
        <table>
          <thead>
            <tr>
              <th scope="col">Event</th>
              <th scope="col">Status</th>
              <th scope="col">Attempts</th>
              <th scope="col" />
            </tr>
          </thead>
          <tbody>
            {deliveries.data.map((d) => (
              <DeliveryRow
                key={d.eventId}
                delivery={d}
                pending={redeliver.isPending}
                onRedeliver={() => (setScheduled(null), redeliver.submit({ eventId: d.eventId }))}
              />
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}

function DeliveryRow({ delivery: d, pending, onRedeliver }: { delivery: Delivery; pending: boolean; onRedeliver: () => void }) {
  return (
    <tr>
      <td>
        <code>{d.type}</code> #{d.sequence}
        <br />
        <span className="muted">
          {d.eventId} · {formatDateTime(d.createdAt)}
        </span>
      </td>
      <td>
        {d.status === 'delivered' ? `delivered ${formatDateTime(d.deliveredAt)}` : `pending${d.nextAttemptAt ? `, next try ${formatDateTime(d.nextAttemptAt)}` : ''}`}
      </td>
      <td>
        {plural(d.attempts, 'attempt')}
        {d.log.length > 0 && (
          <ol className="attempts" aria-label={`Attempts of ${d.eventId}`}>
            {d.log.map((a, i) => (
              <li key={i}>
                {formatDateTime(a.at)}: {a.outcome}
                {a.statusCode !== undefined && ` (${a.statusCode})`} in {a.durationMs} ms
                {a.error && <span> — {a.error}</span>}
                {a.responseBody && (
                  <>
                    {' '}
                    <code className="muted">{a.responseBody}</code>
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
      </td>
      <td>
        <button type="button" disabled={pending} onClick={onRedeliver}>
          Redeliver
        </button>
      </td>
    </tr>
  );
}
