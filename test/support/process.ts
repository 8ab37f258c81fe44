import { spawn, type ChildProcess } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';

/** A free TCP port on loopback. */
export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface CrmsProcess {
  url: string;
  pid: number;
  child: ChildProcess;
  output: () => string;
  /** The JSON log lines the process wrote (pino), parsed. */
  logLines(): Record<string, unknown>[];
  /** Resident set size of the process, in bytes (from /proc). */
  rss(): number;
  /** CPU time (user + system) of the process, in seconds (from /proc). */
  cpuSeconds(): number;
  /** SIGTERM and wait for the exit code. */
  stop(): Promise<number | null>;
  /** SIGKILL: the process dies mid-flight. */
  kill(): Promise<void>;
}

/** Starts the production build (`dist/src/server.js`) as its own process and waits for /health. */
export async function startCrmsProcess(env: Record<string, string>): Promise<CrmsProcess> {
  const port = await freePort();
  const entry = join(process.cwd(), 'dist', 'src', 'server.js');
  const child = spawn(process.execPath, [entry], {
    env: { PATH: process.env['PATH'] ?? '', HOST: '127.0.0.1', PORT: String(port), LOG_LEVEL: 'warn', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const lines: string[] = [];
  // the log is written in batches, so a chunk may end inside a line: keep the rest for the next one
  let partial = '';
  const collect = (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split('\n');
    partial = parts.pop() ?? '';
    for (const line of parts) if (line.startsWith('{')) lines.push(line);
    if (lines.length > 200_000) lines.splice(0, lines.length - 200_000);
  };
  child.stdout?.on('data', (chunk: Buffer) => {
    collect(chunk);
    output = (output + chunk.toString()).slice(-20000);
  });
  child.stderr?.on('data', (chunk: Buffer) => (output = (output + chunk.toString()).slice(-20000)));
  // 'close', not 'exit': by then everything the process wrote to its pipes has been read
  const exited = new Promise<number | null>((resolve) => child.once('close', (code) => resolve(code)));
  // never outlive the test process, whatever happened to the test that started it
  const reap = () => child.kill('SIGKILL');
  process.once('exit', reap);
  child.once('exit', () => process.off('exit', reap));
  const url = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 30_000;
  for (;;) {
    if (child.exitCode !== null) throw new Error(`CRMS exited with ${child.exitCode}: ${output}`);
    if (Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`CRMS did not become healthy: ${output}`);
    }
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) break;
    } catch {
      /* not listening yet */
    }
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
  const pid = child.pid ?? 0;
  return {
    url,
    pid,
    child,
    output: () => output,
    logLines: () =>
      lines.flatMap((line) => {
        try {
          return [JSON.parse(line) as Record<string, unknown>];
        } catch {
          return [];
        }
      }),
    rss() {
      const status = readFileSync(`/proc/${pid}/status`, 'utf8');
      const kb = /VmRSS:\s+(\d+) kB/.exec(status)?.[1];
      return Number(kb ?? 0) * 1024;
    },
    cpuSeconds() {
      const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]?.split(' ') ?? [];
      const ticks = Number(fields[11] ?? 0) + Number(fields[12] ?? 0);
      return ticks / 100;
    },
    async stop() {
      if (child.exitCode === null) child.kill('SIGTERM');
      return exited;
    },
    async kill() {
      if (child.exitCode === null) child.kill('SIGKILL');
      await exited;
    },
  };
}
