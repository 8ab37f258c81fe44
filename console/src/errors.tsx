import type { ErrorEnvelope } from './api';
import { asEnvelope } from './api';

/**
 * The API's error envelope on screen: the message in an alert, each `{field, message}` next to the
 * input it concerns (FieldError, matched by field name) and the rest listed under the message.
 */

export const fieldErrorId = (form: string, field: string) => `${form}-${field}-error`;

/** The problems of `field` in `envelope` (a field path such as `body.tags[2]` counts for `tags`). */
export function errorsFor(envelope: ErrorEnvelope | null, field: string): string[] {
  if (!envelope) return [];
  return envelope.errors.filter((e) => fieldKey(e.field) === field).map((e) => e.message);
}

/** `body.tags[2]`, `query.status`, `tags.2` → `tags`, `status`. */
export function fieldKey(path: string): string {
  const parts = path.replace(/\[\d+\]/g, '').split('.').filter((p) => p !== '' && !/^\d+$/.test(p));
  const meaningful = parts.filter((p) => !['body', 'query', 'params', 'path', 'headers'].includes(p));
  return meaningful[0] ?? parts[0] ?? path;
}

export function FieldError({ form, field, envelope }: { form: string; field: string; envelope: ErrorEnvelope | null }) {
  const messages = errorsFor(envelope, field);
  if (messages.length === 0) return null;
  return (
    <p className="field-error" id={fieldErrorId(form, field)}>
      {messages.join(' ')}
    </p>
  );
}

/** aria props of an input whose problems FieldError shows. */
export function fieldProps(form: string, field: string, envelope: ErrorEnvelope | null) {
  const invalid = errorsFor(envelope, field).length > 0;
  return invalid ? { 'aria-invalid': true as const, 'aria-describedby': fieldErrorId(form, field) } : {};
}

/** The message, plus the problems of fields the form has no input for (`fields` are shown inline). */
export function ErrorSummary({ error, fields = [], onRetry }: { error: unknown; fields?: readonly string[]; onRetry?: () => void }) {
  if (!error) return null;
  const envelope = asEnvelope(error);
  const rest = envelope.errors.filter((e) => !fields.includes(fieldKey(e.field)));
  return (
    <div className="error-summary" role="alert">
      <p>{envelope.message}</p>
      {rest.length > 0 && (
        <ul>
          {rest.map((e, i) => (
            <li key={i}>
              <code>{e.field}</code>: {e.message}
            </li>
          ))}
        </ul>
      )}
      {onRetry && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
