import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { CrmsApiError } from '../src/api';
import { ErrorSummary, FieldError, errorsFor, fieldKey, fieldProps } from '../src/errors';

const envelope = {
  success: false as const,
  message: 'Validation failed',
  errors: [
    { field: 'body.tags[1]', message: 'must NOT have more than 50 characters' },
    { field: 'query.minOrderValue', message: 'must be number' },
    { field: 'cursor', message: 'does not belong to these filters' },
  ],
};

describe('When CRMS answers with an error envelope', () => {
  it('then each field path maps to the input it concerns', () => {
    expect(fieldKey('body.tags[1]')).toBe('tags');
    expect(fieldKey('query.minOrderValue')).toBe('minOrderValue');
    expect(fieldKey('body.preferences.language')).toBe('preferences');
    expect(fieldKey('status')).toBe('status');
    expect(errorsFor(envelope, 'tags')).toEqual(['Must be at most 50 characters long.']);
    expect(errorsFor(envelope, 'status')).toEqual([]);
  });

  it('then the message of a field is shown next to its input, which points at it', () => {
    render(
      <>
        <input aria-label="Tags" {...fieldProps('f', 'tags', envelope)} />
        <FieldError form="f" field="tags" envelope={envelope} />
        <input aria-label="Status" {...fieldProps('f', 'status', envelope)} />
        <FieldError form="f" field="status" envelope={envelope} />
      </>,
    );
    const tags = screen.getByLabelText('Tags');
    expect(tags.getAttribute('aria-invalid')).toBe('true');
    expect(document.getElementById(tags.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Must be at most 50 characters long.');
    expect(screen.getByLabelText('Status').hasAttribute('aria-invalid')).toBe(false);
  });

  it('then the summary shows the message and only the problems no input shows', () => {
    render(<ErrorSummary error={new CrmsApiError(400, envelope, 'req-1')} fields={['tags', 'minOrderValue']} />);
    const alert = screen.getByRole('alert');
    expect(alert.textContent).toContain('Validation failed');
    expect(alert.textContent).toContain('does not belong to these filters');
    expect(alert.textContent).not.toContain('must be number');
  });

  it('then a network failure is worded as CRMS being unreachable', () => {
    render(<ErrorSummary error={new TypeError('Failed to fetch')} />);
    expect(screen.getByRole('alert').textContent).toContain('CRMS could not be reached: Failed to fetch');
  });

  it('then the schema validator\'s wording reads as sentences for people, never JSON-Schema text', () => {
    const id = new CrmsApiError(400, { success: false, message: 'Validation failed', errors: [{ field: 'params.customerId', message: 'must match pattern "^[0-9a-fA-F]{24}$"' }] }, null);
    render(<ErrorSummary error={id} />);
    const text = screen.getByRole('alert').textContent ?? '';
    expect(text).toContain('customerId: Must be a 24-character id (digits and the letters a to f).');
    expect(text).not.toContain('pattern');
    expect(text).not.toContain('params.');
  });

  it('then Retry is offered where retrying can help (network, 5xx), not for a refused request (400, 403, 404)', () => {
    const refused = [400, 403, 404].map((status) => new CrmsApiError(status, { success: false, message: `answered ${status}`, errors: [] }, null));
    for (const error of refused) {
      const { unmount } = render(<ErrorSummary error={error} onRetry={() => undefined} />);
      expect(screen.queryByRole('button', { name: 'Retry' })).toBeNull();
      unmount();
    }
    for (const error of [new TypeError('Failed to fetch'), new CrmsApiError(503, { success: false, message: 'down', errors: [] }, null)]) {
      const { unmount } = render(<ErrorSummary error={error} onRetry={() => undefined} />);
      expect(screen.getByRole('button', { name: 'Retry' })).toBeTruthy();
      unmount();
    }
  });
});
