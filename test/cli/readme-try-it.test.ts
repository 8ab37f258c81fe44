import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { MongoClient } from 'mongodb';
import { Unreachable, eventually } from '../support/eventually.js';
import { testEnv } from '../support/harness.js';

const ROOT = process.cwd();
const PATH = `${join(ROOT, 'node_modules', '.bin')}:${process.env['PATH'] ?? ''}`;

/** The fenced blocks of the README's "Try it" section, in order, with their language. */
function tryItBlocks(): Array<{ lang: string; text: string }> {
  const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
  const start = readme.indexOf('\n## Try it\n');
  expect(start).toBeGreaterThan(0);
  const end = readme.indexOf('\n## ', start + 5);
  const section = readme.slice(start, end === -1 ? undefined : end);
  return [...section.matchAll(/```(\w+)\n([\s\S]*?)```/g)].map((m) => ({ lang: m[1] ?? '', text: m[2] ?? '' }));
}

/** Runs `command` in bash from the repository root; resolves with its exit code and output. */
function bash(script: string, env: Record<string, string>): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn('bash', ['-c', script], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => (stdout += c.toString()));
    child.stderr.on('data', (c: Buffer) => (stderr += c.toString()));
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** The port of CRMS's "CRMS listening on port N" log line (JSON, with the bound address), if `line` is it. */
function listeningPortIn(line: string): number | undefined {
  try {
    const entry = JSON.parse(line) as { msg?: unknown; address?: { port?: unknown } };
    const port = entry.address?.port;
    return typeof entry.msg === 'string' && entry.msg.startsWith('CRMS listening') && typeof port === 'number' ? port : undefined;
  } catch {
    return undefined; // make's own lines, or not JSON
  }
}

describe('When a new user follows the README\'s "Try it" section', () => {
  const blocks = tryItBlocks();
  const commands =
    blocks
      .find((b) => b.lang === 'sh')
      ?.text.trim()
      .split('\n') ?? [];
  const sdk = blocks.find((b) => b.lang === 'ts')?.text ?? '';
  const python = blocks.find((b) => b.lang === 'python')?.text ?? '';
  const printed = blocks.filter((b) => b.lang === 'text').map((b) => b.text);
  const dbName = String(testEnv()['MONGODB_DB_NAME']);
  const uri = `${String(testEnv()['MONGODB_URI']).replace(/\/?$/, '/')}${dbName}`;
  let env: Record<string, string>;
  let port: number;
  let service: ChildProcess | undefined;
  let serviceOutput = '';
  let workDir: string;

  beforeAll(async () => {
    workDir = mkdtempSync(join(tmpdir(), 'crms-readme-'));
    // the reader's shell, except for the database (a fresh one of this test) and the port: PORT=0
    // lets the service bind a port of its own, which it states in its "listening" log line; a port
    // picked here and handed over could be taken by another process before the service binds it
    env = { PATH, HOME: process.env['HOME'] ?? workDir, MONGODB_URI: uri, PORT: '0', HOST: '127.0.0.1', LOG_FORMAT: 'json' };
    expect(commands[0]).toMatch(/^make run\b/);
    service = spawn('bash', ['-c', commands[0] ?? ''], { cwd: ROOT, env, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let listening: number | undefined;
    // the log arrives in chunks that may end inside a line: keep the rest for the next one
    let partial = '';
    service.stdout?.on('data', (c: Buffer) => {
      const lines = (partial + c.toString()).split('\n');
      partial = lines.pop() ?? '';
      for (const line of lines) listening ??= listeningPortIn(line);
      serviceOutput = (serviceOutput + c.toString()).slice(-20_000);
    });
    service.stderr?.on('data', (c: Buffer) => (serviceOutput = (serviceOutput + c.toString()).slice(-20_000)));
    port = await eventually(
      () => {
        if (service?.exitCode !== null) throw new Unreachable(`make run exited: ${serviceOutput}`);
        return listening;
      },
      { timeout: 120_000, interval: 200, what: 'make run logging the port it listens on' },
    );
    await eventually(
      async () => {
        if (service?.exitCode !== null) throw new Unreachable(`make run exited: ${serviceOutput}`);
        return fetch(`http://127.0.0.1:${port}/health`).then(
          (r) => r.ok,
          () => false,
        );
      },
      { timeout: 30_000, interval: 200, what: 'make run answering /health' },
    );
  }, 180_000);

  afterAll(async () => {
    if (service?.pid && service.exitCode === null) {
      const exited = new Promise((resolve) => service?.once('close', resolve));
      process.kill(-service.pid, 'SIGTERM');
      await exited;
    }
    if (workDir) rmSync(workDir, { recursive: true, force: true });
    const client = await MongoClient.connect(String(testEnv()['MONGODB_URI']));
    await client
      .db(dbName)
      .dropDatabase()
      .catch(() => undefined);
    await client.close();
  }, 30_000);

  it('then make demo, make token, the three curl lines and the SDK snippets (TypeScript, Python) return real customers, as printed there', async () => {
    const rest = commands.slice(1);
    expect(rest.filter((c) => c.startsWith('make demo'))).toHaveLength(1);
    expect(rest.filter((c) => /make -s token/.test(c))).toHaveLength(1);
    expect(rest.filter((c) => c.startsWith('curl '))).toHaveLength(3);
    expect(sdk).toContain("from '@crms/sdk'");
    expect(python).toContain('from crms_sdk');

    // the snippet as written, with the package resolved to the built SDK and the test's port
    const snippet = join(workDir, 'snippet.mts');
    writeFileSync(
      snippet,
      sdk
        .replace("'@crms/sdk'", `'${pathToFileURL(join(ROOT, 'dist', 'generated', 'src', 'index.js')).href}'`)
        .replaceAll('localhost:8001', `localhost:${port}`),
    );
    // the Python snippet as written, with the generated package (generated/python) on the path
    const pySnippet = join(workDir, 'snippet.py');
    writeFileSync(pySnippet, python.replaceAll('localhost:8001', `localhost:${port}`));
    const script = [
      'set -euo pipefail',
      // curl prints no final newline: each marker starts on a line of its own
      ...rest.flatMap((line, i) => [`printf '\\n::step ${i}\\n'`, line.replaceAll('localhost:8001', `localhost:${port}`)]),
      `printf '\\n::step sdk\\n'`,
      `node ${JSON.stringify(snippet)}`,
      `printf '\\n::step python\\n'`,
      `PYTHONDONTWRITEBYTECODE=1 PYTHONPATH=${JSON.stringify(join(ROOT, 'generated', 'python'))} ${JSON.stringify(join(ROOT, '.local', 'venv', 'bin', 'python'))} ${JSON.stringify(pySnippet)}`,
    ].join('\n');
    const result = await bash(script, env);
    if (result.code !== 0) throw new Error(`exit ${result.code}\n${result.stdout}\n${result.stderr}`);
    const outputs = result.stdout.split(/\n::step \S+\n/).slice(1);
    const outputOf = (prefix: string) => outputs[rest.findIndex((c) => c.startsWith(prefix))] ?? '';
    const curls = rest.map((c, i) => [c, outputs[i] ?? ''] as const).filter(([c]) => c.startsWith('curl '));

    expect(outputOf('make demo')).toContain('seeded 100 demo customers; the database now holds 100');
    const [list, search, analytics] = curls.map(([, out]) => JSON.parse(out) as { success: boolean; data: Record<string, unknown> });
    for (const body of [list, search, analytics]) expect(body?.success).toBe(true);
    const customers = list?.data['customers'] as Array<{ fullName: string; totalOrderValue: number }>;
    expect(customers.length).toBeGreaterThan(0);
    expect((list?.data['pagination'] as { totalItems: number }).totalItems).toBe(100);
    const results = search?.data['results'] as Array<{ fullName: string }>;
    expect(results.length).toBeGreaterThan(0);
    expect(analytics?.data['totalCustomers']).toBe(100);

    // what the README shows was printed by such a run: the demo data is the same everywhere
    const shown = printed.join('\n');
    expect(shown).toContain(`"fullName":"${customers[0]?.fullName}"`);
    for (const r of results) expect(shown).toContain(`"fullName":"${r.fullName}"`);
    expect(shown).toContain(
      JSON.stringify({ totalCustomers: 100, byStatus: analytics?.data['byStatus'], byType: analytics?.data['byType'] }).slice(0, -1),
    );
    const sdkLines = (outputs.at(-2) ?? '').trim().split('\n');
    expect(sdkLines.length).toBeGreaterThan(0);
    for (const line of sdkLines) expect(shown).toContain(line);
    // the Python snippet prints what the TypeScript one does
    expect((outputs.at(-1) ?? '').trim().split('\n')).toEqual(sdkLines);
  }, 240_000);
});
