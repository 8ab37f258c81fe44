import { execFile } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * The generator (scripts/generate.mjs --spec FILE --out DIR) on scratch copies of the contract: a contract with
 * top-level `webhooks` (events CRMS sends) generates both SDKs with the payload typed; an inline payload, which the
 * Python SDK could not type, is refused with the webhook named.
 */
const root = process.cwd();
const venvPython = join(root, '.local', 'venv', 'bin', 'python');

type Spec = { webhooks?: Record<string, unknown>; components: { schemas: Record<string, unknown> }; paths: object };
const contract = () => JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as Spec;

const EVENT = {
  title: 'CustomerStatusChangedEvent',
  description: 'A customer’s status changed.',
  type: 'object',
  required: ['customerId', 'customerStatus'],
  properties: { customerId: { type: 'string' }, customerStatus: { $ref: '#/components/schemas/CustomerStatus' } },
};
const webhook = (schema: unknown) => ({
  customerStatusChanged: {
    post: {
      operationId: 'customerStatusChanged',
      summary: 'A customer’s status changed',
      description: 'Sent to a subscriber when a customer’s status changes.',
      tags: ['internal'],
      requestBody: { required: true, content: { 'application/json': { schema } } },
      responses: { '204': { description: 'Received.' } },
    },
  },
});

function run(command: string, args: string[], cwd = root): Promise<{ code: number; output: string }> {
  return new Promise((resolve) => {
    execFile(command, args, { cwd, maxBuffer: 16 * 1024 * 1024, timeout: 240_000 }, (error, stdout, stderr) => {
      resolve({ code: error ? (typeof error.code === 'number' ? error.code : 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

let work: string;
beforeAll(() => {
  // inside the repository, so the generated SDK resolves openapi-fetch from node_modules
  mkdirSync(join(root, '.local'), { recursive: true });
  work = mkdtempSync(join(root, '.local', 'generate-test-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function generate(spec: Spec, name: string): Promise<{ code: number; output: string; out: string }> {
  const file = join(work, `${name}.json`);
  const out = join(work, name);
  writeFileSync(file, JSON.stringify(spec));
  return run(process.execPath, ['scripts/generate.mjs', '--spec', file, '--out', out]).then((r) => ({ ...r, out }));
}

describe('When the contract has webhooks (events CRMS sends)', () => {
  let generated: { code: number; output: string; out: string };

  beforeAll(async () => {
    const spec = contract();
    spec.components.schemas['CustomerStatusChangedEvent'] = EVENT;
    spec.webhooks = webhook({ $ref: '#/components/schemas/CustomerStatusChangedEvent' });
    generated = await generate(spec, 'webhooks');
  }, 300_000);

  it('then both SDKs are generated and the bundled contract keeps the webhook', () => {
    expect(generated).toMatchObject({ code: 0 });
    const bundled = JSON.parse(readFileSync(join(generated.out, 'openapi.json'), 'utf8')) as Spec;
    expect(Object.keys(bundled.webhooks ?? {})).toEqual(['customerStatusChanged']);
  });

  it('then a TypeScript receiver types the payload with WebhookPayload', async () => {
    const consumer = join(generated.out, 'consumer');
    mkdirSync(consumer);
    writeFileSync(join(consumer, 'package.json'), JSON.stringify({ type: 'module' }));
    writeFileSync(
      join(consumer, 'receiver.ts'),
      [
        "import type { WebhookPayload } from '../src/index.js';",
        "export const receive = (event: WebhookPayload<'customerStatusChanged'>): string => `${event.customerId} ${event.customerStatus}`;",
        '// @ts-expect-error a status outside CustomerStatus is not a payload',
        "export const wrong: WebhookPayload<'customerStatusChanged'> = { customerId: 'c', customerStatus: 'Archived' };",
        '',
      ].join('\n'),
    );
    writeFileSync(
      join(consumer, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          strict: true,
          noEmit: true,
          skipLibCheck: true,
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          types: [],
        },
        files: ['receiver.ts'],
      }),
    );
    const { code, output } = await run(join(root, 'node_modules', '.bin', 'tsc'), ['-p', consumer, '--pretty', 'false']);
    expect(output).toBe('');
    expect(code).toBe(0);
  });

  it('then the Python SDK has a model of the payload that parses an event', async () => {
    const script = [
      'import sys',
      `sys.path.insert(0, ${JSON.stringify(join(generated.out, 'python'))})`,
      'from crms_sdk.models import CustomerStatusChangedEvent, CustomerStatus',
      "event = CustomerStatusChangedEvent.from_dict({'customerId': 'c1', 'customerStatus': 'Suspended'})",
      'print(event.customer_id, event.customer_status is CustomerStatus.SUSPENDED)',
    ].join('\n');
    const { code, output } = await run(venvPython, ['-B', '-c', script]);
    expect(output.trim()).toBe('c1 True');
    expect(code).toBe(0);
  });
});

describe('When a webhook’s payload is an inline schema', () => {
  it('then the generator refuses it, naming the webhook (the Python SDK would have no type for it)', async () => {
    const spec = contract();
    spec.webhooks = webhook(EVENT);
    const { code, output } = await generate(spec, 'inline');
    expect(code).toBe(1);
    expect(output).toMatch(/webhook customerStatusChanged \(post application\/json\): its payload must be a \$ref/);
  }, 120_000);
});
