import type { ErrorEnvelope } from './api';
import { asEnvelope, statusOf } from './api';

/**
 * The API's error envelope on screen: the message in an alert, each `{field, message}` next to the
 * input it concerns (FieldError, matched by field name) and the rest listed under the message.
 */

export const fieldErrorId = (form: string, field: string) => `${form}-${field}-error`;

/** The problems of `field` in `envelope` (a field path such as `body.tags[2]` counts for `tags`). */
export function errorsFor(envelope: ErrorEnvelope | null, field: string): string[] {
  if (!envelope) return [];
  return envelope.errors.filter((e) => fieldKey(e.field) === field).map((e) => humanMessage(e.message));
}

const FORMATS: Record<string, string> = {
  date: 'a date (YYYY-MM-DD)',
  'date-time': 'a date and time',
  email: 'an e-mail address',
  uri: 'a web address',
};

/**
 * A validation message as a sentence for people: the schema validator's wording (`must NOT have
 * more than 500 characters`, `must match pattern "^[0-9a-fA-F]{24}$"`) is rewritten; CRMS's own
 * messages, already sentences, pass unchanged.
 */
export function humanMessage(message: string): string {
  const rules: [RegExp, (m: RegExpExecArray) => string][] = [
    [/^must NOT have more than (\d+) characters?$/i, (m) => `Must be at most ${m[1]} characters long.`],
    [/^must NOT have fewer than (\d+) characters?$/i, (m) => (m[1] === '1' ? 'Must not be empty.' : `Must be at least ${m[1]} characters long.`)],
    [/^must NOT have more than (\d+) items?$/i, (m) => `Must have at most ${m[1]} entries.`],
    [/^must NOT have fewer than (\d+) items?$/i, (m) => `Must have at least ${m[1]} entries.`],
    [/^must be >= (\S+)$/i, (m) => `Must be ${m[1]} or more.`],
    [/^must be > (\S+)$/i, (m) => `Must be more than ${m[1]}.`],
    [/^must be <= (\S+)$/i, (m) => `Must be ${m[1]} or less.`],
    [/^must be < (\S+)$/i, (m) => `Must be less than ${m[1]}.`],
    [/^must be integer$/i, () => 'Must be a whole number.'],
    [/^must be number$/i, () => 'Must be a number.'],
    [/^must be boolean$/i, () => 'Must be yes or no.'],
    [/^must be string$/i, () => 'Must be text.'],
    [/^must be equal to one of the allowed values$/i, () => 'Must be one of the values offered.'],
    [/^must match format "([^"]+)"$/i, (m) => `Must be ${FORMATS[m[1] ?? ''] ?? 'in the expected format'}.`],
    [/^must match pattern "\^\[0-9a-fA-F\]\{24\}\$"$/i, () => 'Must be a 24-character id (digits and the letters a to f).'],
    [/^must match pattern /i, () => 'Is not in the expected format.'],
    [/^must have required property '([^']+)'$/i, (m) => `${m[1]} is required.`],
    [/^must NOT have additional properties$/i, () => 'Contains a field that is not accepted here.'],
  ];
  for (const [pattern, sentence] of rules) {
    const match = pattern.exec(message.trim());
    if (match) return sentence(match);
  }
  return message;
}

/** Whether trying the same request again can help: not for a refusal of the request itself (4xx other than 408/429). */
export function retryable(error: unknown): boolean {
  const status = statusOf(error);
  return status === undefined || status >= 500 || status === 408 || status === 429;
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

/** The message, plus the problems of fields the form has no input for (`fields` are shown inline); Retry only where it can help. */
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
              {fieldKey(e.field)}: {humanMessage(e.message)}
            </li>
          ))}
        </ul>
      )}
      {onRetry && retryable(error) && (
        <button type="button" onClick={onRetry}>
          Retry
        </button>
      )}
    </div>
  );
}
