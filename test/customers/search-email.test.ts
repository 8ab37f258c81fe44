import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer } from '../support/tokens.js';

/** Searching while an e-mail address is typed: results never vanish on the way to the full address. */
let t: TestApp;
const admin = bearer(adminToken());

beforeAll(async () => {
  t = await startTestApp();
  await createCustomer(t.http, { fullName: 'Aarav Joshi', email: 'aarav.joshi28@yahoo.co.in' });
  await createCustomer(t.http, { fullName: 'Diya Shah', email: 'diya.shah@yahoo.co.in' });
  await createCustomer(t.http, { fullName: 'Yahya Khan', email: 'yk@example.com' });
}, 60_000);
afterAll(() => t.close());

const search = async (q: string) => {
  const res = await t.http.get('/api/customers/search').query({ q }).set(admin).expect(200);
  return (res.body.data.results as { fullName: string }[]).map((r) => r.fullName).sort();
};

describe('When an administrator searches while typing an e-mail address', () => {
  test('When the address is typed a key at a time, then every stage finds its customer', async () => {
    const address = 'joshi28@yahoo.co.in';
    for (let end = 'joshi'.length; end <= address.length; end += 1) {
      const q = address.slice(0, end);
      expect([q, await search(q)]).toEqual([q, ['Aarav Joshi']]);
    }
  });

  test('When only the domain is typed with its @, then every customer of that domain is found', async () => {
    expect(await search('@yahoo.co.in')).toEqual(['Aarav Joshi', 'Diya Shah']);
    expect(await search('@yahoo')).toEqual(['Aarav Joshi', 'Diya Shah']);
    expect(await search('yahoo.co.in')).toEqual(['Aarav Joshi', 'Diya Shah']);
  });

  test('When the whole address is typed, in any case, then exactly its customer is found', async () => {
    expect(await search('aarav.joshi28@yahoo.co.in')).toEqual(['Aarav Joshi']);
    expect(await search('AARAV.JOSHI28@YAHOO.CO.IN')).toEqual(['Aarav Joshi']);
    expect(await search('aarav.joshi28@')).toEqual(['Aarav Joshi']);
  });

  test('When the part after the @ is not the domain, then nothing is found', async () => {
    expect(await search('joshi28@example.com')).toEqual([]);
  });

  test('When only an @ is typed, then the search is refused as having nothing to match', async () => {
    const res = await t.http.get('/api/customers/search').query({ q: '@' }).set(admin);
    expect(res.status).toBe(400);
  });

  test('When the list is filtered by a half-typed address, then it finds its customer', async () => {
    for (const searchTerm of ['joshi28@', '@yahoo.co.in', 'joshi28@yahoo.co']) {
      const res = await t.http.get('/api/customers').query({ searchTerm }).set(admin).expect(200);
      const found = (res.body.data.customers as { fullName: string }[]).map((c) => c.fullName).sort();
      expect([searchTerm, found]).toEqual([searchTerm, searchTerm.startsWith('@') ? ['Aarav Joshi', 'Diya Shah'] : ['Aarav Joshi']]);
    }
  });
});
