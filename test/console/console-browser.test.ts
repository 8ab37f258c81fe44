import { readFileSync, mkdirSync, writeFileSync } from 'node:fs';
import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { createRequire } from 'node:module';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { startSiblings, type Siblings } from '../siblings/support/siblings.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, type TestApp } from '../support/harness.js';
import { adminToken, bearer, signToken, TEST_API_KEY } from '../support/tokens.js';

/**
 * The CRMS Console in Debian's Chromium (playwright-core, scripts/chromium.sh) against a live CRMS
 * with seeded customers, the sibling stubs and a stub of the Auth Service's login: one journey per
 * screen, axe-core on each (no serious or critical violation), screenshots for the README.
 * Needs `make build` (console/dist).
 */

const CHROMIUM = process.env['CRMS_CHROMIUM'] ?? '/usr/bin/chromium';
const SCREENSHOTS = join(process.cwd(), 'dist', 'screenshots');
const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const ADMIN = { email: 'admin@example.com', password: 'correct horse battery staple' };
const ADMIN_ID = 'cccccccccccccccccccccccc';

/** The Auth Service's POST /api/auth/login (openapi/clients/auth.yaml), answering the browser with CORS. */
async function startLoginStub(): Promise<{ url: string; server: Server; logins: number[] }> {
  const logins: number[] = [];
  const server = createServer((req, res) => {
    res.setHeader('Access-Control-Allow-Origin', req.headers.origin ?? '*');
    res.setHeader('Access-Control-Allow-Headers', 'Content-Type');
    res.setHeader('Access-Control-Allow-Methods', 'POST');
    if (req.method === 'OPTIONS') return void res.writeHead(204).end();
    let body = '';
    req.on('data', (chunk: Buffer) => (body += chunk.toString()));
    req.on('end', () => {
      const { email, password } = JSON.parse(body || '{}') as { email?: string; password?: string };
      res.setHeader('Content-Type', 'application/json');
      if (req.url !== '/api/auth/login' || req.method !== 'POST') return void res.writeHead(404).end('{"success":false,"message":"Route not found"}');
      if (email !== ADMIN.email || password !== ADMIN.password) {
        logins.push(401);
        return void res.writeHead(401).end(JSON.stringify({ success: false, message: 'Invalid email or password' }));
      }
      logins.push(200);
      const accessToken = signToken({ userId: ADMIN_ID, role: 'Administrator', email: ADMIN.email });
      res.writeHead(200).end(
        JSON.stringify({ success: true, message: 'Login successful', data: { accessToken, user: { _id: ADMIN_ID, email: ADMIN.email, fullName: 'Asha Admin', role: 'Administrator', isActive: true } } }),
      );
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server.address() as AddressInfo).port}`, server, logins };
}

const FIRST = ['Aarav', 'Diya', 'Ishaan', 'Meera', 'Rohan', 'Sara', 'Vikram', 'Zoya', 'Kabir', 'Anika', 'Dev', 'Nisha'];

describe('When an administrator uses the CRMS Console in a real browser', () => {
  let t: TestApp;
  let siblings: Siblings;
  let login: Awaited<ReturnType<typeof startLoginStub>>;
  let server: Server;
  let base: string;
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  const problems: string[] = [];
  const outside: string[] = [];
  const ids: string[] = [];
  const timing: Record<string, number> = {};

  beforeAll(async () => {
    siblings = await startSiblings();
    login = await startLoginStub();
    t = await startTestApp({ ...siblings.env, CONSOLE_AUTH_URL: login.url, RATE_LIMIT_MAX: '100000' });
    server = await new Promise<Server>((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    // 24 customers: names, values and statuses that the journeys filter, sort and search on
    for (let i = 0; i < 24; i++) {
      const name = `${FIRST[i % FIRST.length]} ${i === 7 ? 'Quetzal' : `Sharma${String(i).padStart(2, '0')}`}`;
      const { customerId, userId } = await createCustomer(t.http, { fullName: name, email: `c${i}@example.com`, customerSince: `2025-0${1 + (i % 9)}-15T10:00:00.000Z` });
      siblings.auth.addUser({ _id: userId, email: `c${i}@example.com`, fullName: name });
      await t.http
        .patch(`/api/customers/internal/${customerId}/statistics`)
        .set('X-Service-API-Key', TEST_API_KEY)
        .send({ totalOrders: i + 1, totalOrderValue: 1000 * (i + 1), lastOrderDate: `2026-01-${String(1 + i).padStart(2, '0')}T09:00:00.000Z` })
        .expect(200);
      ids.push(customerId);
    }
    for (const id of ids.slice(0, 3)) {
      await t.http.patch(`/api/customers/${id}/status`).set(bearer(adminToken(ADMIN_ID))).send({ status: 'Suspended', reason: 'chargeback' }).expect(200);
    }
    siblings.order.orders.push(
      { orderId: 'ORD-1001', customerId: ids[23] ?? '', orderDate: '2026-01-20T10:00:00.000Z', status: 'Delivered', totalAmount: 2499, itemCount: 2 },
      { orderId: 'ORD-1002', customerId: ids[23] ?? '', orderDate: '2026-01-24T10:00:00.000Z', status: 'Shipped', totalAmount: 999, itemCount: 1 },
    );
    siblings.complaint.complaints.push({ complaintId: 'CMP-77', customerId: ids[23] ?? '', subject: 'Late delivery', status: 'Open', createdAt: '2026-01-25T10:00:00.000Z' });
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
    });
    context = await browser.newContext({ viewport: { width: 1360, height: 900 }, acceptDownloads: true });
    page = await watch(await context.newPage(), 'main');
  }, 120_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await new Promise((resolve) => login?.server.close(resolve));
    await siblings?.close();
    await t?.close();
    mkdirSync(SCREENSHOTS, { recursive: true });
    writeFileSync(join(SCREENSHOTS, 'console-timing.json'), `${JSON.stringify(timing, null, 2)}\n`);
  });

  async function watch(p: Page, label: string): Promise<Page> {
    p.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(base) && !url.startsWith(login.url) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    p.on('console', (msg) => {
      // the answers the journeys provoke on purpose (invalid range, stale write, sibling down) are logged by Chromium as errors
      if (msg.type() === 'error' && !/status of (400|401|412|502|503)/.test(msg.text())) problems.push(`${label}: ${msg.text()}`);
    });
    p.on('pageerror', (err) => problems.push(`${label}: ${err.message}`));
    return p;
  }

  /** axe-core from the npm package (evaluated through the DevTools protocol: the page's CSP stays strict). */
  async function expectAccessible(p: Page, screen: string) {
    await p.evaluate(AXE);
    const violations = (await p.evaluate(
      `axe.run(document, { resultTypes: ['violations'] }).then((r) => r.violations.map((v) => ({ id: v.id, impact: v.impact, nodes: v.nodes.map((n) => n.target.join(' ')).slice(0, 3) })))`,
    )) as { id: string; impact: string | null; nodes: string[] }[];
    // none of any impact (minor and moderate included)
    expect({ screen, violations }).toEqual({ screen, violations: [] });
  }

  /** A screenshot from the top of the page, or with `focus` scrolled into view. */
  async function shot(p: Page, name: string, focus?: ReturnType<Page['locator']>) {
    mkdirSync(SCREENSHOTS, { recursive: true });
    if (focus) await focus.scrollIntoViewIfNeeded();
    else await p.evaluate('window.scrollTo(0, 0)');
    await p.screenshot({ path: join(SCREENSHOTS, name), fullPage: false });
  }

  const totalsShow = (p: Page, text: RegExp) => p.locator('#list-totals', { hasText: text }).waitFor();

  it('Then signing in with the Auth Service leads to the customer list, and wrong credentials are said so', async () => {
    const res = await page.goto(`${base}/console/`, { waitUntil: 'load' });
    expect(res?.status()).toBe(200);
    expect(res?.headers()['content-security-policy']).toContain("script-src 'self'");
    const nav = (await page.evaluate(
      `(() => { const e = performance.getEntriesByType('navigation')[0]; return { domContentLoadedMs: e.domContentLoadedEventEnd, loadMs: e.loadEventEnd }; })()`,
    )) as Record<string, number>;
    Object.assign(timing, nav);
    await page.getByRole('heading', { name: 'Sign in to the CRMS Console' }).waitFor();
    await expectAccessible(page, 'sign-in');
    await shot(page, 'console-sign-in.png');
    await page.getByLabel('E-mail').fill(ADMIN.email);
    await page.getByLabel('Password').fill('wrong');
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByText('Invalid email or password').waitFor();
    await page.getByLabel('Password').fill(ADMIN.password);
    await page.getByRole('button', { name: 'Sign in', exact: true }).click();
    await page.getByRole('heading', { name: 'Customers' }).waitFor();
    await totalsShow(page, /^24 customers · page 1 of 2/);
    timing['firstListMs'] = (await page.evaluate('performance.now()')) as number;
    expect(login.logins).toEqual([401, 200]);
    await expectAccessible(page, 'customers');
    await shot(page, 'console-customers.png');
  }, 60_000);

  it('Then filters, sort and keyset paging narrow and walk the list', async () => {
    await page.getByLabel('Status', { exact: true }).selectOption('Suspended');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await totalsShow(page, /^3 customers/);
    await page.getByRole('button', { name: 'Reset' }).click();
    await page.getByLabel('Order value, at least').fill('5000');
    await page.getByLabel('Sort by').selectOption('totalOrderValue');
    await page.getByLabel('Order', { exact: true }).selectOption('asc');
    await page.getByLabel('Per page').selectOption('10');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await totalsShow(page, /^20 customers · page 1 of 2/);
    const firstRow = page.locator('table.customers tbody tr').first();
    await expect(firstRow.textContent()).resolves.toContain('5,000');
    await page.getByRole('button', { name: 'Next page' }).click();
    await totalsShow(page, /page 2 of 2/);
    await expect(page.locator('table.customers tbody tr').first().textContent()).resolves.toContain('15,000');
    await expect(page.getByRole('button', { name: 'Next page' }).isDisabled()).resolves.toBe(true);
    await page.getByRole('button', { name: 'Previous page' }).click();
    await totalsShow(page, /page 1 of 2/);
    // an invalid range is answered by CRMS field by field, next to the input
    await page.getByLabel('Order value, at most').fill('10');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('#filters-maxOrderValue[aria-invalid="true"], #filters-minOrderValue[aria-invalid="true"]').first().waitFor();
    await page.getByRole('button', { name: 'Reset' }).click();
    await totalsShow(page, /^24 customers/);
  }, 60_000);

  it('Then search-as-you-type finds a customer by name, and a CSV of the current filters downloads', async () => {
    await page.getByLabel('Quick search').pressSequentially('quetz', { delay: 40 });
    const results = page.getByRole('list', { name: 'Search results' });
    await results.getByRole('link', { name: 'Zoya Quetzal' }).waitFor();
    await page.getByLabel('Quick search').fill('');
    await page.getByLabel('Status', { exact: true }).selectOption('Suspended');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await totalsShow(page, /^3 customers/);
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Export CSV (current filters)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^customers-.*\.csv$/);
    const csv = readFileSync((await download.path()) ?? '', 'utf8').trim().split('\n');
    expect(csv).toHaveLength(4);
    expect(csv.slice(1).every((line) => line.includes('Suspended'))).toBe(true);
    await page.getByRole('button', { name: 'Reset' }).click();
    await totalsShow(page, /^24 customers/);
  }, 60_000);

  it('Then selecting rows and a bulk type change shows each outcome', async () => {
    await page.getByRole('checkbox', { name: /^Select Aarav/ }).first().check();
    await page.getByRole('checkbox', { name: /^Select Diya/ }).first().check();
    await page.getByLabel('Action', { exact: true }).selectOption('setType');
    await page.getByLabel('New type').selectOption('VIP');
    await page.getByRole('button', { name: 'Apply to 2 selected' }).click();
    await page.getByText('Set type: 2 succeeded, 0 failed.').waitFor();
    await expect(page.locator('.bulk-results li.ok').count()).resolves.toBe(2);
    await page.getByRole('button', { name: 'Clear selection' }).click();
    // beyond the page: all 24 that match (page 1 shows 20), in requests of at most 100
    await page.getByRole('checkbox', { name: 'Select every customer on this page' }).check();
    await page.getByRole('button', { name: 'Select all 24 that match' }).click();
    await page.getByText('All 24 customers that match are selected.').waitFor();
    await page.getByLabel('Action', { exact: true }).selectOption('removeTags');
    await page.getByLabel('Tags (comma-separated)', { exact: true }).fill('never-used-tag');
    await page.getByRole('button', { name: 'Apply to 24 selected' }).click();
    await page.getByText('Remove tags: 24 succeeded, 0 failed.').waitFor();
    await page.getByRole('button', { name: 'Clear selection' }).click();
  }, 60_000);

  it('Then a customer opens with its histories; status, note and tags change; a 412 from a second session is recovered', async () => {
    const id = ids[23] ?? '';
    await page.getByLabel('Sort by').selectOption('totalOrderValue');
    await page.getByRole('button', { name: 'Apply filters' }).click();
    await page.locator('table.customers tbody tr').first().getByRole('link').click();
    await page.waitForURL(`${base}/console/customers/${id}`);
    await page.getByRole('list', { name: 'Orders' }).getByText('ORD-1002').waitFor();
    await page.getByRole('list', { name: 'Complaints' }).getByText('Late delivery').waitFor();

    await page.locator('#status-value').selectOption('Inactive');
    await page.locator('#status-reason').fill('customer asked to pause');
    await page.getByRole('button', { name: 'Change status' }).click();
    await page.getByText(/Status Active → Inactive\. Auth sync: (synced|pending)\./).waitFor();
    await page.getByRole('list', { name: 'Status timeline' }).getByText('customer asked to pause', { exact: false }).waitFor();

    // tags and preferences typed but not saved yet survive a note added meanwhile
    const settings = page.locator('section', { has: page.getByRole('heading', { name: 'Tags and preferences' }) });
    await page.getByLabel('Tags (comma-separated)').fill('loyal, vip-candidate');
    await page.getByLabel('Language').fill('hi');
    await page.getByLabel('Newsletter').check();
    await page.getByLabel('New note').fill('Called about the late delivery.');
    await page.getByRole('button', { name: 'Add note' }).click();
    await page.getByRole('list', { name: 'Note history' }).getByText('Called about the late delivery.').waitFor();
    await expect(page.getByLabel('Tags (comma-separated)').inputValue()).resolves.toBe('loyal, vip-candidate');
    await page.getByRole('button', { name: 'Save tags and preferences' }).click();
    await settings.getByRole('status').getByText('Saved.').waitFor();
    const stored = await t.http.get(`/api/customers/${id}`).set(bearer(adminToken(ADMIN_ID))).expect(200);
    expect(stored.body.data.tags).toEqual(['loyal', 'vip-candidate']);
    expect(stored.body.data.preferences).toMatchObject({ newsletter: true, language: 'hi' });
    expect(stored.body.data.customerStatus).toBe('Inactive');

    await page.locator('#type-value').selectOption('VIP');
    await page.locator('#type-reason').fill('top spender');
    await page.getByRole('button', { name: 'Change type' }).click();
    await page.getByText(/Type Regular → VIP\./).waitFor();
    await page.getByRole('list', { name: 'Type timeline' }).getByText('top spender', { exact: false }).waitFor();
    await expectAccessible(page, 'customer');
    await shot(page, 'console-customer.png');

    // a second administrator, signed in by pasting a token, changes the same customer
    const other = await watch(await context.browser()!.newPage({ viewport: { width: 1200, height: 900 } }), 'second');
    await other.goto(`${base}/console/customers/${id}`);
    await other.getByRole('textbox', { name: 'Access token' }).fill(adminToken('dddddddddddddddddddddddd'));
    await other.getByRole('button', { name: 'Use this token' }).click();
    await other.getByLabel('New note').fill('Second session was here.');
    await other.getByRole('button', { name: 'Add note' }).click();
    await other.getByRole('list', { name: 'Note history' }).getByText('Second session was here.').waitFor();
    await other.close();

    // the first session still holds the older ETag: its write is refused, nothing is overwritten
    await page.getByLabel('Tags (comma-separated)').fill('loyal, vip-candidate, priority');
    await page.getByRole('button', { name: 'Save tags and preferences' }).click();
    await page.getByText('Someone else changed this customer').waitFor();
    await shot(page, 'console-conflict.png', page.locator('.conflict'));
    const unchanged = await t.http.get(`/api/customers/${id}`).set(bearer(adminToken(ADMIN_ID))).expect(200);
    expect(unchanged.body.data.tags).toEqual(['loyal', 'vip-candidate']);
    await page.getByRole('button', { name: 'Reload customer' }).click();
    await page.getByRole('list', { name: 'Note history' }).getByText('Second session was here.').waitFor();
    // what was typed is still there after the reload, ready to save again
    await expect(page.getByLabel('Tags (comma-separated)').inputValue()).resolves.toBe('loyal, vip-candidate, priority');
    await page.getByRole('button', { name: 'Save tags and preferences' }).click();
    await settings.getByRole('status').getByText('Saved.').waitFor();
    const after = await t.http.get(`/api/customers/${id}`).set(bearer(adminToken(ADMIN_ID))).expect(200);
    expect(after.body.data.tags).toEqual(['loyal', 'vip-candidate', 'priority']);
    expect(after.body.data.noteHistory.map((n: { note: string }) => n.note)).toEqual(['Called about the late delivery.', 'Second session was here.']);
  }, 90_000);

  it('Then an unavailable Complaint Service is said so and Retry recovers; the GDPR export downloads', async () => {
    siblings.complaint.mode = { kind: 'status', status: 503 };
    await page.reload();
    await page.getByText(/The Complaint Service is unavailable right now/).waitFor({ timeout: 20_000 });
    siblings.complaint.mode = { kind: 'normal' };
    const complaints = page.locator('section', { has: page.getByRole('heading', { name: 'Complaints' }) });
    await complaints.getByRole('button', { name: 'Retry' }).click();
    await page.getByRole('list', { name: 'Complaints' }).getByText('Late delivery').waitFor({ timeout: 20_000 });

    const [download] = await Promise.all([page.waitForEvent('download'), page.getByRole('button', { name: 'Download GDPR export' }).click()]);
    const exported = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as { customer: { customerId: string } };
    expect(exported.customer.customerId).toBe(ids[23]);

    await page.getByRole('button', { name: 'Delete customer…' }).click();
    await page.getByRole('group', { name: 'Confirm deletion' }).waitFor();
    await page.getByRole('button', { name: 'Cancel' }).click();
    await expect(page.getByRole('group', { name: 'Confirm deletion' }).count()).resolves.toBe(0);
  }, 60_000);

  it('Then the analytics show cards and charts with their generation time and cache flag', async () => {
    await page.getByRole('link', { name: 'Analytics' }).click();
    await page.getByRole('heading', { name: 'Analytics' }).waitFor();
    await page.locator('.recharts-surface').nth(3).waitFor();
    await expect(page.locator('.recharts-surface').count()).resolves.toBe(4);
    await expect(page.locator('#analytics-generated').textContent()).resolves.toMatch(/^Generated \d{4}-\d\d-\d\d \d\d:\d\d UTC · (from the cache|freshly computed)$/);
    const cards = await page.getByRole('list', { name: 'Key figures' }).textContent();
    expect(cards).toContain('Customers24');
    await expect(page.locator('figure', { hasText: 'Customers by status' }).locator('.chart-legend').textContent()).resolves.toContain('Suspended: 3');
    await expectAccessible(page, 'analytics');
    await shot(page, 'console-analytics.png');
  }, 60_000);

  it('Then the list works at phone width', async () => {
    const phone = await watch(await context.newPage(), 'phone');
    await phone.setViewportSize({ width: 390, height: 844 });
    await phone.goto(`${base}/console/`);
    // a new tab of the same browser gets the session from the open one (BroadcastChannel): no second sign-in
    await phone.getByRole('heading', { name: 'Customers' }).waitFor();
    await totalsShow(phone, /^24 customers/);
    // the first screen shows customers (rows as cards), the filters folded into a drawer
    const firstCard = await phone.locator('table.customers tbody tr').first().boundingBox();
    expect(firstCard && firstCard.y + firstCard.height <= 844).toBe(true);
    await expect(phone.getByLabel('Order value, at least').isVisible()).resolves.toBe(false);
    const overflow = (await phone.evaluate('document.documentElement.scrollWidth - window.innerWidth')) as number;
    expect(overflow).toBeLessThanOrEqual(0);
    await expectAccessible(phone, 'customers (phone)');
    await shot(phone, 'console-phone.png');
    await phone.close();
  }, 60_000);

  it('Then a customer is erased, then deleted, and the filtered list it came from comes back without it', async () => {
    const list = `${base}/console/?sortBy=totalOrders&sortOrder=asc&limit=10`;
    await page.goto(list);
    await totalsShow(page, /^24 customers · page 1 of 3/);
    await page.getByRole('link', { name: 'Zoya Quetzal' }).click();
    await page.waitForURL(`${base}/console/customers/${ids[7]}`);
    await page.getByRole('button', { name: 'Erase personal data…' }).click();
    await page.getByLabel('Reason for the erasure').fill('GDPR request 42');
    await page.getByRole('button', { name: 'Erase Zoya Quetzal' }).click();
    await page.getByText('Saved. The personal data was erased.').waitFor();
    await page.locator('.customer-header .badge', { hasText: /^Erased/ }).waitFor();
    const erased = await t.http.get(`/api/customers/${ids[7]}`).set(bearer(adminToken(ADMIN_ID))).expect(200);
    expect(erased.body.data.fullName).not.toBe('Zoya Quetzal');
    await page.getByRole('button', { name: 'Delete customer…' }).click();
    await page.getByRole('group', { name: 'Confirm deletion' }).getByRole('button', { name: /^Delete / }).click();
    await page.waitForURL(list);
    await totalsShow(page, /^23 customers · page 1 of 3/);
    await t.http.get(`/api/customers/${ids[7]}`).set(bearer(adminToken(ADMIN_ID))).expect(404);
  }, 60_000);

  it('Then signing out forgets the token and returns to sign-in in every tab; nothing loaded from elsewhere and no page error', async () => {
    const tab = await watch(await context.newPage(), 'second tab');
    await tab.goto(`${base}/console/`);
    await tab.getByRole('heading', { name: 'Customers' }).waitFor();
    await page.getByRole('button', { name: 'Sign out' }).click();
    await page.getByRole('heading', { name: 'Sign in to the CRMS Console' }).waitFor();
    await tab.getByRole('heading', { name: 'Sign in to the CRMS Console' }).waitFor();
    await tab.close();
    await expect(page.evaluate('Object.keys(sessionStorage).length')).resolves.toBe(0);
    await page.reload();
    await page.getByRole('heading', { name: 'Sign in to the CRMS Console' }).waitFor();
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);
});
