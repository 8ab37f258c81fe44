import { TestClock } from '../support/clock.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken, bearer } from '../support/tokens.js';

/** The service's one notion of now: every date it writes or answers comes from the injected clock. */
let t: TestApp;
const clock = new TestClock(new Date('2031-05-04T03:02:01.000Z'));
const admin = bearer(adminToken());
const key = { 'X-Service-API-Key': TEST_API_KEY };
beforeAll(async () => {
  t = await startTestApp({}, { clock });
});
afterAll(() => t.close());

describe('When the service runs on a clock that is not the wall clock', () => {
  test('then a new record, its edits, notes, statistics and exports carry the clock’s time', async () => {
    const created = clock.now().toISOString();
    const { customerId } = await createCustomer(t.http);
    clock.advance(60_000);
    const edited = clock.now().toISOString();

    const update = await t.http.put(`/api/customers/${customerId}`).set(admin).send({ customerType: 'Premium' });
    expect(update.status).toBe(200);
    const note = await t.http.post(`/api/customers/${customerId}/notes`).set(admin).send({ note: 'Called back' });
    expect(note.status).toBe(201);
    const statistics = await t.http.patch(`/api/internal/customers/${customerId}/statistics`).set(key).send({ complaintCount: 1 });
    expect(statistics.body.data).toMatchObject({ lastComplaintDate: edited, updatedAt: edited });

    const record = (await t.http.get(`/api/customers/${customerId}`).set(admin)).body.data;
    expect(record).toMatchObject({ createdAt: created, customerSince: created, updatedAt: edited });
    expect(record.typeHistory).toEqual([expect.objectContaining({ changedAt: edited })]);
    expect(record.noteHistory).toEqual([expect.objectContaining({ addedAt: edited })]);

    const exported = await t.http.get(`/api/customers/${customerId}/export`).set(admin);
    expect(exported.body.data.exportedAt).toBe(edited);
    const csv = await t.http.get('/api/customers/export.csv').set(admin);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="customers-20310504T030301Z.csv"');
  });
});
