import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { csvRecordCount } from '../src/screens/customers/ExportButton';
import { fakeCrms, json } from './fake-crms';
import { renderApp } from './render';

describe('When an administrator exports the list as CSV', () => {
  it('then the export uses the applied filters and says how many customers it saved, and where', async () => {
    URL.createObjectURL = vi.fn(() => 'blob:x');
    URL.revokeObjectURL = vi.fn();
    const csv = 'customerId,fullName,notes\na1,Asha Rao,"two\nlines"\nb2,Ravi Kumar,\n';
    const fake = fakeCrms([
      (req) =>
        req.path === '/api/customers/export.csv'
          ? new Response(csv, { status: 200, headers: { 'Content-Type': 'text/csv', 'Content-Disposition': 'attachment; filename="customers-x.csv"' } })
          : undefined,
      (req) => (req.path === '/api/customers' ? json(200, { success: true, message: 'ok', data: { customers: [], pagination: { totalItems: 0, totalPages: 0, nextCursor: null } } }) : undefined),
    ]);
    renderApp(fake, '/?status=Suspended&sortBy=totalOrders');
    await userEvent.click(await screen.findByRole('button', { name: 'Export CSV (current filters)' }));
    expect(await screen.findByText('Exported 2 customers (status Suspended) to customers-x.csv.')).toBeTruthy();
    const request = fake.seen.find((r) => r.path === '/api/customers/export.csv');
    expect(Object.fromEntries(request?.query ?? [])).toEqual({ status: 'Suspended' });
  });

  it('then a quoted line break inside a field is not counted as a customer', () => {
    expect(csvRecordCount('h\n"a\nb"\nc\n')).toBe(2);
    expect(csvRecordCount('h\n')).toBe(0);
    expect(csvRecordCount('h\nx')).toBe(1);
  });
});
