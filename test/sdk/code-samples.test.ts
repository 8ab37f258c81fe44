import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';

/**
 * The TypeScript calls shown in the reference (`x-codeSamples` of generated/openapi.json) compile against
 * `@crms/sdk`: every sample is written into a scratch module and type-checked with tsc (strict). What a sample
 * leaves to the reader (`customerId`, `body`, `accessToken`, ...) is declared with the operation's own types.
 * (The Python samples are checked by test/python/test_code_samples.py.)
 */
const root = process.cwd();

type Parameter = { name: string; in: string; $ref?: string };
type Operation = {
  operationId?: string;
  parameters?: Parameter[];
  requestBody?: unknown;
  responses?: Record<string, { $ref?: string; content?: Record<string, unknown> }>;
  'x-codeSamples'?: { lang: string; source: string }[];
};
type Spec = {
  paths: Record<string, Record<string, Operation> & { parameters?: Parameter[] }>;
  components: Record<string, Record<string, unknown>>;
};
const spec = JSON.parse(readFileSync(join(root, 'generated', 'openapi.json'), 'utf8')) as Spec;
const resolve = <T extends { $ref?: string }>(p: T): T =>
  p.$ref
    ? (p.$ref
        .split('/')
        .slice(1)
        .reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], spec) as T)
    : p;

const operations = Object.entries(spec.paths).flatMap(([path, item]) =>
  Object.entries(item)
    .filter((entry): entry is [string, Operation] => typeof entry[1] === 'object' && 'operationId' in entry[1])
    .map(([method, op]) => ({
      path,
      method,
      op,
      params: [...(item.parameters ?? []), ...(op.parameters ?? [])].map(resolve),
      sample: op['x-codeSamples']?.find((s) => s.lang === 'TypeScript')?.source ?? '',
    })),
);

/** `Idempotency-Key` → `idempotencyKey`, as a sample names a variable for a parameter. */
const variable = (name: string) =>
  /^[A-Za-z_$][\w$]*$/.test(name)
    ? name
    : name
        .split(/[^A-Za-z0-9]+/)
        .filter(Boolean)
        .map((w, i) => (i === 0 ? w.toLowerCase() : w[0]!.toUpperCase() + w.slice(1).toLowerCase()))
        .join('');

/** What the reader provides, typed from the operation: each parameter, the request body, the access token. */
function declarations({ path, method, op, params }: (typeof operations)[number]): string {
  const operation = `paths['${path}']['${method}']`;
  const lines = [`declare const accessToken: string;`];
  for (const p of params) {
    lines.push(`declare const ${variable(p.name)}: NonNullable<NonNullable<${operation}['parameters']['${p.in}']>['${p.name}']>;`);
  }
  if (op.requestBody !== undefined) {
    lines.push(`declare const body: NonNullable<${operation}['requestBody']>['content']['application/json'];`);
  }
  return lines.join('\n');
}

/** The sample as a module: its imports, what the reader provides, then its code. */
function moduleOf(sample: string, declared: string): string {
  const lines = sample.split('\n');
  const imports = lines.filter((l) => l.startsWith('import '));
  return [...imports, "import type { paths } from '@crms/sdk';", declared, ...lines.filter((l) => !l.startsWith('import ')), ''].join('\n');
}

describe('When the reference shows an operation’s TypeScript call', () => {
  let work: string;
  let errors: Map<string, string[]>;
  let output: string;

  beforeAll(async () => {
    work = mkdtempSync(join(tmpdir(), 'crms-samples-'));
    writeFileSync(join(work, 'package.json'), JSON.stringify({ type: 'module' }));
    const files = operations.map(({ op }) => `${op.operationId!}.ts`);
    operations.forEach((o, i) => writeFileSync(join(work, files[i]!), moduleOf(o.sample, declarations(o))));
    // a sample with a misnamed path parameter, to show that the check can fail
    const [broken] = operations.filter((o) => o.path === '/api/customers/{customerId}' && o.method === 'get');
    writeFileSync(
      join(work, 'broken.ts'),
      moduleOf(broken!.sample.replace('path: { customerId }', 'path: { id: customerId }'), declarations(broken!)),
    );
    writeFileSync(
      join(work, 'tsconfig.json'),
      JSON.stringify({
        compilerOptions: {
          target: 'ES2022',
          module: 'NodeNext',
          moduleResolution: 'NodeNext',
          lib: ['ES2023', 'DOM'],
          strict: true,
          noUncheckedIndexedAccess: true,
          noEmit: true,
          skipLibCheck: true,
          // `process.env` (a Node consumer's key) from the repository's @types/node
          typeRoots: [join(root, 'node_modules', '@types')],
          types: ['node'],
          // the SDK as its package exports it: generated/src/index.ts is what `npm pack` compiles
          paths: { '@crms/sdk': [join(root, 'generated', 'src', 'index.ts')] },
        },
        files: [...files, 'broken.ts'],
      }),
    );
    output = await new Promise<string>((done) => {
      execFile(join(root, 'node_modules', '.bin', 'tsc'), ['-p', work, '--pretty', 'false'], { cwd: work }, (_error, stdout) =>
        done(stdout),
      );
    });
    errors = new Map();
    for (const line of output.split('\n').filter((l) => /error TS\d+/.test(l))) {
      const file = line.slice(0, line.indexOf('('));
      const name = file.slice(file.lastIndexOf('/') + 1);
      errors.set(name, [...(errors.get(name) ?? []), line]);
    }
  }, 120_000);

  afterAll(() => rmSync(work, { recursive: true, force: true }));

  it('then every operation has one', () => {
    expect(operations.length).toBeGreaterThan(0);
    expect(operations.filter((o) => !o.sample.includes("from '@crms/sdk'")).map((o) => o.op.operationId)).toEqual([]);
  });

  it.each(operations.map((o) => [o.op.operationId!, o] as const))('then the call of %s type-checks against @crms/sdk', (id) => {
    expect(errors.get(`${id}.ts`) ?? []).toEqual([]);
  });

  it('then a sample with a misnamed parameter is refused by the check, and nothing else is', () => {
    expect((errors.get('broken.ts') ?? []).join('\n')).toMatch(/broken\.ts\(\d+,\d+\): error TS2353: .*'id' does not exist/);
    expect(output.split('\n').filter((l) => l.trim() && !l.startsWith('broken.ts') && !l.startsWith(' '))).toEqual([]);
  });

  it('then a call whose answer is not JSON reads it as text', () => {
    const textual = operations.filter(({ op }) =>
      Object.entries(op.responses ?? {})
        .filter(([code]) => code.startsWith('2'))
        .every(([, r]) => !Object.keys(resolve(r).content ?? {}).some((t) => t.includes('json'))),
    );
    expect(textual.map((o) => o.op.operationId)).toContain('exportCustomersCsv');
    for (const o of textual) expect(`${o.op.operationId!}: ${o.sample}`).toMatch(/parseAs: 'text'/);
  });
});
