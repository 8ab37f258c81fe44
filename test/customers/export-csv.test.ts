import { request as httpRequest, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { customerRecord } from '../../support/customer-records.js';
import { eventually } from '../support/eventually.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer, customerToken } from '../support/tokens.js';

/** GET /api/customers/export.csv, streamed RFC 4180 CSV (response validation is on in tests). */
let t: TestApp;
let server: Server;
let port: number;
const admin = bearer(adminToken());
const HEADER =
  'customerId,userId,email,fullName,contactNumber,customerStatus,customerType,totalOrders,totalOrderValue,totalComplaints,openComplaints,lastOrderDate,lastComplaintDate,customerSince,tags,createdAt,updatedAt,erasedAt';

beforeAll(async () => {
  t = await startTestApp();
  server = await new Promise<Server>((resolve) => {
    const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
  });
  port = (server.address() as AddressInfo).port;
});
afterAll(async () => {
  await new Promise((resolve) => server.close(resolve));
  await t.close();
});

/** A strict RFC 4180 parser (CRLF records, quoted fields with doubled quotes). */
function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let i = 0;
  let quoted = false;
  while (i < text.length) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i += 2;
        continue;
      }
      if (ch === '"') {
        quoted = false;
        i++;
        continue;
      }
      cell += ch;
      i++;
      continue;
    }
    if (ch === '"' && cell === '') {
      quoted = true;
      i++;
      continue;
    }
    if (ch === ',') {
      row.push(cell);
      cell = '';
      i++;
      continue;
    }
    if (ch === '\r' && text[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i += 2;
      continue;
    }
    if (ch === '\r' || ch === '\n' || ch === '"') throw new Error(`bare ${JSON.stringify(ch)} at ${i}`);
    cell += ch;
    i++;
  }
  if (cell !== '' || row.length > 0) throw new Error('last record not terminated by CRLF');
  return rows;
}

const csv = (query: Record<string, string | number | boolean> = {}) =>
  t.http.get('/api/customers/export.csv').query(query).set(admin).buffer(true);

describe('When an administrator exports customers as CSV (GET /api/customers/export.csv)', () => {
  test('then the file has a header row, RFC 4180 quoting, UTF-8, neutralised formula cells and one row per customer', async () => {
    const tricky = await createCustomer(t.http, {
      fullName: '=HYPERLINK("http://evil.example","Zoë \u201cclick\u201d")',
      email: 'csv.tricky@example.com',
      contactNumber: '+91 98765 43210',
    });
    await t.http
      .put(`/api/customers/${tricky.customerId}`)
      .set(admin)
      .send({ tags: ['@SUM(A1)', 'a,b', 'say "hi"', '-1+2', 'naïve'] })
      .expect(200);
    const res = await csv({ searchTerm: 'csv.tricky' });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toMatch(/^attachment; filename="customers-\d{8}T\d{6}Z\.csv"$/);
    expect(res.headers['x-request-id']).toBeDefined();
    const text = res.text;
    expect(text.startsWith(`${HEADER}\r\n`)).toBe(true);
    const rows = parseCsv(text);
    expect(rows).toHaveLength(2);
    const record = Object.fromEntries(rows[0]!.map((h, i) => [h, rows[1]![i]]));
    expect(record).toMatchObject({
      customerId: tricky.customerId,
      userId: tricky.userId,
      email: 'csv.tricky@example.com',
      fullName: `'=HYPERLINK("http://evil.example","Zoë \u201cclick\u201d")`,
      contactNumber: "'+91 98765 43210",
      customerStatus: 'Active',
      customerType: 'Regular',
      totalOrders: '0',
      totalOrderValue: '0',
      lastOrderDate: '',
      erasedAt: '',
      tags: `'@SUM(A1); a,b; say "hi"; -1+2; naïve`,
    });
    expect(new Date(record['customerSince']!).toISOString()).toBe(record['customerSince']);
    // the raw bytes: the quoted fields with doubled quotes, UTF-8 encoded
    expect(text).toContain(`"'=HYPERLINK(""http://evil.example"",""Zoë \u201cclick\u201d"")"`);
    expect(Buffer.from(text, 'utf8').includes(Buffer.from('Zoë', 'utf8'))).toBe(true);
  });

  test('then the filters of GET /api/customers apply, and no match gives the header row only', async () => {
    const tagged = await createCustomer(t.http, { fullName: 'Export Tagged' });
    await t.http
      .put(`/api/customers/${tagged.customerId}`)
      .set(admin)
      .send({ tags: ['export-only'] })
      .expect(200);
    await createCustomer(t.http, { fullName: 'Export Untagged' });
    const rows = parseCsv((await csv({ tags: 'export-only' })).text);
    expect(rows.map((r) => r[0])).toEqual(['customerId', tagged.customerId]);
    expect((await csv({ tags: 'nobody-has-this' })).text).toBe(`${HEADER}\r\n`);
  });

  test('when a filter is invalid, then the answer is a 400 JSON envelope before any CSV', async () => {
    const res = await t.http.get('/api/customers/export.csv').query({ minOrderValue: 5, maxOrderValue: 1 }).set(admin);
    expect(res.status).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    expect(res.body.errors).toEqual([{ field: 'maxOrderValue', message: 'Must not be less than minOrderValue' }]);
    expect((await t.http.get('/api/customers/export.csv').query({ page: 2 }).set(admin)).status).toBe(400);
  });

  test('then the static route is not captured by /{customerId}, and other names there are invalid ids', async () => {
    expect((await csv()).status).toBe(200);
    const json = await t.http.get('/api/customers/export.json').set(admin);
    expect(json.status).toBe(400);
    expect(json.body.errors[0].field).toBe('customerId');
  });

  test("when the token is missing or a customer's, then the request is refused as unauthenticated or forbidden", async () => {
    expect((await t.http.get('/api/customers/export.csv')).status).toBe(401);
    const { userId } = await createCustomer(t.http);
    expect((await t.http.get('/api/customers/export.csv').set(bearer(customerToken(userId)))).status).toBe(403);
  });

  test('when there are 3,000 customers, then each is exported exactly once, sent in several chunks', async () => {
    const now = new Date();
    const docs = Array.from({ length: 3000 }, (_, i) =>
      customerRecord({
        userId: `bulkcsv${String(i).padStart(6, '0')}`,
        email: `bulk.${i}@example.com`,
        fullName: `Bulk Csv ${i}`,
        totalOrders: i,
        totalOrderValue: i * 10,
        customerSince: now,
        tags: ['bulk-csv'],
        createdAt: now,
      }),
    );
    await t.database.db.collection('customers').insertMany(docs);
    const { chunks, body } = await new Promise<{ chunks: number; body: string }>((resolve, reject) => {
      const req = httpRequest({ port, path: '/api/customers/export.csv?tags=bulk-csv', headers: admin }, (res) => {
        let n = 0;
        const parts: Buffer[] = [];
        res.on('data', (c: Buffer) => {
          n++;
          parts.push(c);
        });
        res.on('end', () => resolve({ chunks: n, body: Buffer.concat(parts).toString('utf8') }));
        res.on('error', reject);
      });
      req.on('error', reject);
      req.end();
    });
    const rows = parseCsv(body);
    expect(rows).toHaveLength(3001);
    const expected = docs.map((d) => d._id.toHexString()).sort();
    expect(
      rows
        .slice(1)
        .map((r) => r[0])
        .sort(),
    ).toEqual(expected);
    expect(chunks).toBeGreaterThan(1);
  });

  test('when the client disconnects mid-export, then the service keeps working', async () => {
    await new Promise<void>((resolve, reject) => {
      const req = httpRequest({ port, path: '/api/customers/export.csv', headers: admin }, (res) => {
        res.once('data', () => {
          req.destroy();
          resolve();
        });
      });
      req.on('error', (err) => ((err as NodeJS.ErrnoException).code === 'ECONNRESET' ? resolve() : reject(err)));
      req.end();
    });
    // the server has seen the client go (the export's stream ended with the connection)
    const open = () => new Promise<number>((resolve, reject) => server.getConnections((err, n) => (err ? reject(err) : resolve(n))));
    await eventually(async () => (await open()) === 0, { what: 'the server closing the dropped export connection' });
    expect((await csv({ tags: 'bulk-csv' })).status).toBe(200);
    expect((await t.http.get('/health/ready')).status).toBe(200);
  });
});
