import { screen, waitFor, within } from '@testing-library/react';
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
    expect(document.getElementById(input.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Must be 0 or more.');
  });

  it('then the list leaves administrators out, and "Show administrators" asks for them too and keeps it in the URL', async () => {
    const fake = listing();
    const { location } = renderApp(fake, '/');
    await screen.findByText('Customer 1');
    const lists = () => fake.seen.filter((r) => r.path === '/api/customers');
    expect(lists()[0]?.query.has('includeAdministrators')).toBe(false);
    const toggle = screen.getByLabelText('Show administrators');
    expect((toggle as HTMLInputElement).checked).toBe(false);
    await userEvent.click(toggle);
    await userEvent.click(screen.getByRole('button', { name: 'Apply filters' }));
    await waitFor(() => expect(lists().at(-1)?.query.get('includeAdministrators')).toBe('true'));
    expect(location.history?.at(-1)).toContain('includeAdministrators=true');
    expect((screen.getByLabelText('Show administrators') as HTMLInputElement).checked).toBe(true);
  });

  it('then a bulk change of the selected rows shows the outcome of each', async () => {
    const fake = listing();
    renderApp(fake, '/');
    await screen.findByText('Customer 1');
    await userEvent.click(screen.getByLabelText('Select every customer on this page'));
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'Suspended');
    await userEvent.type(screen.getByLabelText('Reason (optional)'), 'fraud check');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 2 selected' }));
    // suspending deactivates the users in the Auth Service: asked first, nothing sent yet
    expect(screen.getByText(/also deactivates their accounts in the Auth Service/)).toBeTruthy();
    expect(fake.seen.filter((r) => r.path === '/api/customers/bulk')).toHaveLength(0);
    await userEvent.click(screen.getByRole('button', { name: 'Suspend 2 customers' }));
    expect(await screen.findByText('Set status: 1 succeeded, 1 failed.')).toBeTruthy();
    // each outcome by the customer's name
    expect(screen.getByText(/Customer 2: failed: Customer not found/)).toBeTruthy();
    expect(screen.getByText(/Customer 1: done/)).toBeTruthy();
    expect(screen.getByText(/Auth sync pending/)).toBeTruthy();
    const body = fake.seen.find((r) => r.path === '/api/customers/bulk')?.body;
    expect(body).toEqual({ action: 'setStatus', customerIds: [person(1).customerId, person(2).customerId], value: 'Suspended', reason: 'fraud check' });
  });

  it('then "Select all N that match" selects beyond the page, and the bulk action runs on all of them in chunks of 100, with results by name', async () => {
    // 250 customers with Suspended status, pages of up to 100 by cursor
    const all = Array.from({ length: 250 }, (_, i) => person(i + 1));
    const fake = fakeCrms([
      (req) => {
        if (req.path !== '/api/customers') return undefined;
        const limit = Number(req.query.get('limit') ?? '20');
        const start = Number(req.query.get('cursor') ?? '0');
        const customers = all.slice(start, start + limit);
        const more = start + limit < all.length;
        const data = {
          customers,
          pagination: { currentPage: start / limit + 1, totalPages: Math.ceil(all.length / limit), totalItems: all.length, itemsPerPage: limit, hasNextPage: more, hasPreviousPage: start > 0, nextCursor: more ? String(start + limit) : null },
        };
        return json(200, { success: true, message: 'ok', data });
      },
      (req) => {
        if (req.path !== '/api/customers/bulk') return undefined;
        const ids = (req.body as { customerIds: string[] }).customerIds;
        const failed = ids.includes(person(250).customerId) ? 1 : 0;
        return json(200, {
          success: true,
          message: 'ok',
          data: {
            action: 'setStatus',
            succeeded: ids.length - failed,
            failed,
            results: ids.map((customerId) =>
              customerId === person(250).customerId ? { customerId, success: false, error: { message: 'Customer not found' } } : { customerId, success: true, authSync: 'pending' },
            ),
          },
        });
      },
    ]);
    renderApp(fake, '/?status=Active');
    await screen.findByText('Customer 1');
    await userEvent.click(screen.getByLabelText('Select every customer on this page'));
    expect(screen.getByText(/All 20 customers on this page are selected/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Select all 250 that match' }));
    expect(await screen.findByText(/All 250 customers that match are selected/)).toBeTruthy();
    // the ids were read with the list's filters, 100 at a time
    const reads = fake.seen.filter((r) => r.path === '/api/customers' && r.query.get('limit') === '100');
    expect(reads.map((r) => r.query.get('cursor'))).toEqual([null, '100', '200']);
    expect(reads.every((r) => r.query.get('status') === 'Active')).toBe(true);
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'Suspended');
    await userEvent.click(screen.getByRole('button', { name: 'Apply to 250 selected' }));
    expect(screen.getByText(/Setting 250 customers to Suspended also deactivates/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Suspend 250 customers' }));
    expect(await screen.findByText('Set status: 249 succeeded, 1 failed.')).toBeTruthy();
    const bulks = fake.seen.filter((r) => r.path === '/api/customers/bulk').map((r) => (r.body as { customerIds: string[] }).customerIds.length);
    expect(bulks).toEqual([100, 100, 50]);
    expect(screen.getByText(/Customer 250: failed: Customer not found/)).toBeTruthy();
    expect(screen.getByText(/Customer 120: done/)).toBeTruthy();
  });

  it('then the filters, sort and page live in the URL: a deep link opens that page, and the customer screen leads back to it', async () => {
    const fake = listing();
    const { location } = renderApp(fake, '/?status=Active&limit=2&cursor=p2');
    expect(await screen.findByText('Customer 3')).toBeTruthy();
    const first = fake.seen.find((r) => r.path === '/api/customers');
    expect(first?.query.get('status')).toBe('Active');
    expect(first?.query.get('cursor')).toBe('p2');
    expect((screen.getByLabelText('Status') as HTMLSelectElement).value).toBe('Active');
    expect(screen.getByText(/page 2 of 3/)).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Next page' }));
    expect(await screen.findByText('Customer 5')).toBeTruthy();
    expect(location.history?.at(-1)).toBe('/?status=Active&limit=2&cursor=p2&cursor=p3');
    await userEvent.click(screen.getByRole('link', { name: 'Customer 5' }));
    // (the fake CRMS has no such customer: the error screen's link back is the one shown)
    await userEvent.click(await screen.findByRole('link', { name: 'Back to the customer list' }));
    expect(location.history?.at(-1)).toBe('/?status=Active&limit=2&cursor=p2&cursor=p3');
    expect(await screen.findByText('Customer 5')).toBeTruthy();
    expect(screen.getByText(/page 3 of 3/)).toBeTruthy();
  });

  it('then a column header sorts by it, shows the sort, and flips it on a second click', async () => {
    const fake = listing();
    const { location } = renderApp(fake, '/');
    await screen.findByText('Customer 1');
    // the default sort (registration, newest first) is a column's
    expect(screen.getByRole('columnheader', { name: /Registered/ }).getAttribute('aria-sort')).toBe('descending');
    await userEvent.click(screen.getByRole('button', { name: /^Order value/ }));
    expect(location.history?.at(-1)).toBe('/?sortBy=totalOrderValue');
    expect(screen.getByRole('columnheader', { name: /Order value/ }).getAttribute('aria-sort')).toBe('descending');
    expect(screen.getByRole('columnheader', { name: /Registered/ }).getAttribute('aria-sort')).toBe('none');
    await userEvent.click(screen.getByRole('button', { name: /^Order value/ }));
    expect(location.history?.at(-1)).toBe('/?sortBy=totalOrderValue&sortOrder=asc');
    await waitFor(() => expect(fake.seen.at(-1)?.query.get('sortOrder')).toBe('asc'));
  });

  it('then the current filters are saved as a named view, shown as a tab that opens them', async () => {
    localStorage.clear();
    const fake = listing();
    const { location } = renderApp(fake, '/?type=VIP');
    await screen.findByText('Customer 1');
    await userEvent.click(screen.getByRole('button', { name: 'Save these filters as a view…' }));
    await userEvent.type(screen.getByLabelText('Name of this view'), 'VIPs');
    await userEvent.click(screen.getByRole('button', { name: 'Save view' }));
    const views = screen.getByRole('navigation', { name: 'Saved views' });
    expect(within(views).getByRole('link', { name: 'VIPs' }).getAttribute('aria-current')).toBe('page');
    await userEvent.click(within(views).getByRole('link', { name: 'All customers' }));
    expect(location.history?.at(-1)).toBe('/');
    await userEvent.click(within(views).getByRole('link', { name: 'VIPs' }));
    expect(location.history?.at(-1)).toBe('/?type=VIP');
    expect(JSON.parse(localStorage.getItem('crms.console.views') ?? '[]')).toEqual([{ name: 'VIPs', search: 'type=VIP' }]);
  });

  it('then opening a customer moves the focus to the new screen\'s heading, and back on the list to its heading', async () => {
    const fake = listing();
    renderApp(fake, '/');
    await userEvent.click(await screen.findByRole('link', { name: 'Customer 1' }));
    await waitFor(() => expect(document.activeElement?.tagName).toBe('H1'));
    expect(document.activeElement?.textContent).toBe('Customer');
    await userEvent.click(screen.getByRole('link', { name: 'Back to the customer list' }));
    await waitFor(() => expect(document.activeElement?.textContent).toBe('Customers'));
  });
});
