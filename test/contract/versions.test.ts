import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { startTestApp, type TestApp } from '../support/harness.js';

/** One version for the API contract, both SDK packages, the service's package and /health. */
const root = process.cwd();
const read = (...parts: string[]) => readFileSync(join(root, ...parts), 'utf8');

let t: TestApp;
beforeAll(async () => {
  t = await startTestApp();
});
afterAll(() => t.close());

describe("When the API's version is reported", () => {
  test('when the contract, the SDK packages and /health report their versions, then they all are info.version', async () => {
    const version = (JSON.parse(read('generated', 'openapi.json')) as { info: { version: string } }).info.version;
    const health = await t.http.get('/health');
    expect({
      service: (JSON.parse(read('package.json')) as { version: string }).version,
      typescriptSdk: (JSON.parse(read('generated', 'package.json')) as { version: string }).version,
      typescriptApiVersion: /API_VERSION = '([^']+)'/.exec(read('generated', 'src', 'index.ts'))?.[1],
      pythonSdk: /version="([^"]+)"/.exec(read('generated', 'python', 'setup.py'))?.[1],
      health: (health.body as { data: { version: string } }).data.version,
    }).toEqual({ service: version, typescriptSdk: version, typescriptApiVersion: version, pythonSdk: version, health: version });
  });
});
