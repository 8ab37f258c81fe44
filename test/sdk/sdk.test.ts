import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import { CrmsApiError, createCrmsClient, listAllCustomers, unwrap } from '../../generated/src/index.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, customerToken } from '../support/tokens.js';

let t: TestApp;
let server: Server;
let baseUrl: string;
beforeAll(async () => {
  t = await startTestApp();
  server = await new Promise<Server>((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  baseUrl = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

describe('When a client uses the generated SDK against a running server', () => {
  test('then a sibling service creates a record and updates statistics with the API key', async () => {
    const service = createCrmsClient({ baseUrl, apiKey: TEST_API_KEY, requestId: () => 'sdk-test-1' });
    const created = await service.POST('/api/customers/internal/create', {
      body: { userId: 'sdkuser000000000000000001', email: 'sdk.user@example.com', fullName: 'Sdk User' },
    });
    expect(created.response.status).toBe(201);
    expect(created.response.headers.get('x-request-id')).toBe('sdk-test-1');
    const customerId = unwrap(created).data.customerId;
    const updated = unwrap(
      await service.PATCH('/api/customers/internal/{customerId}/statistics', {
        params: { path: { customerId } },
        body: { increment: { totalOrders: 2, totalOrderValue: 300 } },
      }),
    );
    expect(updated.data).toMatchObject({ customerId, totalOrders: 2, totalOrderValue: 300 });
    const duplicate = await service.POST('/api/customers/internal/create', {
      body: { userId: 'sdkuser000000000000000001', email: 'sdk.user@example.com', fullName: 'Sdk User' },
    });
    expect(duplicate.error?.errors[0]?.field).toBe('userId');
    expect(() => unwrap(duplicate)).toThrow(CrmsApiError);
  });

  test('then a customer reads the profile and statistics with a customer token', async () => {
    const { userId, customerId } = await createCustomer(t.http, { fullName: 'Priya Sharma' });
    const me = createCrmsClient({ baseUrl, token: () => customerToken(userId) });
    expect(unwrap(await me.GET('/api/customers/me')).data.fullName).toBe('Priya Sharma');
    expect(unwrap(await me.GET('/api/customers/me/statistics')).data.customerId).toBe(customerId);
  });

  test('then an administrator gets typed errors, and listAllCustomers pages through with cursors', async () => {
    for (let i = 0; i < 5; i++) await createCustomer(t.http);
    const admin = createCrmsClient({ baseUrl, token: adminToken() });
    const all = [];
    for await (const customer of listAllCustomers(admin, { limit: 2 })) all.push(customer.customerId);
    expect(all.length).toBeGreaterThanOrEqual(7);
    expect(new Set(all).size).toBe(all.length);
    const missing = await admin.GET('/api/customers/{customerId}', { params: { path: { customerId: '0123456789abcdef01234567' } } });
    let thrown: unknown;
    try {
      unwrap(missing);
    } catch (err) {
      thrown = err;
    }
    expect(thrown).toBeInstanceOf(CrmsApiError);
    expect((thrown as CrmsApiError).status).toBe(404);
    expect((thrown as CrmsApiError).errors).toEqual([{ field: 'customerId', message: 'No customer exists with the provided ID' }]);
  });

  test('then liveness answers without credentials', async () => {
    const anonymous = createCrmsClient({ baseUrl });
    expect(unwrap(await anonymous.GET('/health')).data.status).toBe('ok');
  });
});
