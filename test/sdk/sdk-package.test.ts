import { execFile, execFileSync } from 'node:child_process';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestApp, type TestApp } from '../support/harness.js';
import { TEST_API_KEY, adminToken } from '../support/tokens.js';

const root = process.cwd();
const run = promisify(execFile);
const bin = (name: string) => join(root, 'node_modules', '.bin', name);
const npm = (args: string[], cwd: string) =>
  execFileSync('npm', [...args, '--no-audit', '--no-fund', '--loglevel=error'], { cwd, stdio: 'pipe', encoding: 'utf8' });

/** A consumer written as a frontend or sibling team would: ESM, strict TypeScript, three operations. */
const CONSUMER = `import { CrmsApiError, createCrmsClient, listAllCustomers, unwrap, type components } from '@crms/sdk';

type Customer = components['schemas']['CustomerDetail'];
// (the consumer does not depend on @types/node)
declare const process: { env: Record<string, string | undefined> };

const baseUrl = process.env['CRMS_URL'] ?? '';
const service = createCrmsClient({ baseUrl, apiKey: process.env['CRMS_API_KEY'] ?? '' });
const admin = createCrmsClient({ baseUrl, token: () => process.env['CRMS_TOKEN'] ?? '', requestId: () => 'sdk-consumer-1' });

const health = unwrap(await service.GET('/health'));
const created = unwrap(
  await service.POST('/api/customers/internal/create', {
    body: { userId: 'c0ffee00c0ffee00c0ffee00', email: 'sdk.consumer@example.com', fullName: 'Sdk Consumer' },
  }),
);
const customer: Customer = unwrap(
  await admin.GET('/api/customers/{customerId}', { params: { path: { customerId: created.data.customerId } } }),
).data;
const listed: string[] = [];
for await (const c of listAllCustomers(admin, { limit: 1 })) listed.push(c.customerId);
let notFound = 0;
try {
  unwrap(await admin.GET('/api/customers/{customerId}', { params: { path: { customerId: '0123456789abcdef01234567' } } }));
} catch (err) {
  if (err instanceof CrmsApiError) notFound = err.status;
}
console.log(JSON.stringify({ health: health.data.status, email: customer.email, listed: listed.length, notFound }));
`;

describe('When another team installs the SDK package', () => {
  let t: TestApp;
  let server: Server;
  let work: string;

  beforeAll(async () => {
    t = await startTestApp();
    server = await new Promise<Server>((resolve) => {
      const s = t.app.listen(0, '127.0.0.1', () => resolve(s));
    });
    work = mkdtempSync(join(tmpdir(), 'crms-sdk-'));
  });

  afterAll(async () => {
    await new Promise((resolve) => server?.close(resolve));
    await t?.close();
    rmSync(work, { recursive: true, force: true });
  });

  it('then the packed tarball installs, type-checks a consumer and works against a live server (ESM and CJS)', async () => {
    // npm pack runs the package's prepack build (ESM + CJS + .d.ts into generated/dist)
    const packed = npm(['pack', '--pack-destination', work, '--json'], join(root, 'generated'));
    const [info] = JSON.parse(packed) as [{ filename: string; files: { path: string }[] }];
    const files = info.files.map((f) => f.path).sort();
    expect(files).toEqual(
      expect.arrayContaining([
        'README.md',
        'dist/cjs/index.js',
        'dist/cjs/index.d.ts',
        'dist/esm/index.js',
        'dist/esm/index.d.ts',
        'openapi.json',
        'package.json',
      ]),
    );
    expect(files.some((f) => f.startsWith('src/') || f.startsWith('clients/'))).toBe(false);

    const consumer = join(work, 'consumer');
    execFileSync('mkdir', ['-p', consumer]);
    writeFileSync(
      join(consumer, 'package.json'),
      JSON.stringify({
        name: 'crms-sdk-consumer',
        private: true,
        type: 'module',
        // openapi-fetch (the peer) from this repository's node_modules: no registry needed
        dependencies: {
          '@crms/sdk': `file:${join(work, info.filename)}`,
          'openapi-fetch': `file:${join(root, 'node_modules', 'openapi-fetch')}`,
        },
      }),
    );
    npm(['install', '--offline'], consumer);
    expect(readdirSync(join(consumer, 'node_modules', '@crms', 'sdk'))).toContain('dist');

    writeFileSync(join(consumer, 'consumer.ts'), CONSUMER);
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          strict: true,
          noUncheckedIndexedAccess: true,
          lib: ['ES2022', 'DOM'],
          types: [],
          skipLibCheck: false,
          outDir: 'out',
        },
        files: ['consumer.ts'],
      }),
    );
    // a strict type-check against the installed .d.ts (a wrong path or body would fail here)
    const typeCheck = (args: string[]) => {
      try {
        execFileSync(bin('tsc'), args, { stdio: 'pipe', encoding: 'utf8' });
        return '';
      } catch (err) {
        return String((err as { stdout?: string }).stdout ?? err);
      }
    };
    expect(typeCheck(['-p', consumer])).toBe('');
    writeFileSync(
      join(consumer, 'broken.ts'),
      `import { createCrmsClient } from '@crms/sdk';\nawait createCrmsClient({ baseUrl: '' }).GET('/api/customers/{customerId}', { params: { path: { id: 'x' } } });\n`,
    );
    writeFileSync(
      join(consumer, 'tsconfig.broken.json'),
      JSON.stringify({ extends: './tsconfig.json', compilerOptions: { noEmit: true }, files: ['broken.ts'] }),
    );
    expect(typeCheck(['-p', join(consumer, 'tsconfig.broken.json')])).toMatch(/error TS\d+/);

    const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const env = { ...process.env, CRMS_URL: base, CRMS_API_KEY: TEST_API_KEY, CRMS_TOKEN: adminToken() };
    // the consumer runs in a child process while this process serves it
    const { stdout: output } = await run(process.execPath, [join(consumer, 'out', 'consumer.js')], { env, cwd: consumer });
    expect(JSON.parse(output.trim())).toEqual({ health: 'ok', email: 'sdk.consumer@example.com', listed: 1, notFound: 404 });

    // the CommonJS build loads and talks to the server too
    const cjs = `const { createCrmsClient, unwrap } = require('@crms/sdk');
createCrmsClient({ baseUrl: process.env.CRMS_URL }).GET('/health').then((r) => console.log(unwrap(r).data.status));`;
    writeFileSync(join(consumer, 'cjs-consumer.cjs'), cjs);
    const { stdout: cjsOut } = await run(process.execPath, [join(consumer, 'cjs-consumer.cjs')], { env, cwd: consumer });
    expect(cjsOut.trim()).toBe('ok');
  }, 120_000);
});
