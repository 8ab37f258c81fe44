import { useEffect, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { statusOf } from './api';
import { keys } from './data';
import { ErrorSummary } from './errors';

/**
 * A form's values over the server's: the form shows the server's values until the administrator
 * changes one (dirty); from then on, what was typed stays, whatever is written elsewhere on the page
 * or reloaded, until it is saved (`saved`) or the server's values change while the form is clean.
 */
export function useDraft<T>(server: T): { draft: T; setDraft: (update: (draft: T) => T) => void; dirty: boolean; saved: (sent: T) => void } {
  const [state, setState] = useState({ base: server, draft: server, dirty: false });
  if (JSON.stringify(state.base) !== JSON.stringify(server)) {
    // the server's values changed (a write elsewhere, a reload): a clean form follows them
    setState({ base: server, draft: state.dirty ? state.draft : server, dirty: state.dirty });
  }
  return {
    draft: state.draft,
    dirty: state.dirty,
    setDraft: (update) => setState((s) => ({ ...s, draft: update(s.draft), dirty: true })),
    saved: (sent) => setState((s) => ({ ...s, draft: sent, dirty: false })),
  };
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
  const qc = useQueryClient();
  if (!error) return null;
  if (statusOf(error) === 412) {
    return (
      <div className="conflict" role="alert">
        <p>
          <strong>Someone else changed this customer</strong> after you opened it, so your change was not saved. Reload to see their
          changes; what you typed here stays, ready to save again.
        </p>
        <button
          type="button"
          className="primary"
          onClick={async () => {
            await qc.invalidateQueries({ queryKey: keys.customer(customerId) });
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

/**
 * A write's "Saved." message, which takes the focus when it appears: the submit button was disabled
 * while the write was in flight, so the focus would otherwise fall back to the page. It takes it only
 * when the focus is in its form or lost (on the page), never from a field the administrator moved on to.
 */
export function SavedStatus({ children }: { children: ReactNode }) {
  const ref = useRef<HTMLParagraphElement>(null);
  useEffect(() => {
    const element = ref.current;
    const active = document.activeElement;
    if (!element) return;
    if (!active || active === document.body || element.closest('form')?.contains(active)) element.focus();
  }, []);
  return (
    <p role="status" tabIndex={-1} ref={ref} className="saved">
      {children}
    </p>
  );
}

/** A form's submit button, disabled while its write is in flight (a double click sends one request). */
export function SubmitButton({ pending, children }: { pending: boolean; children: ReactNode }) {
  return (
    <button type="submit" className="primary" disabled={pending}>
      {children}
    </button>
  );
}
