import { mkdirSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { chromium, type Browser, type Page } from 'playwright-core';
import { developmentToken } from '../../src/cli/token.js';
import { loadApiSpec } from '../../src/http/spec.js';
import { createCustomer } from '../support/fixtures.js';
import { startTestApp, testEnv, type TestApp } from '../support/harness.js';

const CHROMIUM = process.env['CRMS_CHROMIUM'] ?? '/usr/bin/chromium';
/** Test artifacts (gitignored); docs/screenshots/ holds the copies the README shows. */
const SCREENSHOTS = join(process.cwd(), 'dist', 'screenshots');

interface SpecOperation {
  operationId: string;
  summary: string;
}

function specOperations(): SpecOperation[] {
  const spec = loadApiSpec() as unknown as { paths: Record<string, Record<string, { operationId?: string; summary?: string }>> };
  return Object.values(spec.paths).flatMap((item) =>
    Object.values(item)
      .filter((op) => typeof op === 'object' && op.operationId)
      .map((op) => ({ operationId: op.operationId ?? '', summary: op.summary ?? '' })),
  );
}

describe('When the API reference is opened in a real browser', () => {
  let t: TestApp;
  let server: Server;
  let base: string;
  let browser: Browser;
  const outside: string[] = [];
  const problems: string[] = [];

  /** The service runs as `make run` runs it: development, with the development JWT secret. */
  const development = { ENVIRONMENT: 'development', JWT_SECRET: '' };

  beforeAll(async () => {
    t = await startTestApp(development);
    server = await new Promise<Server>((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    browser = await chromium.launch({
      executablePath: CHROMIUM,
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
  }, 60_000);

  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
  });

  async function open(path: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
    page.on('request', (req) => {
      const url = req.url();
      if (!url.startsWith(base) && !url.startsWith('data:') && !url.startsWith('blob:')) outside.push(url);
    });
    page.on('console', (msg) => {
      if (msg.type() === 'error') problems.push(`${path}: ${msg.text()}`);
    });
    page.on('pageerror', (err) => problems.push(`${path}: ${err.message}`));
    const res = await page.goto(`${base}${path}`, { waitUntil: 'networkidle' });
    expect(res?.status()).toBe(200);
    return page;
  }

  it('then Swagger UI lists every operation of the spec, with nothing loaded from elsewhere', async () => {
    const page = await open('/docs');
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    // expand every tag so that each operation is rendered
    const ids = await page.$$eval('.opblock', (blocks) => blocks.map((b) => b.getAttribute('id') ?? ''));
    const text = await page.innerText('#swagger-ui');
    for (const op of specOperations()) {
      expect(ids.some((id) => id.endsWith(`-${op.operationId}`)) || text.includes(op.summary)).toBe(true);
      expect(text).toContain(op.summary);
    }
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.locator('.opblock-tag-section').first().scrollIntoViewIfNeeded();
    await page.screenshot({ path: join(SCREENSHOTS, 'swagger-ui.png') });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('then ReDoc lists every operation of the spec, with nothing loaded from elsewhere', async () => {
    const page = await open('/redoc');
    await page.waitForSelector('[role="menuitem"], .menu-content li', { timeout: 20_000 });
    // collapsed tags keep their operations in the DOM, hidden: read the text content
    const menu = await page.$eval('.menu-content', (el) => el.textContent ?? '');
    for (const op of specOperations()) expect(menu).toContain(op.summary);
    for (const op of specOperations()) expect(await page.$(`[id$="/${op.operationId}"]`)).not.toBeNull();
    mkdirSync(SCREENSHOTS, { recursive: true });
    await page.screenshot({ path: join(SCREENSHOTS, 'redoc.png') });
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 60_000);

  it('then "Authorize" with a `crms token` and "Try it out" call this very server, and the authorisation survives a reload', async () => {
    const { customerId } = await createCustomer(t.http, { fullName: 'Swagger Trial', email: 'swagger.trial@example.com' });
    const token = developmentToken(testEnv(development), { role: 'Administrator' });
    const page = await open('/docs');
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    // the server the calls go to is the page's own origin, not the spec's http://localhost:8001
    expect(await page.$eval('.servers select', (el) => (el as unknown as { value: string }).value)).toBe(base);

    await page.click('button.authorize');
    const bearer = page.locator('.modal-ux .auth-container', { hasText: 'bearerAuth' });
    await bearer.locator('input').fill(token);
    await bearer.locator('button.authorize').click();
    await bearer.locator('h6', { hasText: 'Authorized' }).waitFor();
    await page.locator('.modal-ux button.btn-done').first().click();

    const execute = async () => {
      const operation = page.locator('#operations-Admin-getCustomer');
      // the reload keeps the deep link (#/Admin/getCustomer): the operation may be open already
      const summary = operation.locator('.opblock-summary-control');
      if ((await summary.getAttribute('aria-expanded')) !== 'true') await summary.click();
      await operation.locator('.try-out__btn').click();
      await operation.locator('tr[data-param-name="customerId"] input').fill(customerId);
      await operation.locator('button.execute').click();
      const status = operation.locator('.live-responses-table tr.response .response-col_status').first();
      await status.waitFor({ timeout: 20_000 });
      return {
        status: (await status.innerText()).trim(),
        url: (await operation.locator('.request-url pre').innerText()).trim(),
        body: await operation.locator('.live-responses-table tr.response .response-col_description pre').first().innerText(),
      };
    };
    const first = await execute();
    expect(first.status).toBe('200');
    expect(first.url).toBe(`${base}/api/customers/${customerId}`);
    expect(first.body).toContain('Swagger Trial');

    // a reload keeps the authorisation: the same call succeeds without authorising again
    await page.reload({ waitUntil: 'networkidle' });
    await page.waitForSelector('.opblock', { timeout: 20_000 });
    expect(await page.$('button.authorize.locked')).not.toBeNull();
    const again = await execute();
    expect(again.status).toBe('200');
    expect(again.body).toContain('Swagger Trial');
    expect(outside).toEqual([]);
    expect(problems).toEqual([]);
  }, 90_000);

  it.each([
    ['production', { ENVIRONMENT: 'production' }, false],
    ['production with DOCS_TRY_IT_OUT=true', { ENVIRONMENT: 'production', DOCS_TRY_IT_OUT: 'true' }, true],
  ])(
    'then in %s Swagger UI offers "Try it out" only when the setting turns it on',
    async (_name, env, offered) => {
      const other = await startTestApp(env);
      const otherServer = await new Promise<Server>((resolve) => {
        const s = other.app.listen(0, '127.0.0.1', () => resolve(s));
      });
      try {
        const otherBase = `http://127.0.0.1:${(otherServer.address() as AddressInfo).port}`;
        const page = await browser.newPage({ viewport: { width: 1400, height: 900 } });
        await page.goto(`${otherBase}/docs#/Admin/getCustomer`, { waitUntil: 'networkidle' });
        const operation = page.locator('#operations-Admin-getCustomer');
        await operation.locator('.opblock-body').waitFor({ timeout: 20_000 });
        // the operation is open (deep link); its parameters are rendered either way
        await operation.locator('tr[data-param-name="customerId"]').waitFor();
        expect(await operation.locator('.try-out__btn').count()).toBe(offered ? 1 : 0);
        await page.close();
      } finally {
        await new Promise((resolve) => otherServer.close(resolve));
        await other.close();
      }
    },
    60_000,
  );

  it('then the pages and the spec documents are served with their own content types and a self-only CSP', async () => {
    const docs = await t.http.get('/docs').expect(200);
    expect(docs.headers['content-type']).toMatch(/^text\/html/);
    expect(docs.headers['content-security-policy']).toContain("script-src 'self'");
    expect(docs.headers['content-security-policy']).not.toMatch(/https?:/);
    const json = await t.http.get('/openapi.json').expect(200);
    expect(json.body.openapi).toBe('3.1.0');
    const yaml = await t.http.get('/openapi.yaml').expect(200);
    expect(yaml.headers['content-type']).toMatch(/^application\/yaml/);
    expect(yaml.text).toMatch(/^openapi: 3\.1\.0/m);
    const asset = await t.http.get('/docs/assets/swagger-ui-bundle.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=86400');
    await t.http
      .get('/docs/assets/swagger-ui-bundle.js')
      .set('If-None-Match', asset.headers['etag'] as string)
      .expect(304);
    const missing = await t.http.get('/docs/assets/nope.js').expect(404);
    expect(missing.body).toMatchObject({ success: false, errors: [{ field: 'asset' }] });
    await t.http.get('/docs/assets/..%2Fpackage.json').expect(400);
  });
});
