import { execFile } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/**
 * The breaking-change gate of `make lint` (scripts/contract-gate.mjs, oasdiff) on scratch copies of the contract:
 * what would break a consumer of the released version is refused, with a message naming it; what only adds passes.
 */
const root = process.cwd();
type Spec = {
  info: { version: string };
  paths: Record<string, Record<string, { parameters?: unknown[] }>>;
  components: { schemas: Record<string, { properties: Record<string, unknown>; required?: string[]; enum?: string[] }> };
};
const contract = () => JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as Spec;

let work: string;
beforeAll(() => {
  work = mkdtempSync(join(tmpdir(), 'crms-gate-'));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

function gate(spec: Spec): Promise<{ code: number; output: string }> {
  const file = join(work, `contract-${Math.random().toString(36).slice(2)}.json`);
  writeFileSync(file, JSON.stringify(spec));
  return new Promise((resolve) => {
    execFile('node', ['scripts/contract-gate.mjs', '--revision', file], { cwd: root }, (error, stdout, stderr) => {
      resolve({ code: error ? Number(error.code ?? 1) : 0, output: `${stdout}${stderr}` });
    });
  });
}

function withoutProfileTags(): Spec {
  const spec = contract();
  const profile = spec.components.schemas['CustomerProfile']!;
  delete profile.properties['tags'];
  profile.required = profile.required?.filter((name) => name !== 'tags');
  return spec;
}

describe('When the breaking-change gate compares the contract with the released one', () => {
  test('when the contract is the released one, then it passes', async () => {
    expect(await gate(contract())).toMatchObject({ code: 0 });
  });

  test('when a response field is removed, then it is refused with the field and the operations named', async () => {
    const { code, output } = await gate(withoutProfileTags());
    expect(code).toBe(1);
    expect(output).toMatch(/BREAKING GET \/api\/customers\/me \(getMyProfile\): removed the required property `data\/tags`/);
    expect(output).toMatch(/raise info\.version's major/);
  });

  test('when a required query parameter is added, then it is refused with the parameter named', async () => {
    const spec = contract();
    const search = spec.paths['/api/customers/search']!['get']!;
    search.parameters = [...(search.parameters ?? []), { name: 'region', in: 'query', required: true, schema: { type: 'string' } }];
    const { code, output } = await gate(spec);
    expect(code).toBe(1);
    expect(output).toMatch(/BREAKING GET \/api\/customers\/search \(searchCustomers\):.*`region`/);
  });

  // an older consumer may switch over every value it knows (the Python SDK parses an unknown one, see docs/sdk.md)
  test('when an enum value is added to a response, then it is refused with the operations and fields named', async () => {
    const spec = contract();
    spec.components.schemas['CustomerStatus']!.enum!.push('Archived');
    const { code, output } = await gate(spec);
    expect(code).toBe(1);
    expect(output).toMatch(
      /BREAKING GET \/api\/customers\/internal\/user\/\{userId\} \(getCustomerByUserId\): added the new `Archived` enum value to the `data\/customerStatus` response property/,
    );
    // the same value in a request (a filter, a status to set) only adds
    expect(output).toMatch(
      /info: PATCH \/api\/customers\/\{customerId\}\/status \(updateCustomerStatus\): added the new `Archived` enum value to the request property `status`/,
    );
  });

  test('when an optional response field is added, then it passes and the addition is listed', async () => {
    const spec = contract();
    spec.components.schemas['CustomerProfile']!.properties['nickname'] = {
      type: 'string',
      description: 'What the customer likes to be called.',
    };
    const { code, output } = await gate(spec);
    expect(code).toBe(0);
    expect(output).toMatch(/info: GET \/api\/customers\/me \(getMyProfile\): added the optional property `data\/nickname`/);
  });

  test('when the contract has changed and keeps the released version, then it passes with a note to raise it', async () => {
    const released = readdirSync(join(root, 'openapi', 'released'))
      .map((f) => f.replace(/\.json$/, ''))
      .sort((a, b) => a.localeCompare(b, 'en', { numeric: true }))
      .at(-1)!;
    const spec = contract();
    spec.info.version = released;
    spec.components.schemas['CustomerProfile']!.properties['nickname'] = { type: 'string', description: 'A nickname.' };
    const { code, output } = await gate(spec);
    expect(code).toBe(0);
    expect(output).toContain(`the contract has changed since ${released} was released: raise info.version before releasing it`);
  });

  test("when a field is removed and info.version's major is raised, then it passes as a new major version", async () => {
    const spec = withoutProfileTags();
    spec.info.version = '2.0.0';
    const { code, output } = await gate(spec);
    expect(code).toBe(0);
    expect(output).toMatch(/breaking: GET \/api\/customers\/me/);
  });
});
