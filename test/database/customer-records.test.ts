import { ObjectId } from 'mongodb';
import type { CustomerDocument } from '../../src/data/customer-document.js';
import { customerRecord } from '../../support/customer-records.js';
import { createCustomer, type SeedInput } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';

/** The records tests and bench/ insert with the driver are the records CRMS itself writes. */
let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

const stored = (id: string) => t.database.db.collection<CustomerDocument>('customers').findOne({ _id: new ObjectId(id) });

describe('When tests and benchmarks build stored records with customerRecord (support/customer-records.ts)', () => {
  test.each<[string, SeedInput]>([
    ['without a phone', {}],
    ['with a phone and a customerSince', { contactNumber: '+91 98765 43210', customerSince: '2024-02-29T10:00:00.000Z' }],
  ])(
    'when a customer is created through the API %s, then the stored record is the one the builder makes from the same input',
    async (_label, input) => {
      const { customerId, userId } = await createCustomer(t.http, {
        fullName: 'Asha Builder',
        email: 'asha.builder@example.com',
        ...input,
      });
      const doc = (await stored(customerId))!;
      expect(doc).toEqual(
        customerRecord({
          _id: doc._id,
          userId,
          email: 'asha.builder@example.com',
          fullName: 'Asha Builder',
          contactNumber: input.contactNumber,
          customerSince: input.customerSince ? new Date(input.customerSince) : doc.createdAt,
          createdAt: doc.createdAt,
        }),
      );
    },
  );

  test('when a record is built with overrides and inserted, then the API serves it like one it created', async () => {
    const record = customerRecord({
      fullName: 'Ravi Inserted',
      email: 'ravi.inserted@example.com',
      customerType: 'VIP',
      totalOrders: 3,
      totalOrderValue: 450.5,
    });
    await t.database.db.collection<CustomerDocument>('customers').insertOne(record);
    const found = await t.http.get('/api/customers').query({ searchTerm: 'ravi.inserted' }).set(bearer(adminToken()));
    expect(found.status).toBe(200);
    expect(found.body.data.customers).toEqual([
      expect.objectContaining({
        customerId: record._id.toHexString(),
        fullName: 'Ravi Inserted',
        customerType: 'VIP',
        totalOrders: 3,
        totalOrderValue: 450.5,
      }),
    ]);
  });
});
