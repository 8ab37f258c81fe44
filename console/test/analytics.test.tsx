import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { fakeCrms, json } from './fake-crms';
import { renderApp } from './render';

const figures = (totalCustomers: number, cached: boolean) => ({
  totalCustomers,
  byStatus: { Active: totalCustomers, Inactive: 0, Suspended: 0 },
  byType: { Regular: totalCustomers, Premium: 0, VIP: 0 },
  newCustomers: { last7Days: 0, last30Days: 0 },
  orders: { totalOrders: 0, totalOrderValue: 0, averageOrderValue: 0, averageCustomerValue: 0 },
  complaints: { totalComplaints: 0, openComplaints: 0, customersWithOpenComplaints: 0 },
  topCustomers: [],
  generatedAt: '2026-01-01T00:00:00.000Z',
  cached,
});

describe('When an administrator refreshes the analytics', () => {
  it('then CRMS is asked to skip its cache and the fresh figures are shown', { timeout: 30_000 }, async () => {
    const fake = fakeCrms([
      (req) =>
        req.path === '/api/customers/analytics'
          ? json(200, { success: true, message: 'ok', data: req.headers.get('Cache-Control') === 'no-cache' ? figures(7, false) : figures(5, true) })
          : undefined,
    ]);
    renderApp(fake, '/analytics');
    // the chart library loads lazily: the first render takes a while
    expect(await screen.findByText(/from the cache/, undefined, { timeout: 15_000 })).toBeTruthy();
    await userEvent.click(screen.getByRole('button', { name: 'Refresh' }));
    await waitFor(() => expect(screen.getByText(/freshly computed/)).toBeTruthy());
    expect(screen.getByRole('list', { name: 'Key figures' }).textContent).toContain('Customers7');
  });
});
