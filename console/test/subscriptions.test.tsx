import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeCrms, json, type Route } from './fake-crms';
import { renderApp } from './render';

const ID = 'a'.repeat(24);
const subscription = (over: Record<string, unknown> = {}) => ({
  subscriptionId: ID,
  url: 'https://orders.example.net/hooks/crms',
  eventTypes: ['customer.status_changed'],
  description: 'Order Service',
  status: 'active',
  createdAt: '2026-01-20T14:30:00.000Z',
  updatedAt: '2026-01-20T14:30:00.000Z',
  ...over,
});

/** A fake CRMS holding the subscriptions in `store`. */
function subscriptionsApi(store: ReturnType<typeof subscription>[]): Route {
  return (req) => {
    if (req.path === '/api/webhooks/subscriptions' && req.method === 'GET') {
      return json(200, { success: true, message: 'ok', data: { subscriptions: store } });
    }
    if (req.path === '/api/webhooks/subscriptions' && req.method === 'POST') {
      const body = req.body as { url: string; eventTypes: string[]; description?: string };
      const created = subscription({ subscriptionId: 'c'.repeat(24), ...body });
      store.push(created);
      return json(201, { success: true, message: 'created', data: { subscription: created, secret: 'whsec_c2VjcmV0LXNob3duLW9uY2U=' } });
    }
    return undefined;
  };
}

describe('When an administrator opens the subscriptions', () => {
  it('then each subscription is listed with its URL, status, description and event types', { timeout: 30_000 }, async () => {
    const fake = fakeCrms([subscriptionsApi([subscription(), subscription({ subscriptionId: 'b'.repeat(24), url: 'https://mail.example.net/in', status: 'disabled', disabledReason: 'Failed for 3 days', eventTypes: ['customer.erased', 'customer.deleted'] })])]);
    renderApp(fake, '/subscriptions');
    const list = await screen.findByRole('list', { name: 'Subscriptions' }, { timeout: 15_000 });
    const first = within(list).getByRole('listitem', { name: 'https://orders.example.net/hooks/crms' });
    expect(first.textContent).toContain('active');
    expect(first.textContent).toContain('Order Service');
    expect(first.textContent).toContain('customer.status_changed');
    const second = within(list).getByRole('listitem', { name: 'https://mail.example.net/in' });
    expect(second.textContent).toContain('Failed for 3 days');
    expect(within(second).getByRole('button', { name: 'Resume' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Subscriptions' })).toBeTruthy();
  });
});

describe('When an administrator creates a subscription', () => {
  it('then the contract body is sent, the secret is shown once and is gone once dismissed', { timeout: 30_000 }, async () => {
    const store: ReturnType<typeof subscription>[] = [];
    const fake = fakeCrms([subscriptionsApi(store)]);
    renderApp(fake, '/subscriptions');
    expect(await screen.findByText('No subscriptions yet.', undefined, { timeout: 15_000 })).toBeTruthy();
    await userEvent.type(screen.getByLabelText('URL'), 'https://crm.example.net/hook');
    await userEvent.click(screen.getByRole('checkbox', { name: 'customer.erased' }));
    await userEvent.click(screen.getByRole('checkbox', { name: 'customer.deleted' }));
    await userEvent.type(screen.getByLabelText('Description'), 'Mailing tool');
    await userEvent.click(screen.getByRole('button', { name: 'Create subscription' }));

    expect((await screen.findByLabelText('Signing secret')).textContent).toBe('whsec_c2VjcmV0LXNob3duLW9uY2U=');
    const post = fake.seen.find((r) => r.method === 'POST' && r.path === '/api/webhooks/subscriptions');
    expect(post?.body).toEqual({ url: 'https://crm.example.net/hook', eventTypes: ['customer.erased', 'customer.deleted'], description: 'Mailing tool' });
    expect(await screen.findByRole('listitem', { name: 'https://crm.example.net/hook' })).toBeTruthy();

    await userEvent.click(screen.getByRole('button', { name: 'I have copied it' }));
    expect(screen.queryByLabelText('Signing secret')).toBeNull();
    expect(screen.queryByText(/whsec_/)).toBeNull();
  });
});

describe('When an administrator sends a test event', () => {
  it('then CRMS queues it for that subscription and its delivery log shows it', { timeout: 30_000 }, async () => {
    let tested = false;
    const fake = fakeCrms([
      subscriptionsApi([subscription()]),
      (req) =>
        req.method === 'POST' && req.path === `/api/webhooks/subscriptions/${ID}/test`
          ? ((tested = true), json(202, { success: true, message: 'queued', data: { eventId: 'evt_test_1' } }))
          : undefined,
      (req) =>
        req.path === `/api/webhooks/subscriptions/${ID}/deliveries`
          ? json(200, {
              success: true,
              message: 'ok',
              data: {
                deliveries: tested
                  ? [
                      {
                        eventId: 'evt_test_1',
                        type: 'webhook.test',
                        customerId: '0'.repeat(24),
                        sequence: 0,
                        status: 'delivered',
                        attempts: 1,
                        createdAt: '2026-01-25T11:20:00.000Z',
                        deliveredAt: '2026-01-25T11:20:01.000Z',
                        log: [{ at: '2026-01-25T11:20:01.000Z', outcome: 'delivered', statusCode: 204, durationMs: 12, responseBody: 'thanks' }],
                      },
                    ]
                  : [],
              },
            })
          : undefined,
    ]);
    renderApp(fake, '/subscriptions');
    await userEvent.click(await screen.findByRole('button', { name: 'Send a test event' }, { timeout: 15_000 }));

    expect((await screen.findByRole('status')).textContent).toContain('evt_test_1');
    expect(fake.seen.filter((r) => r.method === 'POST' && r.path === `/api/webhooks/subscriptions/${ID}/test`)).toHaveLength(1);
    const log = await screen.findByRole('region', { name: 'Delivery log' });
    await waitFor(() => expect(within(log).getByRole('list', { name: 'Attempts of evt_test_1' }).textContent).toContain('delivered (204) in 12 ms'));
    expect(log.textContent).toContain('thanks');
  });
});
