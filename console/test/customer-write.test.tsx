import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeCrms, json, type Seen } from './fake-crms';
import { renderApp } from './render';

const ID = '65a1b2c3d4e5f6a7b8c9d0e1';

function customer(version: number, tags: string[], customerStatus = 'Active', notes: string[] = []) {
  return {
    customerId: ID,
    userId: 'a'.repeat(24),
    fullName: 'Asha Rao',
    email: 'asha@example.com',
    customerStatus,
    customerType: 'Regular',
    customerSince: '2025-01-01T00:00:00.000Z',
    createdAt: '2025-01-01T00:00:00.000Z',
    updatedAt: `2026-01-0${version}T00:00:00.000Z`,
    totalOrders: 3,
    totalOrderValue: 1200,
    totalComplaints: 0,
    openComplaints: 0,
    preferences: { newsletter: true },
    tags,
    noteHistory: notes.map((note, i) => ({ noteId: `n${i}`, note, addedAt: '2026-01-01T00:00:00.000Z', addedBy: 'b'.repeat(24) })),
    statusHistory: [],
    typeHistory: [],
  };
}

/**
 * A customer whose stored version moves on behind the console's back (another administrator).
 * `slowReads` holds every read after the first until released (a slow network).
 */
function crmsWithCustomer() {
  const state = { version: 1, tags: ['loyal'], status: 'Active', notes: [] as string[], reads: 0, slowReads: false, release: [] as (() => void)[] };
  const etag = () => `"${ID}-${state.version}"`;
  const stale = (req: Seen) => req.headers.get('If-Match') !== etag();
  const conflict = () => json(412, { success: false, message: 'The customer was modified', errors: [] });
  const fake = fakeCrms([
    (req) => {
      if (req.method !== 'GET' || req.path !== `/api/customers/${ID}`) return undefined;
      state.reads += 1;
      const answer = () => json(200, { success: true, message: 'ok', data: customer(state.version, state.tags, state.status, state.notes) }, { ETag: etag() });
      if (state.reads === 1 || !state.slowReads) return answer();
      return new Promise<Response>((resolve) => state.release.push(() => resolve(answer()))) as unknown as Response;
    },
    (req) => (req.path.endsWith('/orders') ? json(502, { success: false, message: 'Order Service unavailable', errors: [] }) : undefined),
    (req) =>
      req.path.endsWith('/complaints')
        ? json(200, { success: true, message: 'ok', data: { customerId: ID, complaints: [], pagination: { currentPage: 1, totalPages: 0, totalItems: 0 } } })
        : undefined,
    (req) => {
      if (req.method !== 'PUT') return undefined;
      if (stale(req)) return conflict();
      state.version += 1;
      state.tags = (req.body as { tags: string[] }).tags;
      return json(200, { success: true, message: 'ok', data: { customerId: ID } }, { ETag: etag() });
    },
    (req) => {
      if (req.method !== 'PATCH' || !req.path.endsWith('/status')) return undefined;
      if (stale(req)) return conflict();
      const previousStatus = state.status;
      state.version += 1;
      state.status = (req.body as { status: string }).status;
      return json(200, { success: true, message: 'ok', data: { customerId: ID, previousStatus, customerStatus: state.status, authSync: 'synced' } }, { ETag: etag() });
    },
    (req) => {
      if (req.method !== 'POST' || !req.path.endsWith('/notes')) return undefined;
      if (stale(req)) return conflict();
      state.version += 1;
      state.notes.push((req.body as { note: string }).note);
      // answered a moment later, as over a network: a second click lands while the first is in flight
      const answer = json(201, { success: true, message: 'ok', data: { customerId: ID } }, { ETag: etag() });
      return new Promise<Response>((resolve) => setTimeout(() => resolve(answer), 150)) as unknown as Response;
    },
  ]);
  return { fake, state };
}

const puts = (seen: Seen[]) => seen.filter((r) => r.method === 'PUT');

describe('When an administrator edits a customer', () => {
  it('then the write sends the ETag it read as If-Match', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    const tags = await screen.findByLabelText('Tags (comma-separated)');
    await userEvent.clear(tags);
    await userEvent.type(tags, 'loyal, vip-candidate');
    await userEvent.click(screen.getByRole('button', { name: 'Save tags and preferences' }));
    await waitFor(() => expect(state.tags).toEqual(['loyal', 'vip-candidate']));
    expect(puts(fake.seen)[0]?.headers.get('If-Match')).toBe(`"${ID}-1"`);
    // the customer is read again: the next write carries the new version
    await waitFor(() => expect(fake.seen.filter((r) => r.method === 'GET' && r.path === `/api/customers/${ID}`).length).toBeGreaterThanOrEqual(2));
  });

  it('then a 412 says someone else changed the customer, nothing is lost, and reloading lets the change through', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    const tags = await screen.findByLabelText('Tags (comma-separated)');
    state.version = 2; // another session saved in between
    state.tags = ['loyal', 'from-elsewhere'];
    await userEvent.clear(tags);
    await userEvent.type(tags, 'mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save tags and preferences' }));
    const alert = await screen.findByText(/Someone else changed this customer/);
    expect(state.tags).toEqual(['loyal', 'from-elsewhere']);
    expect(puts(fake.seen)[0]?.headers.get('If-Match')).toBe(`"${ID}-1"`);
    await userEvent.click(within(alert.closest('[role="alert"]') as HTMLElement).getByRole('button', { name: 'Reload customer' }));
    await waitFor(() => expect(fake.seen.filter((r) => r.method === 'GET' && r.path === `/api/customers/${ID}`).length).toBe(2));
    await waitFor(() => expect(screen.queryByText(/Someone else changed this customer/)).toBeNull());
    // what was typed stays, to be saved again over the newest version
    expect((screen.getByLabelText('Tags (comma-separated)') as HTMLInputElement).value).toBe('mine');
    await userEvent.click(screen.getByRole('button', { name: 'Save tags and preferences' }));
    await waitFor(() => expect(state.tags).toEqual(['mine']));
    expect(puts(fake.seen)[1]?.headers.get('If-Match')).toBe(`"${ID}-2"`);
  });

  it('then typed tags survive a note added elsewhere on the page, and the save says so', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    const tags = await screen.findByLabelText('Tags (comma-separated)');
    await userEvent.clear(tags);
    await userEvent.type(tags, 'loyal, typed');
    await userEvent.type(screen.getByLabelText('New note'), 'Called.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText('Called.', { selector: '.timeline p' });
    expect((screen.getByLabelText('Tags (comma-separated)') as HTMLInputElement).value).toBe('loyal, typed');
    await userEvent.click(screen.getByRole('button', { name: 'Save tags and preferences' }));
    await waitFor(() => expect(state.tags).toEqual(['loyal', 'typed']));
    expect(await screen.findByText('Saved.')).toBeTruthy();
  });

  it('then a save right after a status change, on a slow network, uses the newest version and is saved', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    const tags = await screen.findByLabelText('Tags (comma-separated)');
    state.slowReads = true;
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'Inactive');
    await userEvent.click(screen.getByRole('button', { name: 'Change status' }));
    await waitFor(() => expect(state.status).toBe('Inactive'));
    // the customer is being read again (slowly) while the administrator saves the tags
    await userEvent.clear(tags);
    await userEvent.type(tags, 'after-status');
    await userEvent.click(screen.getByRole('button', { name: 'Save tags and preferences' }));
    await waitFor(() => expect(state.tags).toEqual(['after-status']));
    expect(puts(fake.seen)[0]?.headers.get('If-Match')).toBe(`"${ID}-2"`);
    state.slowReads = false;
    for (const release of state.release.splice(0)) release();
    await waitFor(() => expect((screen.getByLabelText('New status') as HTMLSelectElement).value).toBe('Inactive'));
  });

  it('then after a submit the focus moves to the form\'s "Saved." message, not lost to the page, unless the administrator moved on', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    const tags = await screen.findByLabelText('Tags (comma-separated)');
    await userEvent.clear(tags);
    await userEvent.type(tags, 'focus');
    await userEvent.click(screen.getByRole('button', { name: 'Save tags and preferences' }));
    await waitFor(() => expect(state.tags).toEqual(['focus']));
    const saved = await screen.findByText('Saved.');
    await waitFor(() => expect(document.activeElement).toBe(saved));
    // a status change: its outcome takes the focus
    await userEvent.selectOptions(screen.getByLabelText('New status'), 'Inactive');
    await userEvent.click(screen.getByRole('button', { name: 'Change status' }));
    const outcome = await screen.findByText(/Saved\. Status Active → Inactive/);
    await waitFor(() => expect(document.activeElement).toBe(outcome));
    // a note whose answer arrives after the administrator moved on to another field: the focus stays there
    await userEvent.type(screen.getByLabelText('New note'), 'Later.');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    screen.getByLabelText('Tags (comma-separated)').focus();
    await screen.findByText(/The note was added/);
    expect(document.activeElement).toBe(screen.getByLabelText('Tags (comma-separated)'));
  });

  it('then a double click on a submit button sends one write', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    await userEvent.type(await screen.findByLabelText('New note'), 'Once.');
    await userEvent.dblClick(screen.getByRole('button', { name: 'Add note' }));
    await waitFor(() => expect(state.notes).toEqual(['Once.']));
    await screen.findByText(/The note was added/);
    expect(fake.seen.filter((r) => r.method === 'POST')).toHaveLength(1);
    expect(screen.queryByText(/Someone else changed this customer/)).toBeNull();
  });

  it('then the status select follows a change made elsewhere while it is untouched', async () => {
    const { fake, state } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    const select = (await screen.findByLabelText('New status')) as HTMLSelectElement;
    expect(select.value).toBe('Active');
    state.status = 'Suspended';
    state.version += 1;
    await userEvent.type(screen.getByLabelText('New note'), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Add note' }));
    await screen.findByText(/Someone else changed this customer/);
    await userEvent.click(screen.getByRole('button', { name: 'Reload customer' }));
    await waitFor(() => expect(select.value).toBe('Suspended'));
  });

  it('then an unavailable Order Service (502) is said so, with a retry', async () => {
    const { fake } = crmsWithCustomer();
    renderApp(fake, `/customers/${ID}`);
    expect(await screen.findByText('The Order Service is unavailable right now: Order Service unavailable')).toBeTruthy();
    const before = fake.seen.filter((r) => r.path.endsWith('/orders')).length;
    const orders = screen.getByRole('heading', { name: 'Orders' }).closest('section') as HTMLElement;
    await userEvent.click(within(orders).getByRole('button', { name: 'Retry' }));
    await waitFor(() => expect(fake.seen.filter((r) => r.path.endsWith('/orders')).length).toBe(before + 1));
  });

  it('then a field error of the envelope is shown next to its input', async () => {
    const { fake } = crmsWithCustomer();
    fake.seen.length = 0;
    const failing = fakeCrms([
      (req) => (req.method === 'GET' && req.path === `/api/customers/${ID}` ? json(200, { success: true, message: 'ok', data: customer(1, []) }, { ETag: `"${ID}-1"` }) : undefined),
      (req) => (req.method === 'PATCH' ? json(400, { success: false, message: 'Validation failed', errors: [{ field: 'body.reason', message: 'must NOT have more than 500 characters' }] }) : undefined),
      (req) => (req.path.endsWith('/orders') || req.path.endsWith('/complaints') ? json(502, { success: false, message: 'down', errors: [] }) : undefined),
    ]);
    renderApp(failing, `/customers/${ID}`);
    await userEvent.type(await screen.findByLabelText('Reason', { selector: '#status-reason' }), 'x');
    await userEvent.click(screen.getByRole('button', { name: 'Change status' }));
    const reason = screen.getByLabelText('Reason', { selector: '#status-reason' });
    await waitFor(() => expect(reason.getAttribute('aria-invalid')).toBe('true'));
    expect(document.getElementById(reason.getAttribute('aria-describedby') ?? '')?.textContent).toBe('Must be at most 500 characters long.');
  });
});
