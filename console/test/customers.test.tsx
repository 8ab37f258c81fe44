import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeCrms, json } from './fake-crms';
import { renderApp } from './render';

const person = (n: number) => ({
  customerId: n.toString(16).padStart(24, '0'),
  userId: n.toString(16).padStart(24, 'a'),
  fullName: `Customer ${n}`,
  email: `c${n}@example.com`,
  customerStatus: 'Active',
  customerType: 'Regular',
  customerSince: '2025-01-01T00:00:00.000Z',
  totalOrders: n,
  totalOrderValue: n * 10,
  totalComplaints: 0,
  openComplaints: 0,
});

/** Three pages of two customers; page n+1 is reached with the cursor "p{n+1}". */
function listing() {
  return fakeCrms([
    (req) => {
      if (req.path !== '/api/customers') return undefined;
      if (req.query.get('minOrderValue') === '-1') {
        return json(400, { success: false, message: 'Invalid query', errors: [{ field: 'query.minOrderValue', message: 'must be >= 0' }] });
      }
      const page = Number((req.query.get('cursor') ?? 'p1').slice(1));
      const data = {
        customers: [person(page * 2 - 1), person(page * 2)],
        pagination: { currentPage: page, totalPages: 3, totalItems: 6, itemsPerPage: 2, hasNextPage: page < 3, hasPreviousPage: page > 1, nextCursor: page < 3 ? `p${page + 1}` : null },
      };
      return json(200, { success: true, message: 'ok', data });
    },
    (req) =>
      req.path === '/api/customers/bulk'
        ? json(200, {
            success: true,
            message: 'ok',
            data: {
              action: 'setStatus',
              succeeded: 1,
              failed: 1,
              results: [
                { customerId: person(1).customerId, success: true, authSync: 'pending' },
                { customerId: person(2).customerId, success: false, error: { message: 'Customer not found' } },
              ],
            },
          })
        : undefined,
  ]);
}

describe('When an administrator browses the customer list', () => {
  it('then next and previous follow the keyset cursors and the totals show', async () => {
    const fake = listing();
    renderApp(fake, '/');
    expect(await screen.findByText('Customer 1')).toBeTruthy();
    expect(screen.getByText(/6 customers · page 1 of 3/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Customer 3')).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Customer 5')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Next page' }) as HTMLButtonElement).disabled).toBe(true);
    await userEvent.click(screen.getByRole('button', { name: 'Previous page' }));
    expect(await screen.findByText('Customer 3')).toBeTruthy();
    const cursors = fake.seen.filter((r) => r.path === '/api/customers').map((r) => r.query.get('cursor'));
    // going back re-reads exactly the earlier page (its cursor), it does not restart from the first
    expect(cursors).toEqual([null, 'p2', 'p3', 'p2']);
  });

  it('then a filter the API rejects is marked at its input', async () => {
    const fake = listing();
    renderApp(fake, '/');
    await screen.findByText('Customer 1');
    await userEvent.type(screen.getByLabelText('Order value, at least'), '-1');
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    const input = screen.getByLabelText('Order value, at least');
    await waitFor(() => expect(input.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('must be >= 0');
  });

  it('then a bulk change of the selected rows shows the outcome of each', async () => {
    const fake = listing();
    renderApp(fake, '/');
    await screen.findByText('Customer 1');
    await userEvent.click(screen.getByLabelText('Select every customer on this page'));
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'Suspended');
    await userEvent.type(screen.getByLabelText('Reason (optional)'), 'fraud check');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 2 selected' }));
    expect(await screen.findByText('Set status: 1 succeeded, 1 failed.')).toBeTruthy();
    expect(screen.getByText(/failed: Customer not found/)).toBeTruthy();
    expect(screen.getByText(/Auth sync pending/)).toBeTruthy();
    const body = fake.seen.find((r) => r.path === '/api/customers/bulk')?.body;
    expect(body).toEqual({ action: 'setStatus', customerIds: [person(1).customerId, person(2).customerId], value: 'Suspended', reason: 'fraud check' });
  });
});
