import { mkdirSync, mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import express from 'express';
import supertest from 'supertest';
import { consoleCsp, consoleRouter } from '../../src/http/console.js';
import { startTestApp, type TestApp } from '../support/harness.js';

/** A built console in a temporary directory: index.html and one hashed asset. */
function fakeBuild(): string {
  const dir = mkdtempSync(join(tmpdir(), 'crms-console-'));
  mkdirSync(join(dir, 'assets'));
  writeFileSync(join(dir, 'index.html'), '<!doctype html><html><head><title>C</title></head><body><script type="module" src="/console/assets/index-abc123.js"></script></body></html>');
  writeFileSync(join(dir, 'assets', 'index-abc123.js'), 'console.log(1)');
  // as the build precompresses every asset (vite-plugin-compression2)
  const big = `export const rows = ${JSON.stringify(Array.from({ length: 500 }, (_, i) => ({ row: i })))};`;
  writeFileSync(join(dir, 'assets', 'big-def456.js'), big);
  writeFileSync(join(dir, 'assets', 'big-def456.js.br'), brotliCompressSync(big));
  writeFileSync(join(dir, 'assets', 'big-def456.js.gz'), gzipSync(big));
  return dir;
}

const appWith = (options: Parameters<typeof consoleRouter>[0]) => supertest(express().use('/console', consoleRouter(options)));

describe('When the console is requested from CRMS', () => {
  const dist = fakeBuild();

  it('then index.html is served for every app path, revalidated, with the Auth Service URL as a meta tag', async () => {
    const http = appWith({ distDir: dist, authUrl: 'https://auth.example.test' });
    for (const path of ['/console/', '/console/customers/65a1b2c3d4e5f6a7b8c9d0e1', '/console/analytics']) {
      const res = await http.get(path).expect(200);
      expect(res.headers['content-type']).toMatch(/^text\/html/);
      expect(res.headers['cache-control']).toBe('no-cache');
      expect(res.text).toContain('<meta name="crms-auth-url" content="https://auth.example.test">');
    }
    await http.get('/console').expect(301).expect('Location', '/console/');
  });

  it('then hashed assets are cacheable for a year and missing ones are a 404 envelope', async () => {
    const http = appWith({ distDir: dist, authUrl: undefined });
    const asset = await http.get('/console/assets/index-abc123.js').expect(200);
    expect(asset.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(asset.headers['content-type']).toMatch(/javascript/);
    const missing = await http.get('/console/assets/nope.js').expect(404);
    expect(missing.body).toMatchObject({ success: false, errors: [{ field: 'path' }] });
    await http.get('/console/assets/..%2F..%2Fpackage.json').expect((res) => expect([400, 403, 404]).toContain(res.status));
  });

  it('then assets are sent precompressed as the browser accepts (brotli first, then gzip), with Vary: Accept-Encoding', async () => {
    const http = appWith({ distDir: dist, authUrl: undefined });
    const original = (await http.get('/console/assets/big-def456.js').set('Accept-Encoding', 'identity').expect(200)).text;
    const copy = (ext: string) => statSync(join(dist, 'assets', `big-def456.js.${ext}`)).size;
    // the bytes sent are the build's copy (the client decodes them back to the original)
    const br = await http.get('/console/assets/big-def456.js').set('Accept-Encoding', 'gzip, deflate, br').expect(200);
    expect(br.headers['content-encoding']).toBe('br');
    expect(Number(br.headers['content-length'])).toBe(copy('br'));
    expect(br.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(br.headers['content-type']).toMatch(/javascript/);
    expect(br.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(br.text).toBe(original);
    const gz = await http.get('/console/assets/big-def456.js').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(Number(gz.headers['content-length'])).toBe(copy('gz'));
    expect(gz.text).toBe(original);
    const plain = await http.get('/console/assets/big-def456.js').set('Accept-Encoding', 'identity').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });

  it('then the CSP allows scripts from this origin only and API calls to this origin and the Auth Service', async () => {
    const res = await appWith({ distDir: dist, authUrl: 'https://auth.example.test/base' }).get('/console/').expect(200);
    const csp = res.headers['content-security-policy'] as string;
    expect(csp).toBe(consoleCsp('https://auth.example.test/base'));
    expect(csp).toContain("script-src 'self';");
    expect(csp).toContain("connect-src 'self' https://auth.example.test;");
    expect(csp).not.toContain('unsafe-inline');
    expect(consoleCsp(undefined)).toContain("connect-src 'self';");
  });

  it('then a missing build is reported clearly instead of crashing', async () => {
    const empty = mkdtempSync(join(tmpdir(), 'crms-console-empty-'));
    const res = await appWith({ distDir: empty, authUrl: undefined }).get('/console/').expect(503);
    expect(res.body).toMatchObject({ success: false, message: 'The CRMS Console is not built' });
    expect(res.body.errors[0].message).toContain('make build');
  });
});

describe('When a client asks for a large API answer', () => {
  let on: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    [on, off] = await Promise.all([startTestApp(), startTestApp({ COMPRESSION_ENABLED: 'false' })]);
  });
  afterAll(async () => {
    await Promise.all([on?.close(), off?.close()]);
  });

  it('then it is compressed as accepted, small answers are not, and COMPRESSION_ENABLED=false turns it off', async () => {
    // the served OpenAPI document: a large JSON answer that needs no data
    const gz = await on.http.get('/openapi.json').set('Accept-Encoding', 'gzip').expect(200);
    expect(gz.headers['content-encoding']).toBe('gzip');
    expect(gz.headers['vary']).toMatch(/Accept-Encoding/i);
    expect(gz.body.openapi).toMatch(/^3\.1/);
    const health = await on.http.get('/health').set('Accept-Encoding', 'gzip');
    expect(health.headers['content-encoding']).toBeUndefined();
    const plain = await off.http.get('/openapi.json').set('Accept-Encoding', 'gzip').expect(200);
    expect(plain.headers['content-encoding']).toBeUndefined();
  });
});

describe('When CRMS runs with CONSOLE_ENABLED=false', () => {
  let on: TestApp;
  let off: TestApp;
  beforeAll(async () => {
    [on, off] = await Promise.all([startTestApp(), startTestApp({ CONSOLE_ENABLED: 'false' })]);
  });
  afterAll(async () => {
    await Promise.all([on?.close(), off?.close()]);
  });

  it('then /console is an unknown route, while by default it is served (or said to be unbuilt)', async () => {
    const disabled = await off.http.get('/console/').expect(404);
    expect(disabled.body).toMatchObject({ success: false, message: 'Route not found' });
    const enabled = await on.http.get('/console/');
    expect([200, 503]).toContain(enabled.status);
    expect(enabled.headers['content-security-policy']).toContain("script-src 'self'");
  });
});
